// SQL for the participant registry and attendance. Every function takes the db (or a transaction) first.
import { and, arrayContains, asc, count, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.ts";
import { type Scope, sqlPathInScope } from "../../lib/scope.ts";
import { places } from "../places/places.table.ts";
import { anonymousAttendances, attendances, participants } from "./participants.table.ts";

export type ParticipantRow = typeof participants.$inferSelect & { placeName: string };

const withPlaceName = { participant: participants, placeName: places.name };
const flatten = (r: {
  participant: typeof participants.$inferSelect;
  placeName: string;
}): ParticipantRow => ({
  ...r.participant,
  placeName: r.placeName,
});

/** Organisation and area: the registry is scoped like every other record. Merged records are gone. */
function visible(scope: Scope): SQL {
  return and(
    scope.organisationIds.length > 0
      ? inArray(participants.organisationId, scope.organisationIds)
      : sql`false`,
    sqlPathInScope(participants.placePath, scope),
    isNull(participants.mergedInto),
  ) as SQL;
}

/** Null when the drawn code is taken; the caller draws again. */
export async function insertParticipant(
  db: Db,
  values: typeof participants.$inferInsert,
): Promise<typeof participants.$inferSelect | null> {
  const [row] = await db
    .insert(participants)
    .values(values)
    .onConflictDoNothing({ target: participants.code })
    .returning();
  return row ?? null;
}

export async function findVisibleParticipants(
  db: Db,
  scope: Scope,
  ids: string[],
): Promise<ParticipantRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(withPlaceName)
    .from(participants)
    .innerJoin(places, eq(places.id, participants.placeId))
    .where(and(inArray(participants.id, ids), visible(scope)));
  return rows.map(flatten);
}

export interface SearchFilter {
  code?: string | null;
  /** Keyed hashes of the typed name prefixes; every one must match. */
  prefixHashes?: string[];
  organisationId?: string | undefined;
  placePath?: string | undefined;
  limit: number;
}

export async function searchParticipants(db: Db, scope: Scope, f: SearchFilter): Promise<ParticipantRow[]> {
  const rows = await db
    .select(withPlaceName)
    .from(participants)
    .innerJoin(places, eq(places.id, participants.placeId))
    .where(
      and(
        visible(scope),
        f.code ? eq(participants.code, f.code) : undefined,
        f.prefixHashes && f.prefixHashes.length > 0
          ? arrayContains(participants.namePrefixes, f.prefixHashes)
          : undefined,
        f.organisationId ? eq(participants.organisationId, f.organisationId) : undefined,
        f.placePath
          ? sqlPathInScope(participants.placePath, {
              allPlaces: false,
              placePaths: [f.placePath],
              organisationIds: [],
            })
          : undefined,
      ),
    )
    .orderBy(asc(participants.code))
    .limit(f.limit);
  return rows.map(flatten);
}

/** Registered people who may be one person: same phone, or same name, age band and place. */
export async function duplicateCandidates(
  db: Db,
  scope: Scope,
  f: { organisationId?: string | undefined; placePath?: string | undefined },
): Promise<{ reason: "same_phone" | "same_name_age_place"; ids: string[] }[]> {
  const filter = and(
    visible(scope),
    f.organisationId ? eq(participants.organisationId, f.organisationId) : undefined,
    f.placePath
      ? sqlPathInScope(participants.placePath, {
          allPlaces: false,
          placePaths: [f.placePath],
          organisationIds: [],
        })
      : undefined,
  );
  const byPhone = await db
    .select({
      ids: sql<
        string[]
      >`array_agg(${participants.id} order by ${participants.createdAt}, ${participants.code})`,
    })
    .from(participants)
    .where(and(filter, isNotNull(participants.phoneIndex)))
    .groupBy(participants.organisationId, participants.phoneIndex)
    .having(sql`count(*) > 1`)
    .limit(200);
  const byName = await db
    .select({
      ids: sql<
        string[]
      >`array_agg(${participants.id} order by ${participants.createdAt}, ${participants.code})`,
    })
    .from(participants)
    .where(and(filter, isNotNull(participants.nameIndex)))
    .groupBy(
      participants.organisationId,
      participants.nameIndex,
      participants.ageBand,
      participants.placePath,
    )
    .having(sql`count(*) > 1`)
    .limit(200);
  return [
    ...byPhone.map((r) => ({ reason: "same_phone" as const, ids: r.ids })),
    ...byName.map((r) => ({ reason: "same_name_age_place" as const, ids: r.ids })),
  ];
}

