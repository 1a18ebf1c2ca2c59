// The case lifecycle: acknowledge, start, resolve, close (CASE_TRANSITIONS in the contracts) and
// actions on the timeline. Illegal moves answer 409; every move is on the timeline, audited, and
// tells the reporter when what they would be told has changed.
import { and, eq } from "drizzle-orm";
import {
  CASE_TRANSITIONS,
  type CaseStatus,
  type CaseTransitionInput,
  canApplyCaseAction,
} from "../../../common/contracts/cases.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, conflict, forbidden } from "../../lib/errors.ts";
import type { Principal } from "../../lib/scope.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import { activeUnitIdsOf, type CaseRow, caseAccessOf, loadVisibleCase, mayWorkOn } from "./cases.policy.ts";
import { addEvent } from "./cases.service.ts";
import { cases } from "./cases.table.ts";
import { feedbackOnStatusChange } from "./feedback.service.ts";

const STATUS_WORDS: Record<CaseStatus, string> = {
  open: "open and not yet acknowledged",
  acknowledged: "acknowledged",
  in_progress: "in progress",
  resolved: "resolved",
  closed_no_action: "closed without action",
};

async function loadWorkableCase(txDeps: Deps, principal: Principal, caseId: string) {
  const access = await caseAccessOf(txDeps, principal);
  const row = await loadVisibleCase(txDeps.db, access, caseId, { forUpdate: true });
  if (!mayWorkOn(access, row, await activeUnitIdsOf(txDeps.db, row.id)))
    throw forbidden("Only the units assigned to this case and programme staff can work on it.");
  return row;
}

async function moveCase(
  txDeps: Deps,
  actor: Actor,
  row: CaseRow,
  to: CaseStatus,
  change: { kind: string; notes?: string | null; reason?: string | null; setFirstAction?: boolean },
): Promise<void> {
  const now = txDeps.now();
  const from = row.status as CaseStatus;
  const [updated] = await txDeps.db
    .update(cases)
    .set({
      status: to,
      updatedAt: now,
      ...(to === "acknowledged" && { acknowledgedAt: now }),
      ...(change.setFirstAction && row.firstActionAt === null && { firstActionAt: now }),
      ...((to === "resolved" || to === "closed_no_action") && { finishedAt: now }),
      ...(to === "closed_no_action" && { closeReason: change.reason ?? null }),
    })
    .where(and(eq(cases.id, row.id), eq(cases.status, from)))
    .returning();
  if (!updated) throw conflict("The case changed while you were working on it. Reload and try again.");
  await addEvent(txDeps, row.id, actor, {
    kind: change.kind,
    from,
    to,
    notes: [change.reason, change.notes].filter(Boolean).join("\n") || null,
  });
  await recordAudit(txDeps, actor, {
    action: `case.${change.kind}`,
    entityType: "case",
    entityId: row.id,
    placePath: row.placePath,
    before: { status: from },
    after: { status: to, reason: change.reason ?? null, notes: change.notes ?? null },
  });
  await feedbackOnStatusChange(txDeps, updated, from, to);
}

export async function transitionCase(
  deps: Deps,
  principal: Principal,
  caseId: string,
  input: CaseTransitionInput,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const row = await loadWorkableCase(tx, principal, caseId);
    const status = row.status as CaseStatus;
    if (!canApplyCaseAction(input.action, status))
      throw conflict(
        `This case is ${STATUS_WORDS[status]}, so it cannot be moved that way (${input.action}).`,
      );
    if (input.action === "close" && !input.reason)
      throw badRequest("reason: say why the case is closed without action", [
        { path: "reason", message: "is required to close a case without action" },
      ]);
    if (input.action === "resolve" && !input.notes)
      throw badRequest("notes: say what was done to resolve it", [
        { path: "notes", message: "is required to resolve a case" },
      ]);
    await moveCase(tx, actorOf(principal), row, CASE_TRANSITIONS[input.action].to, {
      kind: input.action,
      notes: input.notes ?? null,
      reason: input.reason ?? null,
      setFirstAction: input.action === "start" || input.action === "resolve",
    });
  });
}

/** An action on the timeline; the first one on an acknowledged case puts it in progress. */
export async function recordAction(
  deps: Deps,
  principal: Principal,
  caseId: string,
  notes: string,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const row = await loadWorkableCase(tx, principal, caseId);
    const actor = actorOf(principal);
    if (row.status === "open") throw conflict("Acknowledge the case before recording actions on it.");
    if (row.status === "resolved" || row.status === "closed_no_action")
      throw conflict(`This case is ${STATUS_WORDS[row.status]}; no more actions can be recorded.`);
    if (row.status === "acknowledged") {
      await moveCase(tx, actor, row, "in_progress", { kind: "action", notes, setFirstAction: true });
      return;
    }
    if (row.firstActionAt === null)
      await tx.db
        .update(cases)
        .set({ firstActionAt: tx.now(), updatedAt: tx.now() })
        .where(eq(cases.id, row.id));
    else await tx.db.update(cases).set({ updatedAt: tx.now() }).where(eq(cases.id, row.id));
    await addEvent(tx, row.id, actor, { kind: "action", notes });
    await recordAudit(tx, actor, {
      action: "case.action",
      entityType: "case",
      entityId: row.id,
      placePath: row.placePath,
      after: { notes },
    });
  });
}
