// Staff decisions on a report: verify (as guessed or corrected), correct, reject, mark as duplicate,
// reopen. Each is one transaction with its decision row, the report's new state and its audit row.
// Corrections of the triage guess are kept as labelled examples for improving the model.

import { eq } from "drizzle-orm";
import {
  canApply,
  DEFAULT_NOT_FORWARD_REASON,
  type DecisionAction,
  type NotForwardReason,
  type ReportStatus,
  TRANSITIONS,
} from "../../../common/contracts/report-workflow.ts";
import type {
  BulkActionInput,
  BulkResult,
  CorrectInput,
  ReportDetail,
  VerifyInput,
} from "../../../common/contracts/reports.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { AppError, badRequest, conflict, forbidden } from "../../lib/errors.ts";
import { type Principal, placeInScope } from "../../lib/scope.ts";
import { requestAlertDetection } from "../alerts/alerts-job.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { joinDuplicateToCase, openCaseForReport, removeReopenedDuplicate } from "../cases/cases.service.ts";
import { placePathOf } from "../places/places.service.ts";
import { actorOf } from "../users/users.service.ts";
import * as repo from "./inbox.repo.ts";
import { getReportDetail } from "./inbox.service.ts";
import { loadVisibleReport } from "./reports.policy.ts";
import { reports } from "./reports.table.ts";
import { loadAnalysedText } from "./triage-job.service.ts";
import { reportDecisions, triageLabels } from "./verification.table.ts";

interface Decided {
  category: string | null;
  urgency: string | null;
  placeId: string | null;
  placePath: string | null;
}

export interface DecisionRequest {
  category?: string | undefined;
  urgency?: string | undefined;
  placeId?: string | undefined;
  notes?: string | undefined;
  reason?: string | undefined;
  residentReason?: NotForwardReason | undefined;
  duplicateOfId?: string | undefined;
}

const PAST_TENSE: Record<DecisionAction, string> = {
  verify: "verified",
  correct: "corrected",
  reject: "rejected",
  duplicate: "marked as a duplicate",
  reopen: "reopened",
};

/** The 409 a person can act on: what state the report is in and what to do instead. */
function illegalTransition(report: repo.ReportRow, action: DecisionAction): AppError {
  const { reference, status } = report;
  if (status === "new")
    return conflict(
      `Report ${reference} has not been triaged yet, so it cannot be ${PAST_TENSE[action]}. Wait a few seconds and reload.`,
    );
  if (action === "reopen")
    return conflict(`Report ${reference} is ${status}, not decided: there is nothing to reopen.`);
  const decided = report.decidedAt
    ? ` on ${report.decidedAt.toISOString().slice(0, 16).replace("T", " ")}`
    : "";
  return conflict(
    `Report ${reference} was already ${status === "duplicate" ? "marked as a duplicate" : status}${decided}, so it cannot be ${PAST_TENSE[action]}. Reopen it first if that decision was wrong.`,
  );
}

async function placeChoice(deps: Deps, principal: Principal, placeId: string) {
  const path = await placePathOf(deps, placeId);
  if (!path)
    throw badRequest(`placeId: there is no place "${placeId}"`, [
      { path: "placeId", message: "is not a known place" },
    ]);
  if (!placeInScope(principal.scope, path))
    throw forbidden(
      "You can only place a report within your own areas. Ask a colleague covering that area to move it.",
    );
  return path;
}

/** What staff have decided after this action: earlier decisions carried forward, new values on top. */
async function decidedAfter(
  deps: Deps,
  principal: Principal,
  report: repo.ReportRow,
  action: DecisionAction,
  request: DecisionRequest,
): Promise<Decided> {
  const previous: Decided = {
    category: report.decidedCategory,
    urgency: report.decidedUrgency,
    placeId: report.decidedPlaceId,
    placePath: report.decidedPlacePath,
  };
  if (action !== "verify" && action !== "correct") return previous;
  // Verifying confirms what staff see now; correcting changes only what is given.
  const base: Decided =
    action === "verify"
      ? {
          category: report.effectiveCategory,
          urgency: report.effectiveUrgency,
          placeId: report.effectivePlaceId,
          placePath: report.effectivePlacePath,
        }
      : previous;
  const placeId = request.placeId ?? base.placeId;
  const placePath = request.placeId ? await placeChoice(deps, principal, request.placeId) : base.placePath;
  return {
    category: request.category ?? base.category,
    urgency: request.urgency ?? base.urgency,
    placeId,
    placePath,
  };
}

/** The report a duplicate points to: always the original, never another duplicate. */
async function originalOf(deps: Deps, principal: Principal, report: repo.ReportRow, targetId: string) {
  if (targetId === report.id) throw badRequest("duplicateOfId: a report cannot duplicate itself");
  const target = await loadVisibleReport(deps.db, principal, targetId, { what: "The report it duplicates" });
  const original = target.status === "duplicate" && target.duplicateOfId ? target.duplicateOfId : target.id;
  if (original === report.id)
    throw conflict(
      `Report ${target.reference} is already marked as a duplicate of ${report.reference}, so ${report.reference} cannot be a duplicate of it.`,
    );
  return original;
}

async function keepLabel(
  txDeps: Deps,
  report: repo.ReportRow,
  decisionId: string,
  decided: Decided,
): Promise<void> {
  const guess = (await repo.latestTriageOf(txDeps.db, [report.id])).get(report.id);
  if (!guess) return;
  const category = decided.category ?? report.effectiveCategory ?? guess.category;
  const urgency = decided.urgency ?? report.effectiveUrgency ?? guess.urgency;
  const placeId = decided.placeId ?? report.effectivePlaceId;
  const analysed = await loadAnalysedText(txDeps, report);
  await txDeps.db.insert(triageLabels).values({
    reportId: report.id,
    decisionId,
    text: analysed.text,
    locale: report.locale,
    guessedCategory: guess.category,
    guessedUrgency: guess.urgency,
    guessedPlaceId: guess.placeId,
    category,
    urgency,
    placeId,
    corrected: category !== guess.category || urgency !== guess.urgency || placeId !== guess.placeId,
    engineVersion: guess.engineVersion,
    createdAt: txDeps.now(),
  });
}

