// Feedback to the reporter: when a case changes what a resident would be told (open, under way,
// resolved, closed), each contactable reporter of the case gets one short SMS in their language.
//
// Contactable: the report carries a sealed phone AND the reporter agreed to be contacted, or wrote
// by SMS (an SMS reporter gets automatic replies by the nature of the channel). The phone is
// decrypted only here, just to hand it to the outbox, and never leaves this module.
//
// Approval: for categories where a message on the reporter's phone could put them at risk if the
// wrong person reads it (an abuser, the police officer complained about, a recruiter), the message
// waits for programme staff, who may reword it, send it or drop it. Other messages go at once in
// the standard wording of src/common/messages.ts. Anonymous reporters see the same status at
// /follow-up, through caseAwareResidentStatus.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { CaseFeedbackView, CaseStatus } from "../../../common/contracts/cases.ts";
import { isNotForwardReason } from "../../../common/contracts/report-workflow.ts";
import { isGsm7, statusMessage } from "../../../common/messages.ts";
import {
  RESIDENT_STATUS_OF_CASE,
  type ResidentStatus,
  residentStatusOf,
} from "../../../common/resident-status.ts";
import type { CategoryCode, Locale } from "../../../common/taxonomy.ts";
import type { Db } from "../../db/client.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, conflict, forbidden, notFound } from "../../lib/errors.ts";
import type { Principal } from "../../lib/scope.ts";
import { type Actor, recordAudit, SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { enqueueSms, PHONE_SEAL_PURPOSE } from "../messaging/outbox.service.ts";
import { checkReceipt } from "../reports/receipt.service.ts";
import { normaliseReference } from "../reports/reference.ts";
import { reports } from "../reports/reports.table.ts";
import { reportDecisions } from "../reports/verification.table.ts";
import { actorOf } from "../users/users.service.ts";
import { type CaseRow, caseAccessOf, loadVisibleCase, visibleCaseCondition } from "./cases.policy.ts";
import { caseFeedback, caseReports, cases } from "./cases.table.ts";

/** Categories whose reporter messages wait for programme staff to approve them. */
export const FEEDBACK_NEEDS_APPROVAL: readonly CategoryCode[] = [
  "police_misconduct",
  "gbv",
  "violent_extremism",
];
export const FEEDBACK_SMS_PURPOSE = "case.feedback";

const feedbackDedupeKey = (reportId: string, status: string) => `case-feedback:${reportId}:${status}`;

/**
 * Queues (or holds for approval) the message for `residentStatus` to every contactable reporter of
 * the case; a reporter already told this status is skipped. Runs in the caller's transaction.
 */
export async function queueReporterFeedback(
  txDeps: Deps,
  row: CaseRow,
  residentStatus: ResidentStatus,
  opts: { reportIds?: string[] } = {},
): Promise<void> {
  const rows = await txDeps.db
    .select({
      id: reports.id,
      reference: reports.reference,
      locale: reports.locale,
      channel: reports.channel,
      consent: reports.consentToContact,
      contactSealed: reports.contactSealed,
    })
    .from(caseReports)
    .innerJoin(reports, eq(reports.id, caseReports.reportId))
    .where(
      and(
        eq(caseReports.caseId, row.id),
        opts.reportIds ? inArray(caseReports.reportId, opts.reportIds) : undefined,
      ),
    );
  const held = FEEDBACK_NEEDS_APPROVAL.includes(row.category as CategoryCode);
  for (const report of rows) {
    if (!report.contactSealed || !(report.consent || report.channel === "sms")) continue;
    const locale = report.locale as Locale;
    const [inserted] = await txDeps.db
      .insert(caseFeedback)
      .values({
        caseId: row.id,
        reportId: report.id,
        residentStatus,
        locale,
        body: statusMessage(locale, report.reference, residentStatus),
        status: held ? "pending_approval" : "queued",
        createdAt: txDeps.now(),
        decidedBy: held ? null : "automatic (standard wording)",
        decidedAt: held ? null : txDeps.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) continue;
    if (!held) await sendFeedback(txDeps, inserted, report.contactSealed);
    await recordAudit(txDeps, SYSTEM_ACTOR, {
      action: held ? "case.feedback_held" : "case.feedback_queued",
      entityType: "case",
      entityId: row.id,
      placePath: row.placePath,
      after: { feedbackId: inserted.id, reportId: report.id, residentStatus },
    });
  }
}

async function sendFeedback(
  txDeps: Deps,
  feedback: typeof caseFeedback.$inferSelect,
  contactSealed: string,
): Promise<void> {
  await enqueueSms(txDeps, {
    to: txDeps.vault.decrypt(PHONE_SEAL_PURPOSE, contactSealed),
    body: feedback.body,
    purpose: FEEDBACK_SMS_PURPOSE,
    reportId: feedback.reportId,
    dedupeKey: feedbackDedupeKey(feedback.reportId, feedback.residentStatus),
  });
}

/** The resident status for a case status, when the change is one the reporter should hear about. */
export async function feedbackOnStatusChange(
  txDeps: Deps,
  row: CaseRow,
  from: CaseStatus,
  to: CaseStatus,
): Promise<void> {
  const status = RESIDENT_STATUS_OF_CASE[to];
  if (status !== RESIDENT_STATUS_OF_CASE[from]) await queueReporterFeedback(txDeps, row, status);
}

function toView(f: typeof caseFeedback.$inferSelect & { reference: string }): CaseFeedbackView {
  return {
    id: f.id,
    reportId: f.reportId,
    reference: f.reference,
    residentStatus: f.residentStatus as ResidentStatus,
    locale: f.locale as Locale,
    body: f.body,
    status: f.status as CaseFeedbackView["status"],
    createdAt: f.createdAt.toISOString(),
  };
}

const feedbackColumns = {
  id: caseFeedback.id,
  caseId: caseFeedback.caseId,
  reportId: caseFeedback.reportId,
  residentStatus: caseFeedback.residentStatus,
  locale: caseFeedback.locale,
  body: caseFeedback.body,
  status: caseFeedback.status,
  createdAt: caseFeedback.createdAt,
  decidedBy: caseFeedback.decidedBy,
  decidedAt: caseFeedback.decidedAt,
  reference: reports.reference,
};

export async function feedbackOfCase(db: Db, caseId: string): Promise<CaseFeedbackView[]> {
  const rows = await db
    .select(feedbackColumns)
    .from(caseFeedback)
    .innerJoin(reports, eq(reports.id, caseFeedback.reportId))
    .where(eq(caseFeedback.caseId, caseId))
    .orderBy(caseFeedback.createdAt);
  return rows.map(toView);
}

/** Messages waiting for approval on the cases the programme officer can see. */
export async function listPendingFeedback(
  deps: Deps,
  principal: Principal,
): Promise<(CaseFeedbackView & { caseId: string; caseNumber: string })[]> {
  const access = await caseAccessOf(deps, principal);
  if (!access.manage) throw forbidden();
  const rows = await deps.db
    .select({ ...feedbackColumns, caseNumber: cases.number })
    .from(caseFeedback)
    .innerJoin(reports, eq(reports.id, caseFeedback.reportId))
    .innerJoin(cases, eq(cases.id, caseFeedback.caseId))
    .where(and(eq(caseFeedback.status, "pending_approval"), visibleCaseCondition(access)))
    .orderBy(desc(caseFeedback.createdAt))
    .limit(200);
  return rows.map((r) => ({ ...toView(r), caseId: r.caseId, caseNumber: r.caseNumber }));
}

/** Sends (optionally reworded) or drops a held message. Only programme staff who can see the case. */
export async function decideFeedback(
  deps: Deps,
  principal: Principal,
  caseId: string,
  feedbackId: string,
  decision: { send: true; body?: string | undefined } | { send: false },
): Promise<CaseFeedbackView> {
  return inTransaction(deps, async (tx) => {
    const access = await caseAccessOf(tx, principal);
    if (!access.manage) throw forbidden("Only programme staff approve messages to reporters.");
    const row = await loadVisibleCase(tx.db, access, caseId);
    const [feedback] = /^[0-9a-f-]{36}$/i.test(feedbackId)
      ? await tx.db
          .select()
          .from(caseFeedback)
          .where(and(eq(caseFeedback.id, feedbackId), eq(caseFeedback.caseId, row.id)))
          .for("update")
      : [];
    if (!feedback) throw notFound("Message");
    if (feedback.status !== "pending_approval")
      throw conflict(`This message was already ${feedback.status === "queued" ? "sent" : "dropped"}.`);
    const body = decision.send ? (decision.body ?? feedback.body) : feedback.body;
    if (!isGsm7(body))
      throw badRequest(
        "body: use plain letters only (no curly quotes, emoji or accents), so any phone can show it",
        [{ path: "body", message: "has characters a basic phone cannot show" }],
      );
    const [updated] = await tx.db
      .update(caseFeedback)
      .set({
        status: decision.send ? "queued" : "discarded",
        body,
        decidedBy: principal.email,
        decidedAt: tx.now(),
      })
      .where(eq(caseFeedback.id, feedback.id))
      .returning();
    if (!updated) throw new Error("case_feedback update returned nothing");
    if (decision.send) {
      const [report] = await tx.db
        .select({ contactSealed: reports.contactSealed })
        .from(reports)
        .where(eq(reports.id, feedback.reportId));
      if (!report?.contactSealed) throw conflict("The reporter's contact is no longer on record.");
      await sendFeedback(tx, updated, report.contactSealed);
    }
    const actor: Actor = actorOf(principal);
    await recordAudit(tx, actor, {
      action: decision.send ? "case.feedback_approve" : "case.feedback_discard",
      entityType: "case",
      entityId: row.id,
      placePath: row.placePath,
      before: { feedbackId: feedback.id, body: feedback.body },
      after: { feedbackId: feedback.id, body, reworded: body !== feedback.body },
    });
    const [reference] = await tx.db
      .select({ reference: reports.reference })
      .from(reports)
      .where(eq(reports.id, feedback.reportId));
    return toView({ ...updated, reference: reference?.reference ?? "" });
  });
}

/**
 * What a resident is told about their report (src/common/resident-status.ts): the case's status
 * when the report belongs to one, else the report's own, "received" until a person has acted.
 * For /follow-up, SMS STATUS and USSD, always after checkReceipt.
 */
export async function caseAwareResidentStatus(
  deps: Deps,
  report: { id: string; status: string },
): Promise<ResidentStatus> {
  const [row] = await deps.db
    .select({ status: cases.status })
    .from(caseReports)
    .innerJoin(cases, eq(cases.id, caseReports.caseId))
    .where(eq(caseReports.reportId, report.id));
  const caseStatus = (row?.status as CaseStatus | undefined) ?? null;
  if (caseStatus !== null) return residentStatusOf({ status: report.status, personActed: true, caseStatus });
  // The newest decision says whether a person has acted and, for a rejection, what the resident is told.
  const [latest] = await deps.db
    .select({ action: reportDecisions.action, residentReason: reportDecisions.residentReason })
    .from(reportDecisions)
    .where(eq(reportDecisions.reportId, report.id))
    .orderBy(desc(reportDecisions.seq))
    .limit(1);
  const notForwardReason =
    latest?.action === "reject" && isNotForwardReason(latest.residentReason) ? latest.residentReason : null;
  return residentStatusOf({
    status: report.status,
    personActed: latest !== undefined,
    caseStatus,
    notForwardReason,
  });
}

/** Staff and tests only: the status by reference with no receipt check. Residents go through statusForResident. */
export async function caseAwareStatusByReference(deps: Deps, typed: string): Promise<ResidentStatus | null> {
  const reference = normaliseReference(typed);
  if (!reference) return null;
  const [report] = await deps.db
    .select({ id: reports.id, status: reports.status })
    .from(reports)
    .where(eq(reports.reference, reference));
  return report ? caseAwareResidentStatus(deps, report) : null;
}

export type ResidentStatusAnswer =
  | { ok: true; reference: string; status: ResidentStatus }
  | { ok: false; reason: "no_match" | "locked" };

/**
 * SMS STATUS and USSD "check a report": the status when the request comes from the reporting phone
 * or carries the right PIN (checkReceipt, shared with the web), else no match or locked.
 */
export async function statusForResident(
  deps: Deps,
  claim: { reference: string; pin: string | null; phone: string | null },
): Promise<ResidentStatusAnswer> {
  const checked = await checkReceipt(deps, claim.reference, claim.pin, claim.phone);
  if (!checked.ok) return checked;
  return {
    ok: true,
    reference: checked.report.reference,
    status: await caseAwareResidentStatus(deps, checked.report),
  };
}
