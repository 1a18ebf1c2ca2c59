// Response deadlines per urgency: the one place to change them. Pure: the schedule of reminders
// and escalations a case gets when it opens, and what is due on a case at a given moment.
import type { CaseStatus, DueKind } from "../../../common/contracts/cases.ts";
import type { Urgency } from "../../../common/taxonomy.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface DeadlinePolicy {
  /** From opening until a responder must acknowledge. */
  acknowledgeWithinMs: number;
  /** From opening until a first action must be recorded. */
  actWithinMs: number;
  /** How long before each deadline the assigned responders are reminded. */
  remindBeforeMs: Record<DueKind, number>;
  /** After a missed deadline goes to the supervisors, how long before it goes up to programme officers. */
  nextRungAfterMs: Record<DueKind, number>;
}

export const RESPONSE_DEADLINES: Record<Urgency, DeadlinePolicy> = {
  emergency: {
    acknowledgeWithinMs: 30 * MINUTE,
    actWithinMs: 24 * HOUR,
    remindBeforeMs: { acknowledge: 10 * MINUTE, act: 2 * HOUR },
    nextRungAfterMs: { acknowledge: 30 * MINUTE, act: 4 * HOUR },
  },
  high: {
    acknowledgeWithinMs: 4 * HOUR,
    actWithinMs: 72 * HOUR,
    remindBeforeMs: { acknowledge: HOUR, act: 12 * HOUR },
    nextRungAfterMs: { acknowledge: 4 * HOUR, act: 24 * HOUR },
  },
  routine: {
    acknowledgeWithinMs: 48 * HOUR,
    actWithinMs: 14 * 24 * HOUR,
    remindBeforeMs: { acknowledge: 12 * HOUR, act: 48 * HOUR },
    nextRungAfterMs: { acknowledge: 24 * HOUR, act: 72 * HOUR },
  },
};

/** remind: the assigned units; supervisor: rung 1 of the ladder; programme: rung 2. */
export const DEADLINE_STEPS = ["remind", "supervisor", "programme"] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];

export interface ScheduledStep {
  due: DueKind;
  step: DeadlineStep;
  runAt: Date;
}

export interface CaseDeadlines {
  acknowledgeDueAt: Date;
  actionDueAt: Date;
  steps: ScheduledStep[];
}

export function deadlinesFor(
  urgency: Urgency,
  openedAt: Date,
  policies: Record<Urgency, DeadlinePolicy> = RESPONSE_DEADLINES,
): CaseDeadlines {
  const policy = policies[urgency];
  const opened = openedAt.getTime();
  const dueAt: Record<DueKind, number> = {
    acknowledge: opened + policy.acknowledgeWithinMs,
    act: opened + policy.actWithinMs,
  };
  const steps = (["acknowledge", "act"] as const).flatMap((due): ScheduledStep[] => [
    // A reminder that would fall before the case even opened is sent at opening instead.
    { due, step: "remind", runAt: new Date(Math.max(opened, dueAt[due] - policy.remindBeforeMs[due])) },
    { due, step: "supervisor", runAt: new Date(dueAt[due]) },
    { due, step: "programme", runAt: new Date(dueAt[due] + policy.nextRungAfterMs[due]) },
  ]);
  return { acknowledgeDueAt: new Date(dueAt.acknowledge), actionDueAt: new Date(dueAt.act), steps };
}

export interface CaseTimes {
  /** A CaseStatus; plain string so that database rows fit without a cast. */
  status: CaseStatus | (string & {});
  acknowledgeDueAt: Date;
  actionDueAt: Date;
  firstActionAt: Date | null;
}

/** Whether the deadline `due` is still owed: acknowledging ends the first, any action the second. */
export function stillOwed(due: DueKind, c: Pick<CaseTimes, "status" | "firstActionAt">): boolean {
  if (due === "acknowledge") return c.status === "open";
  return c.firstActionAt === null && (c.status === "open" || c.status === "acknowledged");
}

/** The next thing owed on a case and by when, or null when nothing is owed any more. */
export function nextDue(c: CaseTimes, now: Date): { kind: DueKind; at: Date; overdue: boolean } | null {
  const kind: DueKind | null = stillOwed("acknowledge", c)
    ? "acknowledge"
    : stillOwed("act", c)
      ? "act"
      : null;
  if (kind === null) return null;
  const at = kind === "acknowledge" ? c.acknowledgeDueAt : c.actionDueAt;
  return { kind, at, overdue: now.getTime() >= at.getTime() };
}

/** Overdue on either deadline (an acknowledged case can still be late to act); due at the deadline itself. */
export function isOverdue(c: CaseTimes, now: Date): boolean {
  return (["acknowledge", "act"] as const).some(
    (due) =>
      stillOwed(due, c) &&
      now.getTime() >= (due === "acknowledge" ? c.acknowledgeDueAt : c.actionDueAt).getTime(),
  );
}
