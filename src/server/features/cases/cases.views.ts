// Reading cases: the list with what is due, the detail with what residents wrote (never who they
// are), the timeline and what the reader may do next. Visibility is cases.policy.ts, in the query.

import { and, asc, desc, eq, inArray, notInArray } from "drizzle-orm";
import {
  CASE_ACTIONS,
  type CaseDetailView,
  type CaseStatus,
  type CaseSummaryView,
  canApplyCaseAction,
  FINISHED_CASE_STATUSES,
  type ResponderUnitKind,
} from "../../../common/contracts/cases.ts";
import type { CategoryCode, Urgency } from "../../../common/taxonomy.ts";
import type { Db } from "../../db/client.ts";
import type { Deps } from "../../deps.ts";
import { residentTextForStaff } from "../../lib/identity-in-text.ts";
import type { Principal } from "../../lib/scope.ts";
import { listAttachments } from "../attachments/attachments.service.ts";
import { places } from "../places/places.table.ts";
import { reportAdditions, reports } from "../reports/reports.table.ts";
import {
  activeUnitIdsOf,
  assignedToAnyOf,
  type CaseRow,
  caseAccessOf,
  loadVisibleCase,
  mayWorkOn,
  unitsOfCases,
  visibleCaseCondition,
} from "./cases.policy.ts";
import { caseEvents, caseReports, cases } from "./cases.table.ts";
import { nextDue } from "./deadlines.ts";
import { feedbackOfCase } from "./feedback.service.ts";

const EXCERPT_CHARS = 160;

async function summaries(db: Db, rows: CaseRow[], now: Date): Promise<CaseSummaryView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const units = await unitsOfCases(db, ids);
  const placeIds = [...new Set(rows.flatMap((r) => (r.placeId ? [r.placeId] : [])))];
  const placeRows = placeIds.length ? await db.select().from(places).where(inArray(places.id, placeIds)) : [];
  const firstTexts = await db
    .select({ caseId: caseReports.caseId, text: reports.text, joinedAt: caseReports.joinedAt })
    .from(caseReports)
    .innerJoin(reports, eq(reports.id, caseReports.reportId))
    .where(inArray(caseReports.caseId, ids))
    .orderBy(asc(caseReports.joinedAt));
  return rows.map((r) => {
    const place = placeRows.find((p) => p.id === r.placeId);
    const due = nextDue(r, now);
    // Names, numbers and e-mails residents typed are hidden before anything is cut or shown.
    const text = residentTextForStaff(firstTexts.find((t) => t.caseId === r.id)?.text ?? "");
    return {
      id: r.id,
      number: r.number,
      status: r.status as CaseStatus,
      category: r.category as CategoryCode,
      urgency: r.urgency as Urgency,
      place: place ? { id: place.id, name: place.name, path: place.path } : null,
      openedAt: r.openedAt.toISOString(),
      acknowledgeDueAt: r.acknowledgeDueAt.toISOString(),
      actionDueAt: r.actionDueAt.toISOString(),
      due: due ? { kind: due.kind, at: due.at.toISOString(), overdue: due.overdue } : null,
      escalationLevel: r.escalationLevel,
      units: units
        .filter((u) => u.caseId === r.id)
        .map((u) => ({ id: u.unitId, name: u.name, kind: u.kind as ResponderUnitKind })),
      excerpt: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text,
    };
  });
}

const URGENCY_ORDER: Record<string, number> = { emergency: 0, high: 1, routine: 2 };

/** Overdue first, then whatever is due soonest, then the most urgent; finished cases newest first. */
function byWhatIsDue(a: CaseSummaryView, b: CaseSummaryView): number {
  const rank = (c: CaseSummaryView) => (c.due?.overdue ? 0 : c.due ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (a.due && b.due ? a.due.at.localeCompare(b.due.at) : 0) ||
    (URGENCY_ORDER[a.urgency] ?? 3) - (URGENCY_ORDER[b.urgency] ?? 3) ||
    b.openedAt.localeCompare(a.openedAt)
  );
}

