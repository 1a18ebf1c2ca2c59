// SQL for programmes, projects and their logframes. Every function takes the db (or a transaction) first.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type {
  IndicatorView,
  ProgrammeView,
  ProjectSummary,
  ResultView,
  TargetView,
} from "../../../common/contracts/programmes-views.ts";
import type { Db } from "../../db/client.ts";
import type { Scope } from "../../lib/scope.ts";
import { organisations } from "../organisations/organisations.table.ts";
import { places } from "../places/places.table.ts";
import { sqlOverlapsScope } from "./programme-scope.ts";
import {
  indicatorEntries,
  indicatorTargets,
  programmes,
  projectIndicators,
  projectResults,
  projects,
} from "./programmes.table.ts";

export type ProgrammeRow = typeof programmes.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type IndicatorRow = typeof projectIndicators.$inferSelect;

export async function findPlace(
  db: Db,
  id: string,
): Promise<{ id: string; name: string; path: string } | null> {
  const [row] = await db
    .select({ id: places.id, name: places.name, path: places.path })
    .from(places)
    .where(eq(places.id, id));
  return row ?? null;
}

export async function insertProgramme(db: Db, values: typeof programmes.$inferInsert): Promise<ProgrammeRow> {
  const [row] = await db.insert(programmes).values(values).onConflictDoNothing().returning();
  return row as ProgrammeRow;
}

export async function findProgramme(db: Db, id: string): Promise<ProgrammeRow | null> {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, id));
  return row ?? null;
}

const projectSummary = {
  id: projects.id,
  programmeId: projects.programmeId,
  name: projects.name,
  placeId: projects.placeId,
  placeName: places.name,
  startsOn: projects.startsOn,
  endsOn: projects.endsOn,
};

/** Programmes whose organisation is the reader's and whose area overlaps theirs, with such projects. */
export async function listProgrammes(db: Db, scope: Scope): Promise<ProgrammeView[]> {
  if (scope.organisationIds.length === 0) return [];
  const rows = await db
    .select({
      id: programmes.id,
      organisationId: programmes.organisationId,
      organisationName: organisations.name,
      name: programmes.name,
      description: programmes.description,
      placeId: programmes.placeId,
      placeName: places.name,
    })
    .from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.organisationId))
    .innerJoin(places, eq(places.id, programmes.placeId))
    .where(
      and(
        inArray(programmes.organisationId, scope.organisationIds),
        sqlOverlapsScope(programmes.placePath, scope),
      ),
    )
    .orderBy(asc(programmes.name));
  if (rows.length === 0) return [];
  const projectRows = await db
    .select(projectSummary)
    .from(projects)
    .innerJoin(places, eq(places.id, projects.placeId))
    .where(
      and(
        inArray(
          projects.programmeId,
          rows.map((r) => r.id),
        ),
        sqlOverlapsScope(projects.placePath, scope),
      ),
    )
    .orderBy(desc(projects.startsOn), asc(projects.name));
  return rows.map((r) => ({
    ...r,
    projects: projectRows
      .filter((p) => p.programmeId === r.id)
      .map(({ programmeId: _p, ...p }): ProjectSummary => p),
  }));
}

export async function insertProject(
  db: Db,
  values: typeof projects.$inferInsert,
): Promise<ProjectRow | null> {
  const [row] = await db.insert(projects).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findProject(
  db: Db,
  id: string,
): Promise<(ProjectRow & { placeName: string; programmeName: string }) | null> {
  const [row] = await db
    .select({ project: projects, placeName: places.name, programmeName: programmes.name })
    .from(projects)
    .innerJoin(places, eq(places.id, projects.placeId))
    .innerJoin(programmes, eq(programmes.id, projects.programmeId))
    .where(eq(projects.id, id));
  return row ? { ...row.project, placeName: row.placeName, programmeName: row.programmeName } : null;
}

export async function listResults(db: Db, projectId: string): Promise<ResultView[]> {
  const rows = await db
    .select()
    .from(projectResults)
    .where(eq(projectResults.projectId, projectId))
    .orderBy(asc(projectResults.position));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ResultView["kind"],
    parentId: r.parentId,
    code: r.code,
    title: r.title,
  }));
}

