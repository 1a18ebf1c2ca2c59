// SQL for programme dashboards: the programme's header, the projects a reader sees in it, and
// activities grouped by day and by place (reach and indicators come from reach.repo.ts).
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { ActivityType } from "../../../common/contracts/programmes.ts";
import type { ProjectSummary } from "../../../common/contracts/programmes-views.ts";
import { type Db, queryRows } from "../../db/client.ts";
import type { Scope } from "../../lib/scope.ts";
import { organisations } from "../organisations/organisations.table.ts";
import { places } from "../places/places.table.ts";
import { activities } from "./activities.table.ts";
import type { DayCount, GazetteerPoint, PlaceTypeCount } from "./dashboard.ts";
import { sqlOverlapsScope } from "./programme-scope.ts";
import { programmes, projects } from "./programmes.table.ts";
import { activityWhere, type ProjectFilter } from "./reach.repo.ts";

export async function findProgrammeHeader(db: Db, id: string) {
  const [row] = await db
    .select({
      id: programmes.id,
      organisationId: programmes.organisationId,
      organisationName: organisations.name,
      name: programmes.name,
      placeId: programmes.placeId,
      placeName: places.name,
      placePath: programmes.placePath,
    })
    .from(programmes)
    .innerJoin(organisations, eq(organisations.id, programmes.organisationId))
    .innerJoin(places, eq(places.id, programmes.placeId))
    .where(eq(programmes.id, id));
  return row ?? null;
}

/** The programme's projects whose area overlaps the reader's, newest first. */
export function visibleProjects(db: Db, programmeId: string, scope: Scope): Promise<ProjectSummary[]> {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      placeId: projects.placeId,
      placeName: places.name,
      startsOn: projects.startsOn,
      endsOn: projects.endsOn,
    })
    .from(projects)
    .innerJoin(places, eq(places.id, projects.placeId))
    .where(and(eq(projects.programmeId, programmeId), sqlOverlapsScope(projects.placePath, scope)))
    .orderBy(desc(projects.startsOn), asc(projects.name));
}

export function activitiesByDay(db: Db, f: ProjectFilter): Promise<DayCount[]> {
  return queryRows<DayCount>(
    db,
    sql`select ${activities.heldOn}::text as "heldOn", ${activities.type} as type, count(*)::int as count
        from ${activities} where ${activityWhere(f)}
        group by 1, 2`,
  );
}

export function activitiesByPlace(db: Db, f: ProjectFilter): Promise<PlaceTypeCount[]> {
  return queryRows<{ placeId: string; placePath: string; type: ActivityType; count: number }>(
    db,
    sql`select ${activities.placeId} as "placeId", ${activities.placePath} as "placePath",
          ${activities.type} as type, count(*)::int as count
        from ${activities} where ${activityWhere(f)}
        group by 1, 2, 3`,
  );
}

/** Gazetteer entries by id, with their coordinates (approximate centroids; wards have none). */
export async function gazetteerPoints(db: Db, ids: readonly string[]): Promise<Map<string, GazetteerPoint>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: places.id, name: places.name, lat: places.lat, lng: places.lng })
    .from(places)
    .where(inArray(places.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The sub-counties of these counties, with their centres: the backdrop of the activity map. */
export async function subCountyPoints(db: Db, countyIds: readonly string[]) {
  if (countyIds.length === 0) return [];
  const rows = await db
    .select({ id: places.id, name: places.name, lat: places.lat, lng: places.lng })
    .from(places)
    .where(and(eq(places.kind, "sub_county"), inArray(places.parentId, [...countyIds])))
    .orderBy(asc(places.id));
  return rows.flatMap((r) => (r.lat !== null && r.lng !== null ? [{ ...r, lat: r.lat, lng: r.lng }] : []));
}
