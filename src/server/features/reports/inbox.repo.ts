// Queries behind the staff inbox: lists, one report with its history, duplicate candidates.
// Scoping conditions are built by the service and passed in; this file only runs SQL.
import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { places } from "../places/places.table.ts";
import { reportAdditions, reports } from "./reports.table.ts";
import { reportDecisions, reportTriage } from "./verification.table.ts";

export type ReportRow = typeof reports.$inferSelect;
export type TriageRow = typeof reportTriage.$inferSelect;
export type DecisionRow = typeof reportDecisions.$inferSelect;

/** Most urgent first; reports nobody has rated yet after the routine ones. */
const urgencyRank = sql<number>`case ${reports.effectiveUrgency}
  when 'emergency' then 0 when 'high' then 1 when 'routine' then 2 else 3 end`;

export async function listReportRows(db: Db, where: SQL | undefined, limit: number, offset: number) {
  // Qualified by hand: Drizzle writes a column in a select list's sql without its table, and an
  // unqualified "id" inside the subquery is report_additions.id, which made every count 0.
  const additionsCount = sql<number>`(select count(*)::int from ${reportAdditions}
    where ${reportAdditions}.${sql.identifier(reportAdditions.reportId.name)} = ${reports}.${sql.identifier(reports.id.name)})`;
  const rows = await db
    .select({ report: reports, additionsCount })
    .from(reports)
    .where(where)
    // Within one urgency the newest first: a fresh emergency must not hide under yesterday's.
    .orderBy(urgencyRank, desc(reports.receivedAt), desc(reports.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(reports).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function listAdditions(db: Db, reportId: string) {
  return db
    .select()
    .from(reportAdditions)
    .where(eq(reportAdditions.reportId, reportId))
    .orderBy(asc(reportAdditions.receivedAt), asc(reportAdditions.id));
}

/** The newest guess of each report. */
export async function latestTriageOf(db: Db, reportIds: readonly string[]): Promise<Map<string, TriageRow>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([reportTriage.reportId])
    .from(reportTriage)
    .where(inArray(reportTriage.reportId, [...reportIds]))
    .orderBy(reportTriage.reportId, desc(reportTriage.seq));
  return new Map(rows.map((row) => [row.reportId, row]));
}

export async function triageHistory(db: Db, reportId: string): Promise<TriageRow[]> {
  return db
    .select()
    .from(reportTriage)
    .where(eq(reportTriage.reportId, reportId))
    .orderBy(desc(reportTriage.seq));
}

export async function decisionHistory(db: Db, reportId: string): Promise<DecisionRow[]> {
  return db
    .select()
    .from(reportDecisions)
    .where(eq(reportDecisions.reportId, reportId))
    .orderBy(asc(reportDecisions.seq));
}

export async function placeLabels(db: Db, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, { id: string; name: string; kind: string }>();
  const rows = await db
    .select({ id: places.id, name: places.name, kind: places.kind })
    .from(places)
    .where(inArray(places.id, wanted));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function referencesOf(db: Db, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: reports.id, reference: reports.reference })
    .from(reports)
    .where(inArray(reports.id, wanted));
  return new Map(rows.map((row) => [row.id, row.reference]));
}

/**
 * Reports that might describe the same incident: same category, the same place (or one inside the
 * other), received within `windowMs` of this one. Text similarity is judged by the caller.
 */
export async function duplicateCandidateRows(
  db: Db,
  report: Pick<ReportRow, "id" | "effectiveCategory" | "effectivePlacePath" | "receivedAt">,
  windowMs: number,
  scope: SQL,
) {
  const path = report.effectivePlacePath;
  const samePlace =
    path === null
      ? sql`${reports.effectivePlacePath} is null`
      : sql`(${reports.effectivePlacePath} = ${path}
          or ${reports.effectivePlacePath} like ${`${path}/%`}
          or ${path} like ${reports.effectivePlacePath} || '/%')`;
  const from = new Date(report.receivedAt.getTime() - windowMs).toISOString();
  const to = new Date(report.receivedAt.getTime() + windowMs).toISOString();
  return db
    .select({
      id: reports.id,
      reference: reports.reference,
      status: reports.status,
      receivedAt: reports.receivedAt,
      text: reports.text,
      category: reports.effectiveCategory,
      placeId: reports.effectivePlaceId,
    })
    .from(reports)
    .where(
      and(
        ne(reports.id, report.id),
        report.effectiveCategory === null
          ? sql`${reports.effectiveCategory} is null`
          : eq(reports.effectiveCategory, report.effectiveCategory),
        samePlace,
        sql`${reports.receivedAt} between ${from}::timestamptz and ${to}::timestamptz`,
        ne(reports.status, "rejected"),
        // Already marked as duplicates of this report: nothing left to propose.
        sql`${reports.duplicateOfId} is distinct from ${report.id}::uuid`,
        scope,
      ),
    )
    .orderBy(
      sql`abs(extract(epoch from ${reports.receivedAt} - ${report.receivedAt.toISOString()}::timestamptz))`,
    )
    .limit(50);
}
