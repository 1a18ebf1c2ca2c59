// SQL for activities, dialogue sessions and their action points. Every function takes the db first.
import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { ActionPointView, ActivitySummary } from "../../../common/contracts/programmes-views.ts";
import type { Db } from "../../db/client.ts";
import { type Scope, sqlPathInScope } from "../../lib/scope.ts";
import { places } from "../places/places.table.ts";
import { actionPoints, activities, dialogueSessions } from "./activities.table.ts";
import { anonymousAttendances, attendances } from "./participants.table.ts";
import { projects } from "./programmes.table.ts";

export type ActivityRow = typeof activities.$inferSelect;

export async function insertActivity(db: Db, values: typeof activities.$inferInsert): Promise<ActivityRow> {
  const [row] = await db.insert(activities).values(values).returning();
  if (!row) throw new Error("insert into activities returned nothing");
  return row;
}

export async function insertDialogue(db: Db, values: typeof dialogueSessions.$inferInsert): Promise<void> {
  await db.insert(dialogueSessions).values(values);
}

export async function insertActionPoints(
  db: Db,
  activityId: string,
  points: { text: string; owner?: string | undefined; dueOn?: string | undefined }[],
  now: Date,
): Promise<void> {
  if (points.length === 0) return;
  await db.insert(actionPoints).values(
    points.map((p, position) => ({
      activityId,
      position,
      text: p.text,
      owner: p.owner?.trim() || null,
      dueOn: p.dueOn ?? null,
      updatedAt: now,
    })),
  );
}

const namedCount = sql<number>`(select count(*)::int from ${attendances} where ${attendances.activityId} = ${activities.id})`;
const anonymousCount = sql<number>`(select coalesce(sum(${anonymousAttendances.count}), 0)::int from ${anonymousAttendances} where ${anonymousAttendances.activityId} = ${activities.id})`;

const summaryColumns = {
  id: activities.id,
  projectId: activities.projectId,
  projectName: projects.name,
  type: activities.type,
  title: activities.title,
  heldOn: activities.heldOn,
  placeId: activities.placeId,
  placeName: places.name,
  namedAttendances: namedCount,
  anonymousAttendances: anonymousCount,
};

export type ActivityDetailRow = ActivityRow & { projectName: string; placeName: string };

export async function findActivity(db: Db, id: string): Promise<ActivityDetailRow | null> {
  const [row] = await db
    .select({ activity: activities, projectName: projects.name, placeName: places.name })
    .from(activities)
    .innerJoin(projects, eq(projects.id, activities.projectId))
    .innerJoin(places, eq(places.id, activities.placeId))
    .where(eq(activities.id, id));
  return row ? { ...row.activity, projectName: row.projectName, placeName: row.placeName } : null;
}

export async function activityCounts(db: Db, id: string): Promise<{ named: number; anonymous: number }> {
  const [row] = await db
    .select({ named: namedCount, anonymous: anonymousCount })
    .from(activities)
    .where(eq(activities.id, id));
  return row ? { named: Number(row.named), anonymous: Number(row.anonymous) } : { named: 0, anonymous: 0 };
}

export interface ActivityFilter {
  projectId?: string | undefined;
  type?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  placePath?: string | undefined;
  limit: number;
  offset: number;
}

/** Newest first, within the reader's organisations and areas. */
export async function listActivities(db: Db, scope: Scope, f: ActivityFilter): Promise<ActivitySummary[]> {
  if (scope.organisationIds.length === 0) return [];
  const rows = await db
    .select(summaryColumns)
    .from(activities)
    .innerJoin(projects, eq(projects.id, activities.projectId))
    .innerJoin(places, eq(places.id, activities.placeId))
    .where(
      and(
        inArray(activities.organisationId, scope.organisationIds),
        sqlPathInScope(activities.placePath, scope),
        f.projectId ? eq(activities.projectId, f.projectId) : undefined,
        f.type ? eq(activities.type, f.type) : undefined,
        f.from ? gte(activities.heldOn, f.from) : undefined,
        f.to ? lte(activities.heldOn, f.to) : undefined,
        f.placePath
          ? sqlPathInScope(activities.placePath, {
              allPlaces: false,
              placePaths: [f.placePath],
              organisationIds: [],
            })
          : undefined,
      ) as SQL,
    )
    .orderBy(desc(activities.heldOn), desc(activities.createdAt))
    .limit(f.limit)
    .offset(f.offset);
  return rows.map((r) => ({
    ...r,
    type: r.type as ActivitySummary["type"],
    namedAttendances: Number(r.namedAttendances),
    anonymousAttendances: Number(r.anonymousAttendances),
  }));
}

