// Use cases for managing staff accounts. Every change writes its audit row in the same transaction.
import { inArray } from "drizzle-orm";
import { conflictOfInterestIn } from "../../../common/conflict-of-interest.ts";
import type { CreateUserInput, UpdateUserInput, UserView } from "../../../common/contracts/users.ts";
import type { Role } from "../../../common/roles.ts";
import type { Db } from "../../db/client.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, conflict, forbidden, notFound } from "../../lib/errors.ts";
import { hashPassword } from "../../lib/passwords.ts";
import { organisationInScope, type Principal, placeInScope } from "../../lib/scope.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { organisations } from "../organisations/organisations.table.ts";
import { places } from "../places/places.table.ts";
import { deleteSessionsOfUser } from "./sessions.repo.ts";
import * as repo from "./users.repo.ts";

export function actorOf(principal: Principal): Actor {
  return { id: principal.userId || null, label: principal.email };
}

async function loadView(db: Db, row: repo.UserRow): Promise<UserView & { grants: repo.UserGrants }> {
  const grants = (await repo.listGrants(db, [row.id])).get(row.id) ?? {
    roles: [],
    organisations: [],
    places: [],
  };
  return { ...repo.toUserView(row, grants), grants };
}

interface Grants {
  roles?: Role[] | undefined;
  organisationIds?: string[] | undefined;
  placeIds?: string[] | undefined;
  canRevealIdentity?: boolean | undefined;
}

/** What the user holds before the change; a new user holds nothing and belongs to no unit. */
interface Current {
  roles: Role[];
  canRevealIdentity: boolean;
  unitKinds: string[];
}

/**
 * Police or government (by role or unit) never also hold the reveal flag or complaints.oversee:
 * checked on the user as the change would leave them, naming the field that brought the conflict.
 * Only a change that gives something is checked, so that a person made so before this rule can still
 * be renamed, deactivated or have the flag or a role taken away.
 */
function refuseConflictOfInterest(grants: Grants, current: Current): void {
  const givesFlag = grants.canRevealIdentity === true && !current.canRevealIdentity;
  const givesRole = (grants.roles ?? []).some((role) => !current.roles.includes(role));
  if (!givesFlag && !givesRole) return;
  const reason = conflictOfInterestIn({
    roles: grants.roles ?? current.roles,
    unitKinds: current.unitKinds,
    canRevealIdentity: grants.canRevealIdentity ?? current.canRevealIdentity,
  });
  if (!reason) return;
  const path = givesFlag ? "canRevealIdentity" : "roles";
  throw badRequest(`${path}: ${reason}`, [{ path, message: reason }]);
}

/** Checks that the principal may hand out these grants: they exist and lie within the principal's own reach. */
async function checkGrants(
  db: Db,
  principal: Principal,
  grants: Grants,
  current: Current,
): Promise<{ placePaths: string[] }> {
  if (grants.roles?.includes("admin") && !principal.roles.includes("admin"))
    throw forbidden("Only an administrator can grant the admin role.");
  refuseConflictOfInterest(grants, current);
  let placePaths: string[] = [];
  if (grants.placeIds) {
    const found = await db.select().from(places).where(inArray(places.id, grants.placeIds));
    const unknown = grants.placeIds.filter((id) => !found.some((p) => p.id === id));
    if (unknown.length > 0)
      throw badRequest(`placeIds: unknown place ${unknown.join(", ")}`, [
        { path: "placeIds", message: `unknown place ${unknown.join(", ")}` },
      ]);
    if (found.some((p) => !placeInScope(principal.scope, p.path)))
      throw forbidden("You can only grant areas within your own areas.");
    placePaths = found.map((p) => p.path);
  }
  if (grants.organisationIds) {
    const found = await db
      .select()
      .from(organisations)
      .where(inArray(organisations.id, grants.organisationIds));
    const unknown = grants.organisationIds.filter((id) => !found.some((o) => o.id === id));
    if (unknown.length > 0)
      throw badRequest(`organisationIds: unknown organisation ${unknown.join(", ")}`, [
        { path: "organisationIds", message: `unknown organisation ${unknown.join(", ")}` },
      ]);
    if (grants.organisationIds.some((id) => !organisationInScope(principal.scope, id)))
      throw forbidden("You can only grant organisations you belong to.");
  }
  return { placePaths };
}

function auditView(view: UserView) {
  const { createdAt: _createdAt, ...rest } = view;
  return rest;
}

