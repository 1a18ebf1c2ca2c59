// SQL for confidential referrals. The one visibility rule (`visibleTo`) is applied by every read:
// a referral exists only for its referrer and its counsellor, in an organisation of theirs.
import { aliasedTable, and, asc, count, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { type Principal, sqlPathInScope } from "../../lib/scope.ts";
import { places } from "../places/places.table.ts";
import { participants } from "../programmes/participants.table.ts";
import { projects } from "../programmes/programmes.table.ts";
import { userOrganisations, userRoles, users } from "../users/users.table.ts";
import { referralFollowUps, referrals } from "./referrals.table.ts";

export type ReferralRecord = typeof referrals.$inferSelect;
export type ReferralRow = ReferralRecord & {
  projectName: string;
  placeName: string;
  participantCode: string | null;
  referrerName: string;
  counsellorName: string;
};

/**
 * Who sees a referral: its referrer (while they may still create referrals) and its counsellor
 * (while they hold referrals.manage), and only inside one of their organisations. Nobody else,
 * whatever their role: administrators, other programme staff, viewers and responders get nothing.
 */
export function visibleTo(principal: Principal): SQL {
  const me = principal.userId;
  const mayRefer =
    principal.permissions.has("programmes.write") || principal.permissions.has("referrals.manage");
  const mayCounsel = principal.permissions.has("referrals.manage");
  const roles = [
    mayRefer ? eq(referrals.referrerId, me) : undefined,
    mayCounsel ? eq(referrals.counsellorId, me) : undefined,
  ].filter((c) => c !== undefined);
  if (!me || roles.length === 0 || principal.scope.organisationIds.length === 0) return sql`false`;
  return and(inArray(referrals.organisationId, principal.scope.organisationIds), or(...roles)) as SQL;
}

const referrer = aliasedTable(users, "referrer");
const counsellor = aliasedTable(users, "counsellor");

const rowColumns = {
  referral: referrals,
  projectName: projects.name,
  placeName: places.name,
  participantCode: participants.code,
  referrerName: referrer.name,
  counsellorName: counsellor.name,
};

function joined(db: Db) {
  return db
    .select(rowColumns)
    .from(referrals)
    .innerJoin(projects, eq(projects.id, referrals.projectId))
    .innerJoin(places, eq(places.id, referrals.placeId))
    .innerJoin(referrer, eq(referrer.id, referrals.referrerId))
    .innerJoin(counsellor, eq(counsellor.id, referrals.counsellorId))
    .leftJoin(participants, eq(participants.id, referrals.participantId));
}

type Joined = {
  referral: ReferralRecord;
  projectName: string;
  placeName: string;
  participantCode: string | null;
  referrerName: string;
  counsellorName: string;
};
const flatten = ({ referral, ...rest }: Joined): ReferralRow => ({ ...referral, ...rest });

export async function findVisibleReferral(
  db: Db,
  principal: Principal,
  id: string,
): Promise<ReferralRow | null> {
  const [row] = await joined(db).where(and(eq(referrals.id, id), visibleTo(principal)));
  return row ? flatten(row) : null;
}

/** Follow-ups due (next date today or past) first, then the soonest next date, then the newest. */
export async function listVisibleReferrals(
  db: Db,
  principal: Principal,
  today: string,
): Promise<ReferralRow[]> {
  const rows = await joined(db)
    .where(visibleTo(principal))
    .orderBy(
      sql`case when ${referrals.nextFollowUpOn} <= ${today} then 0 else 1 end`,
      sql`${referrals.nextFollowUpOn} asc nulls last`,
      sql`${referrals.createdAt} desc`,
    )
    .limit(500);
  return rows.map(flatten);
}

export async function insertReferral(db: Db, values: typeof referrals.$inferInsert): Promise<ReferralRecord> {
  const [row] = await db.insert(referrals).values(values).returning();
  if (!row) throw new Error("insert into referrals returned nothing");
  return row;
}

export async function updateReferral(
  db: Db,
  id: string,
  values: Partial<typeof referrals.$inferInsert>,
): Promise<void> {
  await db.update(referrals).set(values).where(eq(referrals.id, id));
}

export async function insertFollowUp(
  db: Db,
  values: typeof referralFollowUps.$inferInsert,
): Promise<{ id: string }> {
  const [row] = await db.insert(referralFollowUps).values(values).returning({ id: referralFollowUps.id });
  if (!row) throw new Error("insert into referral_follow_ups returned nothing");
  return row;
}

export function listFollowUps(db: Db, referralId: string) {
  return db
    .select({
      id: referralFollowUps.id,
      heldOn: referralFollowUps.heldOn,
      noteSealed: referralFollowUps.noteSealed,
      recordedById: referralFollowUps.recordedBy,
      recordedByName: users.name,
    })
    .from(referralFollowUps)
    .innerJoin(users, eq(users.id, referralFollowUps.recordedBy))
    .where(eq(referralFollowUps.referralId, referralId))
    .orderBy(asc(referralFollowUps.heldOn), asc(referralFollowUps.createdAt));
}

/** Active users holding the counsellor role in the organisation. */
export function listCounsellors(db: Db, organisationId: string, userId?: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "counsellor")))
    .innerJoin(
      userOrganisations,
      and(eq(userOrganisations.userId, users.id), eq(userOrganisations.organisationId, organisationId)),
    )
    .where(and(eq(users.active, true), userId ? eq(users.id, userId) : undefined))
    .orderBy(asc(users.name))
    .limit(200);
}

