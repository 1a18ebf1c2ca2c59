// SQL for impact stories and their links. Every function takes the db (or a transaction) first.
// Activities, action points, places and participants are other features' tables, read here only.
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  StoryActionPointLink,
  StoryActivityLink,
  StoryPlaceLink,
  StoryStatus,
  StoryUse,
} from "../../../common/contracts/stories-views.ts";
import type { Db } from "../../db/client.ts";
import { type Scope, sqlPathInScope } from "../../lib/scope.ts";
import { places } from "../places/places.table.ts";
import { actionPoints, activities } from "../programmes/activities.table.ts";
import { participants } from "../programmes/participants.table.ts";
import { sqlOverlapsScope } from "../programmes/programme-scope.ts";
import { projects } from "../programmes/programmes.table.ts";
import { users } from "../users/users.table.ts";
import {
  impactStories,
  impactStoryActionPoints,
  impactStoryActivities,
  impactStoryParticipants,
  impactStoryPlaces,
} from "./stories.table.ts";

export type StoryRow = typeof impactStories.$inferSelect;
export type StoryDetailRow = StoryRow & {
  projectName: string;
  authorName: string | null;
  approverName: string | null;
};

const author = alias(users, "story_author");
const approver = alias(users, "story_approver");

export async function insertStory(db: Db, values: typeof impactStories.$inferInsert): Promise<StoryRow> {
  const [row] = await db.insert(impactStories).values(values).returning();
  if (!row) throw new Error("insert into impact_stories returned nothing");
  return row;
}

/** Null when the story is no longer in status `from` (someone else moved it meanwhile). */
export async function updateStory(
  db: Db,
  id: string,
  from: string,
  values: Partial<typeof impactStories.$inferInsert>,
): Promise<StoryRow | null> {
  const [row] = await db
    .update(impactStories)
    .set(values)
    .where(and(eq(impactStories.id, id), eq(impactStories.status, from)))
    .returning();
  return row ?? null;
}

