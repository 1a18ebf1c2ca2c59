// Reading reports for staff: the inbox list and one report with its guess, history and possible
// duplicates. Who sees which report is reports.policy.ts (areas, and no police-misconduct report for
// police or government).
import { and, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { ReportStatus } from "../../../common/contracts/report-workflow.ts";
import type {
  DuplicateCandidate,
  ListReportsQuery,
  ReportDetail,
  ReportList,
} from "../../../common/contracts/reports.ts";
import type { Deps } from "../../deps.ts";
import { badRequest } from "../../lib/errors.ts";
import { residentTextForStaff } from "../../lib/identity-in-text.ts";
import { type Principal, type Scope, sqlPathInScope } from "../../lib/scope.ts";
import { placePathOf } from "../places/places.service.ts";
import * as repo from "./inbox.repo.ts";
import {
  decisionView,
  excerptOf,
  guessView,
  listItemView,
  type PlaceLookup,
  placeOf,
} from "./report-views.ts";
import { loadVisibleReport, visibleReportCondition } from "./reports.policy.ts";
import { reports } from "./reports.table.ts";
import { DUPLICATE_SIMILARITY, DUPLICATE_SIMILARITY_WITHOUT_PLACE, textSimilarity } from "./similarity.ts";

/** Reports received this close in time, in the same place and category, may be the same incident. */
export const DUPLICATE_WINDOW_HOURS = 48;
const MAX_CANDIDATES = 5;

/** Areas only. What a person may see is visibleReportCondition (reports.policy.ts), conflict of interest included. */
export const scopeCondition = (scope: Scope): SQL => sqlPathInScope(reports.effectivePlacePath, scope);

const DAY_MS = 86_400_000;
/** A bare date: `from` means its first instant, `to` includes the whole day. */
function instant(value: string, endOfDay: boolean): Date {
  const at = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return endOfDay && value.length === 10 ? new Date(at.getTime() + DAY_MS) : at;
}

async function filters(deps: Deps, principal: Principal, query: ListReportsQuery): Promise<SQL | undefined> {
  let placeFilter: SQL | undefined;
  if (query.placeId) {
    const path = await placePathOf(deps, query.placeId);
    if (!path)
      throw badRequest(`placeId: there is no place "${query.placeId}"`, [
        { path: "placeId", message: "is not a known place" },
      ]);
    placeFilter = sqlPathInScope(reports.effectivePlacePath, {
      allPlaces: false,
      placePaths: [path],
      organisationIds: [],
    });
  }
  return and(
    visibleReportCondition(principal),
    query.category ? inArray(reports.effectiveCategory, query.category) : undefined,
    query.urgency ? inArray(reports.effectiveUrgency, query.urgency) : undefined,
    query.status ? inArray(reports.status, query.status) : undefined,
    query.channel ? inArray(reports.channel, query.channel) : undefined,
    placeFilter,
    query.from ? gte(reports.receivedAt, instant(query.from, false)) : undefined,
    query.to ? lt(reports.receivedAt, instant(query.to, true)) : undefined,
  );
}

export async function listReports(
  deps: Deps,
  principal: Principal,
  query: ListReportsQuery,
): Promise<ReportList> {
  const where = await filters(deps, principal, query);
  const { rows, total } = await repo.listReportRows(
    deps.db,
    where,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  const guesses = await repo.latestTriageOf(
    deps.db,
    rows.map((r) => r.report.id),
  );
  const places = await repo.placeLabels(deps.db, [
    ...rows.map((r) => r.report.effectivePlaceId),
    ...[...guesses.values()].map((g) => g.placeId),
  ]);
  return {
    reports: rows.map((r) => listItemView(r.report, r.additionsCount, guesses.get(r.report.id), places)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The report if the principal may see it; otherwise 404, so that its existence does not leak. */
export async function visibleReport(deps: Deps, principal: Principal, id: string): Promise<repo.ReportRow> {
  return loadVisibleReport(deps.db, principal, id);
}

async function duplicateCandidates(
  deps: Deps,
  principal: Principal,
  report: repo.ReportRow,
  places: Map<string, { id: string; name: string; kind: string }>,
): Promise<DuplicateCandidate[]> {
  if (report.status === "duplicate" || report.status === "rejected") return [];
  const rows = await repo.duplicateCandidateRows(
    deps.db,
    report,
    DUPLICATE_WINDOW_HOURS * 3_600_000,
    visibleReportCondition(principal),
  );
  const threshold =
    report.effectivePlacePath === null ? DUPLICATE_SIMILARITY_WITHOUT_PLACE : DUPLICATE_SIMILARITY;
  const alike = rows
    .map((row) => ({ row, similarity: textSimilarity(report.text, row.text) }))
    .filter((c) => c.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, MAX_CANDIDATES);
  for (const [id, label] of await repo.placeLabels(
    deps.db,
    alike.map((c) => c.row.placeId),
  ))
    places.set(id, label);
  return alike.map(({ row, similarity }) => ({
    id: row.id,
    reference: row.reference,
    status: row.status as ReportStatus,
    receivedAt: row.receivedAt.toISOString(),
    category: row.category,
    place: placeOf(places, row.placeId),
    excerpt: excerptOf(residentTextForStaff(row.text)),
    similarity,
  }));
}

export async function getReportDetail(deps: Deps, principal: Principal, id: string): Promise<ReportDetail> {
  const report = await visibleReport(deps, principal, id);
  const [additions, guesses, decisions] = await Promise.all([
    repo.listAdditions(deps.db, id),
    repo.triageHistory(deps.db, id),
    repo.decisionHistory(deps.db, id),
  ]);
  const places = await repo.placeLabels(deps.db, [
    report.placeId,
    report.effectivePlaceId,
    ...guesses.map((g) => g.placeId),
    ...decisions.map((d) => d.placeId),
  ]);
  const references = await repo.referencesOf(deps.db, [
    report.duplicateOfId,
    ...decisions.map((d) => d.duplicateOfId),
  ]);
  const lookup: PlaceLookup = places;
  const [latest, ...older] = guesses;
  return {
    id: report.id,
    reference: report.reference,
    channel: report.channel,
    locale: report.locale,
    status: report.status as ReportStatus,
    receivedAt: report.receivedAt.toISOString(),
    occurredAt: report.occurredAt?.toISOString() ?? null,
    occurredAtPrecision: report.occurredAtPrecision,
    text: residentTextForStaff(report.text),
    textMasked: [report, ...additions].some(
      (row) => row.textOriginalSealed !== null || residentTextForStaff(row.text) !== row.text,
    ),
    additions: additions.map((a) => ({
      id: a.id,
      channel: a.channel,
      text: residentTextForStaff(a.text),
      receivedAt: a.receivedAt.toISOString(),
    })),
    resident: {
      category: report.category,
      urgency: report.urgency,
      place: placeOf(lookup, report.placeId),
      placeText: report.placeText,
    },
    category: report.effectiveCategory,
    urgency: report.effectiveUrgency,
    place: placeOf(lookup, report.effectivePlaceId),
    guess: latest ? guessView(latest, lookup) : null,
    guessHistory: older.map((row) => {
      const { evidence: _evidence, ...rest } = guessView(row, lookup);
      return rest;
    }),
    decisions: decisions.map((d) => decisionView(d, lookup, references)),
    duplicateOf: report.duplicateOfId
      ? { id: report.duplicateOfId, reference: references.get(report.duplicateOfId) ?? "" }
      : null,
    duplicateCandidates: await duplicateCandidates(deps, principal, report, places),
    hasContact: report.contactSealed !== null || report.contactNameSealed !== null,
    consentToContact: report.consentToContact,
  };
}
