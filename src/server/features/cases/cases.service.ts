// Cases: opened from a verified report (routing, deadlines, notices and the reporter's first
// message in the same transaction), joined by further reports, given further units by hand. The
// lifecycle moves are in case-lifecycle.service.ts.
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { CaseStatus } from "../../../common/contracts/cases.ts";
import { RESIDENT_STATUS_OF_CASE } from "../../../common/resident-status.ts";
import type { CategoryCode, Urgency } from "../../../common/taxonomy.ts";
import type { Db } from "../../db/client.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { conflict, forbidden, notFound } from "../../lib/errors.ts";
import type { Principal } from "../../lib/scope.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { CROCKFORD_ALPHABET } from "../reports/reference.ts";
import { loadVisibleReport } from "../reports/reports.policy.ts";
import { reports } from "../reports/reports.table.ts";
import { actorOf } from "../users/users.service.ts";
import {
  activeUnitIdsOf,
  type CaseAccess,
  type CaseRow,
  caseAccessOf,
  loadVisibleCase,
} from "./cases.policy.ts";
import { caseAssignments, caseEvents, caseReports, cases } from "./cases.table.ts";
import { scheduleDeadlineJobs } from "./deadlines.service.ts";
import { deadlinesFor } from "./deadlines.ts";
import { queueReporterFeedback } from "./feedback.service.ts";
import { notify, unitMembersOf } from "./notify.ts";
import { unitInScope } from "./responders.service.ts";
import { responderUnits } from "./responders.table.ts";
import { CONFLICT_CATEGORY, CONFLICT_SAFE_KINDS, explainRouting } from "./routing.ts";
import { loadRoutingData } from "./routing-rules.service.ts";

function newCaseNumber(): string {
  const bytes = randomBytes(6);
  let code = "";
  for (let i = 0; i < 6; i++) code += CROCKFORD_ALPHABET[(bytes[i] ?? 0) & 31];
  return `CASE-${code}`;
}

export async function addEvent(
  txDeps: Deps,
  caseId: string,
  actor: Actor,
  event: {
    kind: string;
    from?: CaseStatus | null;
    to?: CaseStatus | null;
    notes?: string | null;
    data?: object;
  },
): Promise<void> {
  await txDeps.db.insert(caseEvents).values({
    caseId,
    at: txDeps.now(),
    actorId: actor.id,
    actorLabel: actor.label,
    kind: event.kind,
    fromStatus: event.from ?? null,
    toStatus: event.to ?? null,
    notes: event.notes ?? null,
    data: (event.data ?? {}) as Record<string, unknown>,
  });
}

