// Who may see a report. Enforced in the queries (the inbox, one report, decisions on it, the reports
// behind an alert), so that no route and no page can show a report to someone who must not see it.
//
// Visible: the report's effective place lies within the user's areas (reports with no place are
// nationwide only), AND, for a user who is police or government (`principal.policeOrGovernment`,
// src/common/conflict-of-interest.ts), the report is not a complaint about the police.
//
// A report counts as such a complaint when staff decided it is one, or, until staff have decided its
// category, when the resident chose it or triage guessed it: a resident who picked "other" for a beating
// by officers must not have it shown to the station because the resident's own answer outranks the
// guess in `effective_category`. Once staff decide another category, the decision stands.
import { and, eq, type SQL, sql } from "drizzle-orm";
import { MISCONDUCT_CATEGORY } from "../../../common/conflict-of-interest.ts";
import type { Db } from "../../db/client.ts";
import { notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { type Principal, sqlPathInScope } from "../../lib/scope.ts";
import type { ReportRow } from "./inbox.repo.ts";
import { reports } from "./reports.table.ts";

/** SQL: the report is, or may be, a complaint about the police. */
// `is not distinct from`: never null, so that `not` keeps reports with no category at all.
export const misconductReport: SQL = sql`(${reports.effectiveCategory} is not distinct from ${MISCONDUCT_CATEGORY}
  or (${reports.decidedCategory} is null
    and (${reports.category} is not distinct from ${MISCONDUCT_CATEGORY}
      or ${reports.guessCategory} is not distinct from ${MISCONDUCT_CATEGORY})))`;

/** SQL: the reports this principal may see. */
export function visibleReportCondition(principal: Principal): SQL {
  return and(
    sqlPathInScope(reports.effectivePlacePath, principal.scope),
    principal.policeOrGovernment ? sql`not ${misconductReport}` : undefined,
  ) as SQL;
}

/** The report when the principal may see it, else 404 (existence does not leak). Locks it when asked. */
export async function loadVisibleReport(
  db: Db,
  principal: Principal,
  id: string,
  opts: { forUpdate?: boolean; what?: string } = {},
): Promise<ReportRow> {
  const what = opts.what ?? "The report";
  if (!isUuid(id)) throw notFound(what);
  const query = db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), visibleReportCondition(principal)));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound(what);
  return row;
}