export async function findPlace(db: Db, id: string) {
  const [row] = await db
    .select({ id: places.id, name: places.name, path: places.path, kind: places.kind })
    .from(places)
    .where(eq(places.id, id));
  return row ?? null;
}

/** A registered participant, as far as a referral needs one: never the sealed name or phone. */
export async function findParticipant(db: Db, id: string) {
  const [row] = await db
    .select({
      id: participants.id,
      organisationId: participants.organisationId,
      code: participants.code,
      gender: participants.gender,
      ageBand: participants.ageBand,
      placePath: participants.placePath,
      mergedInto: participants.mergedInto,
      consentWithdrawnAt: participants.consentWithdrawnAt,
    })
    .from(participants)
    .where(eq(participants.id, id));
  return row ?? null;
}

export interface CountFilter {
  /** One project, or several (a programme's dashboard). */
  projectId: string | string[];
  from?: string | undefined;
  to?: string | undefined;
  placePath?: string | undefined;
  /** The reader's own areas when the project reaches beyond them; undefined counts the whole project. */
  limitedTo?: string[] | undefined;
}

const NO_PROJECT = "00000000-0000-0000-0000-000000000000";

/** Counts only: one row per (type, subtype, status, gender, age band) with how many referrals. */
export function countReferrals(db: Db, f: CountFilter) {
  const within = (paths: string[]) =>
    sqlPathInScope(referrals.placePath, { allPlaces: false, placePaths: paths, organisationIds: [] });
  return db
    .select({
      type: referrals.type,
      subtype: referrals.subtype,
      status: referrals.status,
      gender: referrals.gender,
      ageBand: referrals.ageBand,
      n: count(),
    })
    .from(referrals)
    .where(
      and(
        typeof f.projectId === "string"
          ? eq(referrals.projectId, f.projectId)
          : inArray(referrals.projectId, f.projectId.length > 0 ? f.projectId : [NO_PROJECT]),
        f.from ? gte(referrals.referredOn, f.from) : undefined,
        f.to ? lte(referrals.referredOn, f.to) : undefined,
        f.placePath ? within([f.placePath]) : undefined,
        f.limitedTo ? within(f.limitedTo) : undefined,
      ),
    )
    .groupBy(referrals.type, referrals.subtype, referrals.status, referrals.gender, referrals.ageBand);
}

/** For the demo seed: an active user by email, and an organisation's first project and participants. */
export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.email, email));
  return row ?? null;
}

export async function firstProjectOf(db: Db, organisationId: string) {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.organisationId, organisationId))
    .orderBy(asc(projects.createdAt))
    .limit(1);
  return row ?? null;
}

export function someParticipants(db: Db, organisationId: string, placeId: string, limit: number) {
  return db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.organisationId, organisationId), eq(participants.placeId, placeId)))
    .orderBy(asc(participants.code))
    .limit(limit);
}