async function caseOfReport(
  db: Db,
  reportId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CaseRow | undefined> {
  const query = db
    .select({ c: cases })
    .from(caseReports)
    .innerJoin(cases, eq(cases.id, caseReports.caseId))
    .where(eq(caseReports.reportId, reportId));
  const [row] = opts.forUpdate ? await query.for("update", { of: cases }) : await query;
  return row?.c;
}

/**
 * Puts a report into a case. `duplicateOf`: it joins because staff marked it as a duplicate of a
 * report of this case; the timeline says so without naming either report (responders read it).
 */
async function addReportToCase(
  txDeps: Deps,
  actor: Actor,
  row: CaseRow,
  reportId: string,
  duplicateOf?: string,
): Promise<void> {
  await txDeps.db.insert(caseReports).values({ caseId: row.id, reportId, joinedAt: txDeps.now() });
  await addEvent(
    txDeps,
    row.id,
    actor,
    duplicateOf
      ? {
          kind: "duplicate_joined",
          notes: "A report of the same incident, marked as a duplicate, joined this case.",
          data: { reportId, duplicateOf },
        }
      : { kind: "report_joined", data: { reportId } },
  );
  await recordAudit(txDeps, actor, {
    action: "case.join_report",
    entityType: "case",
    entityId: row.id,
    placePath: row.placePath,
    after: { reportId, ...(duplicateOf && { asDuplicateOf: duplicateOf }) },
  });
  // The newcomer hears where the case stands now.
  await queueReporterFeedback(txDeps, row, RESIDENT_STATUS_OF_CASE[row.status as CaseStatus], {
    reportIds: [reportId],
  });
}

/**
 * Opens the case for a verified report, in the caller's transaction: the verification step calls
 * this right after verifying. A report already in a case returns that case; a report marked as a
 * duplicate joins the case of the report it duplicates. No permission check here: the caller has
 * already decided that `actor` may verify the report.
 */
export async function openCaseForReport(
  txDeps: Deps,
  actor: Actor,
  reportId: string,
): Promise<{ id: string; number: string; created: boolean }> {
  const existing = await caseOfReport(txDeps.db, reportId);
  if (existing) return { id: existing.id, number: existing.number, created: false };
  const [report] = await txDeps.db.select().from(reports).where(eq(reports.id, reportId)).for("update");
  if (!report) throw notFound("Report");
  if (report.status === "duplicate" && report.duplicateOfId) {
    const target = await caseOfReport(txDeps.db, report.duplicateOfId);
    if (!target)
      throw conflict("The report this one duplicates has no case yet: open a case for that one first.");
    await addReportToCase(txDeps, actor, target, reportId, report.duplicateOfId);
    return { id: target.id, number: target.number, created: false };
  }
  if (report.status !== "verified")
    throw conflict(`Only a verified report can open a case; this report is ${report.status}.`);
  const facts = {
    category: (report.effectiveCategory ?? "other") as CategoryCode,
    urgency: (report.effectiveUrgency ?? "routine") as Urgency,
    placePath: report.effectivePlacePath ?? null,
  };
  const now = txDeps.now();
  const deadlines = deadlinesFor(facts.urgency, now);
  let row: CaseRow | undefined;
  for (let attempt = 0; !row && attempt < 10; attempt++)
    [row] = await txDeps.db
      .insert(cases)
      .values({
        number: newCaseNumber(),
        ...facts,
        placeId: report.effectivePlaceId ?? null,
        conflictOfInterest: facts.category === CONFLICT_CATEGORY,
        ownerId: actor.id,
        openedAt: now,
        acknowledgeDueAt: deadlines.acknowledgeDueAt,
        actionDueAt: deadlines.actionDueAt,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: cases.number })
      .returning();
  if (!row) throw new Error("Could not draw a free case number after 10 attempts");
  await txDeps.db.insert(caseReports).values({ caseId: row.id, reportId, joinedAt: now });
  const { rules, units } = await loadRoutingData(txDeps.db);
  const routing = explainRouting(facts, rules, units);
  for (const unit of routing.units)
    await txDeps.db.insert(caseAssignments).values({
      caseId: row.id,
      unitId: unit.unitId,
      reasons: unit.reasons,
      assignedAt: now,
      assignedBy: "routing",
    });
  await addEvent(txDeps, row.id, actor, { kind: "opened", to: "open", data: { reportId } });
  await addEvent(
    txDeps,
    row.id,
    { id: null, label: "routing" },
    {
      kind: "routed",
      notes: routing.steps.join("\n"),
      data: { units: routing.units.map((u) => u.unitId), usedDefault: routing.usedDefault },
    },
  );
  await recordAudit(txDeps, actor, {
    action: "case.open",
    entityType: "case",
    entityId: row.id,
    placePath: row.placePath,
    after: {
      number: row.number,
      reportId,
      ...facts,
      conflictOfInterest: row.conflictOfInterest,
      routedTo: routing.units.map((u) => ({ unitId: u.unitId, rules: u.reasons.map((r) => r.ruleId) })),
      acknowledgeDueAt: row.acknowledgeDueAt,
      actionDueAt: row.actionDueAt,
    },
  });
  await scheduleDeadlineJobs(txDeps, row.id, deadlines.steps);
  await notify(txDeps, row, await unitMembersOf(txDeps.db, row), {
    kind: "assigned",
    due: "acknowledge",
    dedupeKey: `assigned:${row.id}`,
  });
  await queueReporterFeedback(txDeps, row, "case_open");
  // Reports already marked as duplicates of this one, while it had no case, follow it in.
  const duplicates = await txDeps.db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.duplicateOfId, reportId),
        eq(reports.status, "duplicate"),
        sql`not exists (select 1 from ${caseReports} where ${caseReports.reportId} = ${reports.id})`,
      ),
    )
    .orderBy(reports.receivedAt);
  for (const duplicate of duplicates) await addReportToCase(txDeps, actor, row, duplicate.id, reportId);
  return { id: row.id, number: row.number, created: true };
}

/**
 * A report staff have just marked as a duplicate of `originalId`, in the decision's transaction:
 * it joins the original's case, so that its reporter follows the case's progress. When the
 * original has no case yet nothing opens; the duplicate joins when the original's case opens
 * (openCaseForReport). A report already in a case (it opened one before it was reopened) stays.
 */
export async function joinDuplicateToCase(
  txDeps: Deps,
  actor: Actor,
  reportId: string,
  originalId: string,
): Promise<{ caseId: string } | null> {
  if (await caseOfReport(txDeps.db, reportId)) return null;
  // Waits for a verification of the original still under way, so that the duplicate either sees
  // the case it opened or is seen by it (openCaseForReport takes in marked duplicates).
  await txDeps.db.select({ id: reports.id }).from(reports).where(eq(reports.id, originalId)).for("share");
  const target = await caseOfReport(txDeps.db, originalId, { forUpdate: true });
  if (!target) return null;
  await addReportToCase(txDeps, actor, target, reportId, originalId);
  return { caseId: target.id };
}