export async function listCases(
  deps: Deps,
  principal: Principal,
  query: {
    state: "active" | "finished" | "all";
    assignedToMe?: boolean | undefined;
    category?: CategoryCode | undefined;
    limit: number;
  },
): Promise<CaseSummaryView[]> {
  const access = await caseAccessOf(deps, principal);
  const rows = await deps.db
    .select()
    .from(cases)
    .where(
      and(
        visibleCaseCondition(access),
        query.state === "active" ? notInArray(cases.status, [...FINISHED_CASE_STATUSES]) : undefined,
        query.state === "finished" ? inArray(cases.status, [...FINISHED_CASE_STATUSES]) : undefined,
        query.assignedToMe ? assignedToAnyOf(access.unitIds) : undefined,
        query.category ? eq(cases.category, query.category) : undefined,
      ),
    )
    // Open work: oldest deadlines first, so the limit never drops an overdue case for a newer one.
    // Finished work: the most recently finished first.
    .orderBy(
      query.state === "finished" ? desc(cases.finishedAt) : asc(cases.acknowledgeDueAt),
      desc(cases.openedAt),
    )
    .limit(query.limit);
  return (await summaries(deps.db, rows, deps.now())).sort(byWhatIsDue);
}

export async function getCaseDetail(deps: Deps, principal: Principal, id: string): Promise<CaseDetailView> {
  const access = await caseAccessOf(deps, principal);
  const row = await loadVisibleCase(deps.db, access, id);
  const [summary] = await summaries(deps.db, [row], deps.now());
  const reportRows = await deps.db
    .select({
      id: reports.id,
      reference: reports.reference,
      text: reports.text,
      receivedAt: reports.receivedAt,
      channel: reports.channel,
    })
    .from(caseReports)
    .innerJoin(reports, eq(reports.id, caseReports.reportId))
    .where(eq(caseReports.caseId, row.id))
    .orderBy(asc(caseReports.joinedAt));
  const additions = reportRows.length
    ? await deps.db
        .select({ reportId: reportAdditions.reportId, text: reportAdditions.text })
        .from(reportAdditions)
        .where(
          inArray(
            reportAdditions.reportId,
            reportRows.map((r) => r.id),
          ),
        )
        .orderBy(asc(reportAdditions.receivedAt))
    : [];
  const events = await deps.db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(asc(caseEvents.seq));
  const files = await listAttachments(
    deps,
    "case_event",
    events.map((e) => e.id),
  );
  const units = await unitsOfCases(deps.db, [row.id]);
  const workable = mayWorkOn(access, row, await activeUnitIdsOf(deps.db, row.id));
  const status = row.status as CaseStatus;
  return {
    ...(summary as CaseSummaryView),
    closeReason: row.closeReason,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    firstActionAt: row.firstActionAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    conflictOfInterest: row.conflictOfInterest,
    // Report ids and references are for programme staff, who can open the report itself;
    // responders and oversight get what was said, not a handle on who said it.
    reports: reportRows.map((r) => ({
      reportId: access.manage ? r.id : null,
      reference: access.manage ? r.reference : null,
      text: residentTextForStaff(r.text),
      additions: additions.filter((a) => a.reportId === r.id).map((a) => residentTextForStaff(a.text)),
      receivedAt: r.receivedAt.toISOString(),
      channel: r.channel,
    })),
    assignments: units.map((u) => ({
      unitId: u.unitId,
      unitName: u.name,
      kind: u.kind as ResponderUnitKind,
      reasons: u.reasons,
    })),
    timeline: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorLabel,
      kind: e.kind,
      fromStatus: e.fromStatus as CaseStatus | null,
      toStatus: e.toStatus as CaseStatus | null,
      notes: e.notes,
      attachments: files.get(e.id) ?? [],
    })),
    allowedActions: workable ? CASE_ACTIONS.filter((a) => canApplyCaseAction(a, status)) : [],
    canRecordAction: workable && (status === "acknowledged" || status === "in_progress"),
    canManage: access.manage,
    feedback: access.manage ? await feedbackOfCase(deps.db, row.id) : [],
  };
}