/** Others in the organisation with the same phone, or the same name, age band and place. */
export async function findMatches(
  db: Db,
  scope: Scope,
  p: {
    id: string;
    organisationId: string;
    phoneIndex: string | null;
    nameIndex: string | null;
    ageBand: string;
    placePath: string;
  },
): Promise<ParticipantRow[]> {
  const same = [
    p.phoneIndex ? eq(participants.phoneIndex, p.phoneIndex) : undefined,
    p.nameIndex
      ? and(
          eq(participants.nameIndex, p.nameIndex),
          eq(participants.ageBand, p.ageBand),
          eq(participants.placePath, p.placePath),
        )
      : undefined,
  ].filter((c) => c !== undefined);
  if (same.length === 0) return [];
  const rows = await db
    .select(withPlaceName)
    .from(participants)
    .innerJoin(places, eq(places.id, participants.placeId))
    .where(
      and(
        visible(scope),
        eq(participants.organisationId, p.organisationId),
        sql`${participants.id} <> ${p.id}`,
        sql`(${sql.join(same, sql` or `)})`,
      ),
    )
    .limit(10);
  return rows.map(flatten);
}

export async function updateParticipant(
  db: Db,
  id: string,
  values: Partial<typeof participants.$inferInsert>,
): Promise<void> {
  await db.update(participants).set(values).where(eq(participants.id, id));
}

/**
 * Moves a duplicate's attendance to the kept participant. Where both were marked at one activity the
 * kept row stands and the duplicate's is dropped, so the person is counted there once.
 */
export async function moveAttendances(
  db: Db,
  keepId: string,
  mergeId: string,
): Promise<{ moved: number; alreadyPresent: number }> {
  const [before] = await db
    .select({ n: count() })
    .from(attendances)
    .where(eq(attendances.participantId, mergeId));
  const moved = await queryRows<{ activity_id: string }>(
    db,
    sql`insert into ${attendances} (activity_id, participant_id, project_id, activity_type, held_on, place_path, dialogue_group)
        select activity_id, ${keepId}, project_id, activity_type, held_on, place_path, dialogue_group
        from ${attendances} where participant_id = ${mergeId}
        on conflict do nothing returning activity_id`,
  );
  await db.delete(attendances).where(eq(attendances.participantId, mergeId));
  return { moved: moved.length, alreadyPresent: (before?.n ?? 0) - moved.length };
}

export async function attendanceCount(db: Db, participantId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(attendances)
    .where(eq(attendances.participantId, participantId));
  return row?.n ?? 0;
}

export interface ActivityFacts {
  activityId: string;
  projectId: string;
  activityType: string;
  heldOn: string;
  placePath: string;
  dialogueGroup: string | null;
}

/** Marks people present; someone already marked at this activity stays marked once. */
export async function insertAttendances(
  db: Db,
  facts: ActivityFacts,
  participantIds: string[],
): Promise<number> {
  if (participantIds.length === 0) return 0;
  const rows = await db
    .insert(attendances)
    .values(participantIds.map((participantId) => ({ ...facts, participantId })))
    .onConflictDoNothing()
    .returning({ participantId: attendances.participantId });
  return rows.length;
}

export async function deleteAttendances(
  db: Db,
  activityId: string,
  participantIds: string[],
): Promise<number> {
  const rows = await db
    .delete(attendances)
    .where(and(eq(attendances.activityId, activityId), inArray(attendances.participantId, participantIds)))
    .returning({ participantId: attendances.participantId });
  return rows.length;
}

export async function insertAnonymous(
  db: Db,
  facts: ActivityFacts,
  counts: { gender: string; ageBand: string; role: string; disability: string; count: number }[],
): Promise<void> {
  if (counts.length > 0)
    await db.insert(anonymousAttendances).values(counts.map((c) => ({ ...facts, ...c })));
}

export async function listAttendees(db: Db, activityId: string): Promise<ParticipantRow[]> {
  const rows = await db
    .select(withPlaceName)
    .from(attendances)
    .innerJoin(participants, eq(participants.id, attendances.participantId))
    .innerJoin(places, eq(places.id, participants.placeId))
    .where(eq(attendances.activityId, activityId))
    .orderBy(asc(participants.code));
  return rows.map(flatten);
}

export function listAnonymous(db: Db, activityId: string) {
  return db
    .select({
      gender: anonymousAttendances.gender,
      ageBand: anonymousAttendances.ageBand,
      role: anonymousAttendances.role,
      disability: anonymousAttendances.disability,
      count: anonymousAttendances.count,
    })
    .from(anonymousAttendances)
    .where(eq(anonymousAttendances.activityId, activityId))
    .orderBy(asc(anonymousAttendances.gender), asc(anonymousAttendances.ageBand));
}