/** Applies one staff action to one report, in one transaction. */
async function decide(
  deps: Deps,
  principal: Principal,
  id: string,
  action: DecisionAction,
  request: DecisionRequest,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const report = await loadVisibleReport(tx.db, principal, id, { forUpdate: true });
    if (!canApply(action, report.status as ReportStatus)) throw illegalTransition(report, action);
    const decided = await decidedAfter(tx, principal, report, action, request);
    const duplicateOfId =
      action === "duplicate" && request.duplicateOfId
        ? await originalOf(tx, principal, report, request.duplicateOfId)
        : null;
    const toStatus = TRANSITIONS[action].to ?? report.status;
    // What the resident is told about a rejection: chosen by staff from a fixed list, never their free text.
    const residentReason =
      action === "reject" ? (request.residentReason ?? DEFAULT_NOT_FORWARD_REASON) : null;
    const now = tx.now();
    const [decision] = await tx.db
      .insert(reportDecisions)
      .values({
        reportId: id,
        action,
        fromStatus: report.status,
        toStatus,
        ...decided,
        reason: request.reason ?? null,
        residentReason,
        notes: request.notes || null,
        duplicateOfId,
        decidedBy: principal.userId || null,
        decidedByLabel: principal.email,
        decidedAt: now,
      })
      .returning({ id: reportDecisions.id });
    const [updated] = await tx.db
      .update(reports)
      .set({
        status: toStatus,
        decidedCategory: decided.category,
        decidedUrgency: decided.urgency,
        decidedPlaceId: decided.placeId,
        decidedPlacePath: decided.placePath,
        decidedAt: now,
        duplicateOfId:
          action === "duplicate" ? duplicateOfId : action === "reopen" ? null : report.duplicateOfId,
      })
      .where(eq(reports.id, id))
      .returning({ effectivePlacePath: reports.effectivePlacePath });
    if ((action === "verify" || action === "correct") && decision)
      await keepLabel(tx, report, decision.id, decided);
    // A verified report is acted on: it opens its case (routed, with deadlines) in the same transaction.
    if (action === "verify") await openCaseForReport(tx, actorOf(principal), id);
    // A duplicate follows its original's case (when it has one); reopened, it leaves that case.
    if (action === "duplicate" && duplicateOfId)
      await joinDuplicateToCase(tx, actorOf(principal), id, duplicateOfId);
    if (action === "reopen" && report.status === "duplicate")
      await removeReopenedDuplicate(tx, actorOf(principal), id);
    // What the alerts count may have changed (category, place, rejected, duplicate): score again
    // shortly rather than at the next quarter hour; requests within a minute share one run.
    await requestAlertDetection(tx);
    await recordAudit(tx, actorOf(principal), {
      action: `report.${action}`,
      entityType: "report",
      entityId: id,
      placePath: updated?.effectivePlacePath ?? null,
      before: {
        status: report.status,
        category: report.effectiveCategory,
        urgency: report.effectiveUrgency,
        placeId: report.effectivePlaceId,
      },
      // Free-text notes stay in the decision row; the audit says only that there were some.
      after: {
        status: toStatus,
        category: decided.category,
        urgency: decided.urgency,
        placeId: decided.placeId,
        reason: request.reason ?? null,
        residentReason,
        duplicateOfId,
        hasNotes: Boolean(request.notes),
      },
    });
  });
}

async function decideAndShow(
  deps: Deps,
  principal: Principal,
  id: string,
  action: DecisionAction,
  request: DecisionRequest,
): Promise<ReportDetail> {
  await decide(deps, principal, id, action, request);
  return getReportDetail(deps, principal, id);
}

export const verifyReport = (deps: Deps, principal: Principal, id: string, input: VerifyInput) =>
  decideAndShow(deps, principal, id, "verify", input);

export const correctReport = (deps: Deps, principal: Principal, id: string, input: CorrectInput) =>
  decideAndShow(deps, principal, id, "correct", input);

export const rejectReport = (
  deps: Deps,
  principal: Principal,
  id: string,
  input: { reason: string; residentReason?: NotForwardReason | undefined; notes?: string | undefined },
) => decideAndShow(deps, principal, id, "reject", input);

export const markDuplicate = (
  deps: Deps,
  principal: Principal,
  id: string,
  input: { duplicateOfId: string; notes?: string | undefined },
) => decideAndShow(deps, principal, id, "duplicate", input);

export const reopenReport = (
  deps: Deps,
  principal: Principal,
  id: string,
  input: { reason: string; notes?: string | undefined },
) => decideAndShow(deps, principal, id, "reopen", input);

/** One decision per report, each in its own transaction: one report that cannot move does not hold up the rest. */
export async function bulkDecide(
  deps: Deps,
  principal: Principal,
  input: BulkActionInput,
): Promise<BulkResult> {
  const results: BulkResult["results"] = [];
  for (const id of new Set(input.ids)) {
    try {
      await decide(deps, principal, id, input.action, {
        reason: input.reason,
        residentReason: input.residentReason,
      });
      results.push({ id, ok: true, status: TRANSITIONS[input.action].to ?? undefined });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, error: error.message });
    }
  }
  return { results };
}