export async function createUser(
  deps: Deps,
  principal: Principal,
  input: CreateUserInput,
): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(deps, async (tx) => {
    if (await repo.findUserByEmail(tx.db, input.email))
      throw conflict(`A user with email ${input.email} already exists.`);
    const { placePaths } = await checkGrants(tx.db, principal, input, {
      roles: [],
      canRevealIdentity: false,
      unitKinds: [],
    });
    const row = await repo.insertUser(tx.db, {
      email: input.email,
      name: input.name,
      passwordHash,
      locale: input.locale ?? "en",
      canRevealIdentity: input.canRevealIdentity ?? false,
      mustChangePassword: false,
    });
    await repo.replaceGrants(tx.db, row.id, input);
    const { grants: _g, ...view } = await loadView(tx.db, row);
    await recordAudit(tx, actorOf(principal), {
      action: "user.create",
      entityType: "user",
      entityId: row.id,
      organisationId: input.organisationIds[0] ?? null,
      placePath: placePaths.length === 1 ? (placePaths[0] ?? null) : null,
      after: auditView(view),
    });
    return view;
  });
}

async function getScopedUserRow(deps: Deps, principal: Principal, id: string): Promise<repo.UserRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id) || !(await repo.isUserInScope(deps.db, principal.scope, id)))
    throw notFound("User");
  const row = await repo.findUserById(deps.db, id);
  if (!row) throw notFound("User");
  return row;
}

export async function getUser(deps: Deps, principal: Principal, id: string): Promise<UserView> {
  const { grants: _g, ...view } = await loadView(deps.db, await getScopedUserRow(deps, principal, id));
  return view;
}

export async function listUsers(
  deps: Deps,
  principal: Principal,
  filter: { q?: string | undefined; role?: Role | undefined; organisationId?: string | undefined },
): Promise<UserView[]> {
  const rows = await repo.listUsersInScope(deps.db, principal.scope, filter);
  const grants = await repo.listGrants(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    repo.toUserView(r, grants.get(r.id) ?? { roles: [], organisations: [], places: [] }),
  );
}

export async function updateUser(
  deps: Deps,
  principal: Principal,
  id: string,
  input: UpdateUserInput,
): Promise<UserView> {
  return inTransaction(deps, async (tx) => {
    const scoped = await getScopedUserRow(tx, principal, id);
    // Locked before reading its grants, so that a unit membership given at the same moment
    // (setUnitMembers locks the same row) cannot slip past this check, nor this change past that one.
    const row = (await repo.lockUser(tx.db, id)) ?? scoped;
    const { grants, ...before } = await loadView(tx.db, row);
    if (
      id === principal.userId &&
      (input.active === false ||
        (input.roles && !input.roles.includes("admin") && grants.roles.includes("admin")))
    )
      throw badRequest(
        "You cannot deactivate yourself or remove your own admin role; ask another administrator.",
      );
    await checkGrants(tx.db, principal, input, {
      roles: grants.roles,
      canRevealIdentity: row.canRevealIdentity,
      unitKinds: await repo.unitKindsOf(tx.db, id),
    });
    const updated = await repo.updateUserRow(tx.db, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.active !== undefined && { active: input.active }),
      ...(input.canRevealIdentity !== undefined && { canRevealIdentity: input.canRevealIdentity }),
    });
    await repo.replaceGrants(tx.db, id, input);
    if (input.active === false || input.roles || input.placeIds || input.organisationIds)
      await deleteSessionsOfUser(tx.db, id); // grants changed: make them take effect now
    const { grants: _after, ...view } = await loadView(tx.db, updated);
    await recordAudit(tx, actorOf(principal), {
      action: "user.update",
      entityType: "user",
      entityId: id,
      organisationId: view.organisations[0]?.id ?? null,
      before: auditView(before),
      after: auditView(view),
    });
    return view;
  });
}

export async function resetPassword(
  deps: Deps,
  principal: Principal,
  id: string,
  password: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await inTransaction(deps, async (tx) => {
    const row = await getScopedUserRow(tx, principal, id);
    await repo.updateUserRow(tx.db, id, { passwordHash, mustChangePassword: true });
    await deleteSessionsOfUser(tx.db, id);
    await recordAudit(tx, actorOf(principal), {
      action: "user.reset_password",
      entityType: "user",
      entityId: id,
      before: { mustChangePassword: row.mustChangePassword },
      after: { mustChangePassword: true },
    });
  });
}

export function countUsers(deps: Deps): Promise<number> {
  return repo.countUsers(deps.db);
}
