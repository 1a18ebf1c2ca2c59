// Deadlines as jobs: when a case opens, one job per reminder and escalation step is queued with its
// run time (deadlines.ts). Each job checks whether its deadline is still owed; if so it notifies the
// rung it stands for and records the step once: the timeline entry's dedupe key makes a job that runs
// twice (jobs run at least once), or two workers racing, notify nobody twice.
import { eq } from "drizzle-orm";
import type { DueKind } from "../../../common/contracts/cases.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { enqueueJob } from "../../jobs/queue.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit.service.ts";
import type { CaseRow } from "./cases.policy.ts";
import { caseEvents, cases } from "./cases.table.ts";
import { DEADLINE_STEPS, type DeadlineStep, type ScheduledStep, stillOwed } from "./deadlines.ts";
import { notify, programmeOfficersFor, type Recipient, unitMembersOf } from "./notify.ts";

export const CASE_DEADLINE_JOB = "case.deadline";

export async function scheduleDeadlineJobs(
  txDeps: Deps,
  caseId: string,
  steps: ScheduledStep[],
): Promise<void> {
  for (const step of steps)
    await enqueueJob(
      txDeps,
      CASE_DEADLINE_JOB,
      { caseId, due: step.due, step: step.step },
      { runAt: step.runAt, dedupeKey: `case:${caseId}:${step.due}:${step.step}` },
    );
}

function parsePayload(payload: Record<string, unknown>): {
  caseId: string;
  due: DueKind;
  step: DeadlineStep;
} {
  const { caseId, due, step } = payload;
  if (
    typeof caseId !== "string" ||
    (due !== "acknowledge" && due !== "act") ||
    !DEADLINE_STEPS.includes(step as DeadlineStep)
  )
    throw new Error(`case.deadline job with a malformed payload: ${JSON.stringify(payload)}`);
  return { caseId, due, step: step as DeadlineStep };
}

const DUE_WORDS: Record<DueKind, string> = { acknowledge: "acknowledged", act: "acted on" };

/** The job handler. Returns quietly when the case has moved on since the job was queued. */
export async function runDeadlineJob(deps: Deps, payload: Record<string, unknown>): Promise<void> {
  const { caseId, due, step } = parsePayload(payload);
  await inTransaction(deps, async (tx) => {
    const [row] = await tx.db.select().from(cases).where(eq(cases.id, caseId)).for("update");
    if (!row || !stillOwed(due, row)) return;
    const dedupeKey = `deadline:${caseId}:${due}:${step}`;
    let recipients: Recipient[];
    let level = row.escalationLevel;
    let notes: string;
    if (step === "remind") {
      recipients = await unitMembersOf(tx.db, row);
      notes = `Reminder: the case must be ${DUE_WORDS[due]} by ${deadlineOf(row, due).toISOString()}.`;
    } else if (step === "supervisor") {
      recipients = await unitMembersOf(tx.db, row, { supervisorsOnly: true });
      level = Math.max(level, 1);
      notes = `Not ${DUE_WORDS[due]} in time: escalated to the units' supervisors.`;
      if (recipients.length === 0) {
        // A unit without a supervisor must not stall the ladder: go straight to the top rung.
        recipients = await programmeOfficersFor(tx.db, row);
        level = 2;
        notes = `Not ${DUE_WORDS[due]} in time, and no supervisor is on record: escalated to programme officers.`;
      }
    } else {
      recipients = await programmeOfficersFor(tx.db, row);
      level = 2;
      notes = `Still not ${DUE_WORDS[due]}: escalated to programme officers.`;
    }
    const [event] = await tx.db
      .insert(caseEvents)
      .values({
        caseId,
        at: tx.now(),
        actorId: null,
        actorLabel: "system",
        kind: step === "remind" ? "reminder" : "escalation",
        notes,
        data: { due, step, level, recipients: recipients.length },
        dedupeKey,
      })
      .onConflictDoNothing()
      .returning({ id: caseEvents.id });
    if (!event) return; // this step already ran
    if (level !== row.escalationLevel)
      await tx.db
        .update(cases)
        .set({ escalationLevel: level, updatedAt: tx.now() })
        .where(eq(cases.id, caseId));
    await notify(tx, row as CaseRow, recipients, {
      kind: step === "remind" ? "reminder" : "escalated",
      due,
      dedupeKey: dedupeKey,
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: step === "remind" ? "case.remind" : "case.escalate",
      entityType: "case",
      entityId: caseId,
      placePath: row.placePath,
      before: { escalationLevel: row.escalationLevel },
      after: { due, step, escalationLevel: level, notified: recipients.map((r) => r.userId) },
    });
  });
}

const deadlineOf = (row: CaseRow, due: DueKind) =>
  due === "acknowledge" ? row.acknowledgeDueAt : row.actionDueAt;