export async function findDialogue(db: Db, activityId: string) {
  const [row] = await db.select().from(dialogueSessions).where(eq(dialogueSessions.activityId, activityId));
  return row ?? null;
}

export async function listActionPoints(db: Db, activityId: string): Promise<ActionPointView[]> {
  const rows = await db
    .select()
    .from(actionPoints)
    .where(eq(actionPoints.activityId, activityId))
    .orderBy(asc(actionPoints.position));
  return rows.map(toActionPointView);
}

export function toActionPointView(r: typeof actionPoints.$inferSelect): ActionPointView {
  return {
    id: r.id,
    text: r.text,
    owner: r.owner,
    dueOn: r.dueOn,
    status: r.status as ActionPointView["status"],
    evidence: r.evidence,
  };
}

export async function findActionPoint(db: Db, id: string) {
  const [row] = await db
    .select({
      point: actionPoints,
      organisationId: activities.organisationId,
      placePath: activities.placePath,
    })
    .from(actionPoints)
    .innerJoin(activities, eq(activities.id, actionPoints.activityId))
    .where(eq(actionPoints.id, id));
  return row ?? null;
}

export async function updateActionPoint(
  db: Db,
  id: string,
  values: { status: string; evidence: string | null; updatedAt: Date },
): Promise<ActionPointView> {
  const [row] = await db.update(actionPoints).set(values).where(eq(actionPoints.id, id)).returning();
  if (!row) throw new Error("update of action_points returned nothing");
  return toActionPointView(row);
}

// Editing an activity (activity-edit.service.ts).

/** Updates only if nobody changed the activity since `readAt`; null when they did. */
export async function updateActivityRow(
  db: Db,
  id: string,
  readAt: Date,
  values: Partial<typeof activities.$inferInsert> & { updatedAt: Date },
): Promise<ActivityRow | null> {
  const [row] = await db
    .update(activities)
    .set(values)
    .where(
      and(
        eq(activities.id, id),
        // Compared to the millisecond: a JavaScript date carries no finer time than that.
        sql`date_trunc('milliseconds', ${activities.updatedAt}) = ${readAt.toISOString()}::timestamptz`,
      ),
    )
    .returning();
  return row ?? null;
}

export async function saveDialogue(db: Db, values: typeof dialogueSessions.$inferInsert): Promise<void> {
  const { activityId: _id, ...fields } = values;
  await db.insert(dialogueSessions).values(values).onConflictDoUpdate({
    target: dialogueSessions.activityId,
    set: fields,
  });
}

export async function deleteDialogue(db: Db, activityId: string): Promise<void> {
  await db.delete(actionPoints).where(eq(actionPoints.activityId, activityId));
  await db.delete(dialogueSessions).where(eq(dialogueSessions.activityId, activityId));
}

export type ActionPointRow = typeof actionPoints.$inferSelect;

export function actionPointRows(db: Db, activityId: string): Promise<ActionPointRow[]> {
  return db
    .select()
    .from(actionPoints)
    .where(eq(actionPoints.activityId, activityId))
    .orderBy(asc(actionPoints.position));
}

export async function deleteActionPoints(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(actionPoints).where(inArray(actionPoints.id, ids));
}

/** Writes one action point at `position`: the existing one named by `id`, or a new one. */
export async function putActionPoint(
  db: Db,
  activityId: string,
  id: string | undefined,
  values: { position: number; text: string; owner: string | null; dueOn: string | null; updatedAt: Date },
): Promise<void> {
  if (id) await db.update(actionPoints).set(values).where(eq(actionPoints.id, id));
  else await db.insert(actionPoints).values({ activityId, ...values });
}

/** Attendance rows carry copies of their activity's facts (see participants.table.ts): keep them true. */
export async function updateAttendanceFacts(
  db: Db,
  activityId: string,
  facts: {
    projectId: string;
    activityType: string;
    heldOn: string;
    placePath: string;
    dialogueGroup: string | null;
  },
): Promise<void> {
  await db.update(attendances).set(facts).where(eq(attendances.activityId, activityId));
  await db.update(anonymousAttendances).set(facts).where(eq(anonymousAttendances.activityId, activityId));
}