/**
 * A duplicate reopened for review, in the decision's transaction, leaves the case it joined as a
 * duplicate: until staff decide again it is no report of that case, and its reporter is told the
 * report's own status. A case the report itself opened keeps it.
 */
export async function removeReopenedDuplicate(txDeps: Deps, actor: Actor, reportId: string): Promise<void> {
  const row = await caseOfReport(txDeps.db, reportId, { forUpdate: true });
  if (!row) return;
  const [opener] = await txDeps.db
    .select({ id: caseEvents.id })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.caseId, row.id),
        eq(caseEvents.kind, "opened"),
        sql`${caseEvents.data}->>'reportId' = ${reportId}`,
      ),
    );
  if (opener) return;
  await txDeps.db
    .delete(caseReports)
    .where(and(eq(caseReports.caseId, row.id), eq(caseReports.reportId, reportId)));
  await addEvent(txDeps, row.id, actor, {
    kind: "report_left",
    notes: "A report that had joined as a duplicate was reopened for review and taken out of this case.",
    data: { reportId },
  });
  await recordAudit(txDeps, actor, {
    action: "case.remove_report",
    entityType: "case",
    entityId: row.id,
    placePath: row.placePath,
    before: { reportId },
    after: { reportId: null, reason: "report reopened" },
  });
}

/** The report as its reader may see it (reports.policy.ts: areas, and conflict of interest), else 404. */
function loadReportInScope(db: Db, principal: Principal, reportId: string) {
  return loadVisibleReport(db, principal, reportId, { what: "Report" });
}

/** Programme staff open a case by hand for a verified report in their areas. */
export async function openCase(deps: Deps, principal: Principal, reportId: string) {
  if (!principal.permissions.has("cases.manage")) throw forbidden();
  return inTransaction(deps, async (tx) => {
    await loadReportInScope(tx.db, principal, reportId);
    return openCaseForReport(tx, actorOf(principal), reportId);
  });
}

export async function joinCase(
  deps: Deps,
  principal: Principal,
  caseId: string,
  reportId: string,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const access = await requireManager(tx, principal);
    const row = await loadVisibleCase(tx.db, access, caseId, { forUpdate: true });
    const report = await loadReportInScope(tx.db, principal, reportId);
    if (report.status !== "verified" && report.status !== "duplicate")
      throw conflict(`Only a verified or duplicate report can join a case; this report is ${report.status}.`);
    const current = await caseOfReport(tx.db, reportId);
    if (current)
      throw conflict(
        current.id === row.id ? "The report is already in this case." : "The report is in another case.",
      );
    await addReportToCase(tx, actorOf(principal), row, reportId);
  });
}

async function requireManager(txDeps: Deps, principal: Principal): Promise<CaseAccess> {
  const access = await caseAccessOf(txDeps, principal);
  if (!access.manage) throw forbidden("Only programme staff can do that.");
  return access;
}

/** Adds a unit by hand. A police-conduct complaint can reach oversight and programme units only. */
export async function assignUnit(
  deps: Deps,
  principal: Principal,
  caseId: string,
  input: { unitId: string; notes?: string | undefined },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const access = await requireManager(tx, principal);
    const row = await loadVisibleCase(tx.db, access, caseId, { forUpdate: true });
    const [unit] = await tx.db.select().from(responderUnits).where(eq(responderUnits.id, input.unitId));
    if (!unit || !unitInScope(principal, unit)) throw notFound("Responder unit");
    if (!unit.active) throw conflict(`${unit.name} is inactive; reactivate it first.`);
    if (row.category === CONFLICT_CATEGORY && !CONFLICT_SAFE_KINDS.includes(unit.kind as never))
      throw conflict(
        "A police-conduct complaint can go to oversight and programme units only, never to police or other government responders.",
      );
    if ((await activeUnitIdsOf(tx.db, row.id)).includes(unit.id))
      throw conflict(`${unit.name} is already working on this case.`);
    const actor = actorOf(principal);
    await tx.db
      .insert(caseAssignments)
      .values({ caseId: row.id, unitId: unit.id, reasons: [], assignedAt: tx.now(), assignedBy: actor.label })
      .onConflictDoUpdate({
        target: [caseAssignments.caseId, caseAssignments.unitId],
        set: { active: true, assignedAt: tx.now(), assignedBy: actor.label },
      });
    await addEvent(tx, row.id, actor, {
      kind: "assigned",
      notes: input.notes ?? null,
      data: { unitId: unit.id },
    });
    await recordAudit(tx, actor, {
      action: "case.assign",
      entityType: "case",
      entityId: row.id,
      placePath: row.placePath,
      after: { unitId: unit.id, notes: input.notes ?? null },
    });
    const members = await unitMembersOf(tx.db, row, { unitId: unit.id });
    await notify(tx, row, members, {
      kind: "assigned",
      due: "acknowledge",
      dedupeKey: `assigned:${row.id}:${unit.id}`,
    });
  });
}
