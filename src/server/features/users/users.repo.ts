// SQL for users and their grants. Every function takes the db (or a transaction) first.

import { and, eq, ilike, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { PlaceKind } from "../../../common/contracts/places.ts";
import type { UserView } from "../../../common/contracts/users.ts";
import type { Role } from "../../../common/roles.ts";
import { type Db, queryRows } from "../../db/client.ts";
import { type Scope, sqlPathInScope } from "../../lib/scope.ts";
import { responderMembers, responderUnits } from "../cases/responders.table.ts";
import { organisations } from "../organisations/organisations.table.ts";
import { places } from "../places/places.table.ts";
import { userOrganisations, userPlaces, userRoles, users } from "./users.table.ts";

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export interface UserGrants {
  roles: Role[];
  organisations: { id: string; name: string }[];
  places: { id: string; name: string; kind: PlaceKind; path: string }[];
}

export async function listGrants(db: Db, userIds: string[]): Promise<Map<string, UserGrants>> {
  const grants = new Map<string, UserGrants>(
    userIds.map((id) => [id, { roles: [], organisations: [], places: [] }]),
  );
  if (userIds.length === 0) return grants;
  // Sequential on purpose: inside a transaction there is one connection, which takes one query at a time.
  const roleRows = await db.select().from(userRoles).where(inArray(userRoles.userId, userIds));
  const orgRows = await db
    .select({ userId: userOrganisations.userId, id: organisations.id, name: organisations.name })
    .from(userOrganisations)
    .innerJoin(organisations, eq(organisations.id, userOrganisations.organisationId))
    .where(inArray(userOrganisations.userId, userIds));
  const placeRows = await db
    .select({
      userId: userPlaces.userId,
      id: places.id,
      name: places.name,
      kind: places.kind,
      path: places.path,
    })
    .from(userPlaces)
    .innerJoin(places, eq(places.id, userPlaces.placeId))
    .where(inArray(userPlaces.userId, userIds));
  for (const r of roleRows) grants.get(r.userId)?.roles.push(r.role as Role);
  for (const { userId, ...org } of orgRows) grants.get(userId)?.organisations.push(org);
  for (const { userId, ...place } of placeRows) grants.get(userId)?.places.push(place);
  for (const g of grants.values()) {
    g.roles.sort();
    g.organisations.sort((a, b) => a.name.localeCompare(b.name));
    g.places.sort((a, b) => a.path.localeCompare(b.path));
  }
  return grants;
}

/** Holds the user's row until the transaction ends: grants and unit memberships are checked together. */
export async function lockUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).for("update");
  return row;
}

/** The kinds of every responder unit the user belongs to, active or not: half of "police or government". */
export async function unitKindsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ kind: responderUnits.kind })
    .from(responderMembers)
    .innerJoin(responderUnits, eq(responderUnits.id, responderMembers.unitId))
    .where(eq(responderMembers.userId, userId));
  return rows.map((r) => r.kind);
}

export function toUserView(row: UserRow, grants: UserGrants): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale === "sw" ? "sw" : "en",
    roles: grants.roles,
    organisations: grants.organisations,
    places: grants.places.map(({ id, name, kind }) => ({ id, name, kind })),
    twoFactorEnabled: row.twoFactorEnabled,
    emailNotices: row.emailNotices,
    mustChangePassword: row.mustChangePassword,
    active: row.active,
    canRevealIdentity: row.canRevealIdentity,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A user is visible to a scope when all of their organisations are among the scope's and all of
 * their places lie within the scope's places: an administrator manages only people wholly inside their reach.
 */
function userWithinScope(scope: Scope) {
  const orgIds =
    scope.organisationIds.length > 0 ? scope.organisationIds : ["00000000-0000-0000-0000-000000000000"];
  return and(
    sql`not exists (select 1 from ${userOrganisations} uo where uo.user_id = ${users.id}
      and uo.organisation_id not in (${sql.join(
        orgIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`,
    sql`not exists (select 1 from ${userPlaces} up join ${places} p on p.id = up.place_id
      where up.user_id = ${users.id} and not ${sqlPathInScope(sql`p.path`, scope)})`,
  );
}

export async function listUsersInScope(
  db: Db,
  scope: Scope,
  filter: { q?: string | undefined; role?: Role | undefined; organisationId?: string | undefined },
): Promise<UserRow[]> {
  const conditions = [userWithinScope(scope)];
  if (filter.q) conditions.push(or(ilike(users.email, `%${filter.q}%`), ilike(users.name, `%${filter.q}%`)));
  if (filter.role)
    conditions.push(
      sql`exists (select 1 from ${userRoles} ur where ur.user_id = ${users.id} and ur.role = ${filter.role})`,
    );
  if (filter.organisationId)
    conditions.push(
      sql`exists (select 1 from ${userOrganisations} uo where uo.user_id = ${users.id} and uo.organisation_id = ${filter.organisationId})`,
    );
  return db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(users.name)
    .limit(1000);
}

export async function isUserInScope(db: Db, scope: Scope, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), userWithinScope(scope)));
  return row !== undefined;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error("insert into users returned nothing");
  return row;
}

export async function updateUserRow(
  db: Db,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw new Error(`user ${id} vanished during update`);
  return row;
}

export async function replaceGrants(
  db: Db,
  userId: string,
  grants: {
    roles?: Role[] | undefined;
    organisationIds?: string[] | undefined;
    placeIds?: string[] | undefined;
  },
): Promise<void> {
  if (grants.roles) {
    await db.delete(userRoles).where(eq(userRoles.userId, userId));
    await db.insert(userRoles).values([...new Set(grants.roles)].map((role) => ({ userId, role })));
  }
  if (grants.organisationIds) {
    await db.delete(userOrganisations).where(eq(userOrganisations.userId, userId));
    await db
      .insert(userOrganisations)
      .values([...new Set(grants.organisationIds)].map((organisationId) => ({ userId, organisationId })));
  }
  if (grants.placeIds) {
    await db.delete(userPlaces).where(eq(userPlaces.userId, userId));
    await db.insert(userPlaces).values([...new Set(grants.placeIds)].map((placeId) => ({ userId, placeId })));
  }
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${users}`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Accepts a code's step only if it is newer than the last accepted one, atomically, so a code seen
 * over a shoulder or in a proxy log cannot be used again within its 90-second validity.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}