export async function findStory(
  db: Db,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<StoryDetailRow | null> {
  if (opts.forUpdate)
    await db
      .select({ id: impactStories.id })
      .from(impactStories)
      .where(eq(impactStories.id, id))
      .for("update");
  const [row] = await db
    .select({
      story: impactStories,
      projectName: projects.name,
      authorName: author.name,
      approverName: approver.name,
    })
    .from(impactStories)
    .innerJoin(projects, eq(projects.id, impactStories.projectId))
    .leftJoin(author, eq(author.id, impactStories.authorId))
    .leftJoin(approver, eq(approver.id, impactStories.approvedBy))
    .where(eq(impactStories.id, id));
  return row
    ? {
        ...row.story,
        projectName: row.projectName,
        authorName: row.authorName,
        approverName: row.approverName,
      }
    : null;
}

/** Approved, consent in force and covering `use`: the SQL twin of the service's usability rule. */
export function sqlUsableFor(use: StoryUse): SQL {
  const scopes =
    use === "public"
      ? ["public"]
      : use === "donor_reports"
        ? ["donor_reports", "public"]
        : ["internal", "donor_reports", "public"];
  return and(
    eq(impactStories.status, "approved"),
    isNotNull(impactStories.consentScope),
    isNull(impactStories.consentWithdrawnAt),
    inArray(impactStories.consentScope, scopes),
  ) as SQL;
}

function visible(scope: Scope, onlyUsableFor: StoryUse | null): SQL {
  return and(
    scope.organisationIds.length > 0
      ? inArray(impactStories.organisationId, scope.organisationIds)
      : sql`false`,
    sqlOverlapsScope(impactStories.placePath, scope),
    onlyUsableFor ? sqlUsableFor(onlyUsableFor) : undefined,
  ) as SQL;
}

function placeFilter(placePath: string): SQL {
  return sql`exists (select 1 from ${impactStoryPlaces} where ${impactStoryPlaces.storyId} = ${impactStories.id} and ${sqlPathInScope(impactStoryPlaces.placePath, { allPlaces: false, placePaths: [placePath], organisationIds: [] })})`;
}

export interface StoryFilter {
  projectId?: string | undefined;
  status?: StoryStatus | undefined;
  placePath?: string | undefined;
  limit: number;
  offset: number;
}

export async function listStories(
  db: Db,
  scope: Scope,
  onlyUsableFor: StoryUse | null,
  f: StoryFilter,
): Promise<StoryDetailRow[]> {
  const rows = await db
    .select({ story: impactStories, projectName: projects.name, authorName: author.name })
    .from(impactStories)
    .innerJoin(projects, eq(projects.id, impactStories.projectId))
    .leftJoin(author, eq(author.id, impactStories.authorId))
    .where(
      and(
        visible(scope, onlyUsableFor),
        f.projectId ? eq(impactStories.projectId, f.projectId) : undefined,
        f.status ? eq(impactStories.status, f.status) : undefined,
        f.placePath ? placeFilter(f.placePath) : undefined,
      ),
    )
    .orderBy(desc(impactStories.updatedAt), asc(impactStories.title))
    .limit(f.limit)
    .offset(f.offset);
  return rows.map((r) => ({
    ...r.story,
    projectName: r.projectName,
    authorName: r.authorName,
    approverName: null,
  }));
}

export async function countUsable(
  db: Db,
  scope: Scope,
  use: StoryUse,
  f: { projectIds?: readonly string[] | undefined; from?: Date | undefined; to?: Date | undefined },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(impactStories)
    .where(
      and(
        visible(scope, use),
        f.projectIds ? inArray(impactStories.projectId, [...f.projectIds]) : undefined,
        f.from ? gte(impactStories.approvedAt, f.from) : undefined,
        f.to ? lte(impactStories.approvedAt, f.to) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}

// ---- links ----

export async function placeNamesOf(db: Db, storyIds: string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (storyIds.length === 0) return names;
  const rows = await db
    .select({ storyId: impactStoryPlaces.storyId, name: places.name })
    .from(impactStoryPlaces)
    .innerJoin(places, eq(places.id, impactStoryPlaces.placeId))
    .where(inArray(impactStoryPlaces.storyId, storyIds))
    .orderBy(asc(places.name));
  for (const r of rows) names.set(r.storyId, [...(names.get(r.storyId) ?? []), r.name]);
  return names;
}

export async function linksOf(db: Db, storyId: string) {
  const linkedActivities: StoryActivityLink[] = (
    await db
      .select({
        id: activities.id,
        type: activities.type,
        title: activities.title,
        heldOn: activities.heldOn,
        placeName: places.name,
      })
      .from(impactStoryActivities)
      .innerJoin(activities, eq(activities.id, impactStoryActivities.activityId))
      .innerJoin(places, eq(places.id, activities.placeId))
      .where(eq(impactStoryActivities.storyId, storyId))
      .orderBy(asc(activities.heldOn))
  ).map((r) => ({ ...r, type: r.type as StoryActivityLink["type"] }));
  const linkedPoints: StoryActionPointLink[] = (
    await db
      .select({
        id: actionPoints.id,
        activityId: actionPoints.activityId,
        text: actionPoints.text,
        status: actionPoints.status,
      })
      .from(impactStoryActionPoints)
      .innerJoin(actionPoints, eq(actionPoints.id, impactStoryActionPoints.actionPointId))
      .where(eq(impactStoryActionPoints.storyId, storyId))
      .orderBy(asc(actionPoints.activityId), asc(actionPoints.position))
  ).map((r) => ({ ...r, status: r.status as StoryActionPointLink["status"] }));
  const linkedPlaces: StoryPlaceLink[] = await db
    .select({ id: places.id, name: places.name, kind: places.kind })
    .from(impactStoryPlaces)
    .innerJoin(places, eq(places.id, impactStoryPlaces.placeId))
    .where(eq(impactStoryPlaces.storyId, storyId))
    .orderBy(asc(places.name));
  // People whose consent to stories is gone drop out of the story at once, even before anyone edits it.
  const people = await db
    .select({ code: participants.code })
    .from(impactStoryParticipants)
    .innerJoin(participants, eq(participants.id, impactStoryParticipants.participantId))
    .where(
      and(
        eq(impactStoryParticipants.storyId, storyId),
        isNull(participants.consentWithdrawnAt),
        sql`'stories' = any(${participants.consentPurposes})`,
      ),
    )
    .orderBy(asc(participants.code));
  return {
    activities: linkedActivities,
    actionPoints: linkedPoints,
    places: linkedPlaces,
    participantCodes: people.map((p) => p.code),
  };
}

export async function replaceLinks(
  db: Db,
  storyId: string,
  links: {
    activityIds?: string[] | undefined;
    actionPointIds?: string[] | undefined;
    places?: { id: string; path: string }[] | undefined;
    participantIds?: string[] | undefined;
  },
): Promise<void> {
  if (links.activityIds) {
    await db.delete(impactStoryActivities).where(eq(impactStoryActivities.storyId, storyId));
    if (links.activityIds.length > 0)
      await db
        .insert(impactStoryActivities)
        .values(links.activityIds.map((activityId) => ({ storyId, activityId })));
  }
  if (links.actionPointIds) {
    await db.delete(impactStoryActionPoints).where(eq(impactStoryActionPoints.storyId, storyId));
    if (links.actionPointIds.length > 0)
      await db
        .insert(impactStoryActionPoints)
        .values(links.actionPointIds.map((actionPointId) => ({ storyId, actionPointId })));
  }
  if (links.places) {
    await db.delete(impactStoryPlaces).where(eq(impactStoryPlaces.storyId, storyId));
    if (links.places.length > 0)
      await db
        .insert(impactStoryPlaces)
        .values(links.places.map((p) => ({ storyId, placeId: p.id, placePath: p.path })));
  }
  if (links.participantIds) {
    await db.delete(impactStoryParticipants).where(eq(impactStoryParticipants.storyId, storyId));
    if (links.participantIds.length > 0)
      await db
        .insert(impactStoryParticipants)
        .values(links.participantIds.map((participantId) => ({ storyId, participantId })));
  }
}

// ---- what links may point at ----

export function findActivities(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: activities.id,
      projectId: activities.projectId,
      organisationId: activities.organisationId,
      placePath: activities.placePath,
    })
    .from(activities)
    .where(inArray(activities.id, ids));
}

export function findActionPoints(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: actionPoints.id,
      projectId: activities.projectId,
      organisationId: activities.organisationId,
      placePath: activities.placePath,
    })
    .from(actionPoints)
    .innerJoin(activities, eq(activities.id, actionPoints.activityId))
    .where(inArray(actionPoints.id, ids));
}

export function findPlaces(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select({ id: places.id, path: places.path }).from(places).where(inArray(places.id, ids));
}

export function findParticipantsByCode(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: participants.id,
      code: participants.code,
      organisationId: participants.organisationId,
      placePath: participants.placePath,
      consentPurposes: participants.consentPurposes,
      consentWithdrawnAt: participants.consentWithdrawnAt,
      mergedInto: participants.mergedInto,
    })
    .from(participants)
    .where(inArray(participants.code, codes));
}

/** What every audit row about a story names: the story, and its organisation and place for scoped reading. */
export function auditedStory(row: StoryRow) {
  return {
    entityType: "impact_story",
    entityId: row.id,
    organisationId: row.organisationId,
    placePath: row.placePath,
  } as const;
}