export async function insertResult(db: Db, values: typeof projectResults.$inferInsert): Promise<ResultView> {
  const [row] = await db.insert(projectResults).values(values).returning();
  if (!row) throw new Error("insert into project_results returned nothing");
  return {
    id: row.id,
    kind: row.kind as ResultView["kind"],
    parentId: row.parentId,
    code: row.code,
    title: row.title,
  };
}

function toIndicatorView(row: IndicatorRow, targets: TargetView[]): IndicatorView {
  return {
    id: row.id,
    resultId: row.resultId,
    code: row.code,
    name: row.name,
    type: row.type as IndicatorView["type"],
    baseline: row.baseline,
    unit: row.unit,
    activityTypes: row.activityTypes as IndicatorView["activityTypes"],
    disaggregations: row.disaggregations as IndicatorView["disaggregations"],
    targets,
  };
}

export async function listIndicators(db: Db, projectId: string): Promise<IndicatorView[]> {
  const rows = await db
    .select()
    .from(projectIndicators)
    .where(eq(projectIndicators.projectId, projectId))
    .orderBy(asc(projectIndicators.createdAt), asc(projectIndicators.code));
  if (rows.length === 0) return [];
  const targets = await db
    .select()
    .from(indicatorTargets)
    .where(
      inArray(
        indicatorTargets.indicatorId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(indicatorTargets.startsOn), desc(indicatorTargets.endsOn));
  return rows.map((r) =>
    toIndicatorView(
      r,
      targets
        .filter((t) => t.indicatorId === r.id)
        .map(({ label, startsOn, endsOn, value }) => ({ label, startsOn, endsOn, value })),
    ),
  );
}

export async function findIndicator(db: Db, id: string): Promise<IndicatorRow | null> {
  const [row] = await db.select().from(projectIndicators).where(eq(projectIndicators.id, id));
  return row ?? null;
}

export async function insertIndicator(
  db: Db,
  values: typeof projectIndicators.$inferInsert,
  targets: TargetView[],
): Promise<IndicatorView> {
  const [row] = await db.insert(projectIndicators).values(values).returning();
  if (!row) throw new Error("insert into project_indicators returned nothing");
  await replaceTargets(db, row.id, targets);
  return toIndicatorView(row, targets);
}

export async function updateIndicatorRow(
  db: Db,
  id: string,
  values: Partial<typeof projectIndicators.$inferInsert>,
): Promise<void> {
  if (Object.keys(values).length > 0)
    await db.update(projectIndicators).set(values).where(eq(projectIndicators.id, id));
}

export async function replaceTargets(db: Db, indicatorId: string, targets: TargetView[]): Promise<void> {
  await db.delete(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicatorId));
  if (targets.length > 0)
    await db.insert(indicatorTargets).values(targets.map((t) => ({ ...t, indicatorId })));
}

export async function insertEntry(db: Db, values: typeof indicatorEntries.$inferInsert): Promise<string> {
  const [row] = await db.insert(indicatorEntries).values(values).returning({ id: indicatorEntries.id });
  if (!row) throw new Error("insert into indicator_entries returned nothing");
  return row.id;
}

/** In the order they were entered, so that of two figures with one date the later one wins. */
export function listEntries(db: Db, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      indicatorId: indicatorEntries.indicatorId,
      asOf: indicatorEntries.asOf,
      value: indicatorEntries.value,
      evidence: indicatorEntries.evidence,
    })
    .from(indicatorEntries)
    .where(inArray(indicatorEntries.indicatorId, indicatorIds))
    .orderBy(asc(indicatorEntries.seq));
}
