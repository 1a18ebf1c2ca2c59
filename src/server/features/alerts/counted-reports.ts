// What an alert counts, defined in ONE place (countedReports): every report once, under its effective
// category and place, on the Kenya-time day it was received, leaving out reports staff rejected or
// marked as duplicates. "Effective" is the reports table's generated columns: the staff decision, else
// the resident's own answer, else the triage guess. Change the definition here and every count follows.
import { and, gte, lt, min, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { sqlPathInScope } from "../../lib/scope.ts";
import { reports } from "../reports/reports.table.ts";
import { addDays, dayOf, startOfDay } from "./days.ts";
import type { CountRow } from "./series.ts";

function countedReports() {
  return {
    category: reports.effectiveCategory,
    path: reports.effectivePlacePath,
    /** Received time shifted to Kenya time (UTC+3, no daylight saving), as a day. */
    day: sql<string>`to_char((${reports.receivedAt} at time zone 'UTC') + interval '3 hours', 'YYYY-MM-DD')`,
    counted: and(
      sql`${reports.status} not in ('rejected', 'duplicate')`,
      sql`${reports.duplicateOfId} is null`,
      sql`${reports.effectiveCategory} is not null`,
      sql`${reports.effectivePlacePath} is not null`,
    ) as SQL,
  };
}

export interface CountFilter {
  /** Kenya-time days, inclusive. */
  fromDay: string;
  toDay: string;
  /** Only reports whose place lies within one of these paths. */
  withinPaths?: readonly string[];
  category?: string;
}

function filterOf(filter: CountFilter): SQL {
  const counted = countedReports();
  const clauses: SQL[] = [
    counted.counted,
    gte(reports.receivedAt, startOfDay(filter.fromDay)),
    lt(reports.receivedAt, startOfDay(addDays(filter.toDay, 1))),
  ];
  if (filter.withinPaths)
    clauses.push(
      sqlPathInScope(counted.path, {
        allPlaces: false,
        placePaths: [...filter.withinPaths],
        organisationIds: [],
      }),
    );
  if (filter.category) clauses.push(sql`${counted.category} = ${filter.category}`);
  return and(...clauses) as SQL;
}

/** Reports per (day, category, place path); the caller rolls paths up into areas. */
export async function dailyCounts(db: Db, filter: CountFilter): Promise<CountRow[]> {
  const counted = countedReports();
  const rows = await db
    .select({
      day: counted.day,
      category: sql<string>`${counted.category}`,
      path: sql<string>`${counted.path}`,
      count: sql<number>`count(*)::int`,
    })
    .from(reports)
    .where(filterOf(filter))
    .groupBy(counted.day, counted.category, counted.path);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** The Kenya-time day of the first counted report: series start there (no reports before is no data). */
export async function firstCountedDay(db: Db): Promise<string | null> {
  const counted = countedReports();
  // min(received_at) rather than min(day): the database answers it from the received_at index.
  const [row] = await db
    .select({ first: min(reports.receivedAt) })
    .from(reports)
    .where(counted.counted);
  return row?.first ? dayOf(new Date(row.first)) : null;
}

/** Ids of the reports one alert counts: its area, category and days, in the order they arrived. */
export async function countedReportIds(
  db: Db,
  filter: Required<Pick<CountFilter, "category">> & CountFilter & { areaPath: string },
): Promise<string[]> {
  const rows = await db
    .select({ id: reports.id })
    .from(reports)
    .where(filterOf({ ...filter, withinPaths: [filter.areaPath] }))
    .orderBy(reports.receivedAt, reports.id);
  return rows.map((r) => r.id);
}
