// The verification workflow of a report, as pure data: the server enforces it, the web app reads it
// to offer only the actions that can succeed. No zod here, so the web bundle can import it.

export const REPORT_STATUSES = ["new", "triaged", "verified", "rejected", "duplicate"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Statuses still waiting for a person: the inbox shows these unless asked otherwise. */
export const OPEN_STATUSES: readonly ReportStatus[] = ["new", "triaged"];

export const DECISION_ACTIONS = ["verify", "correct", "reject", "duplicate", "reopen"] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/**
 * From which statuses each staff action may start, and where it leads. `new → triaged` is the
 * triage job's alone; a report must carry a guess before a person decides on it. `correct` changes
 * the decided category, urgency or place without changing the status.
 */
export const TRANSITIONS: Record<DecisionAction, { from: readonly ReportStatus[]; to: ReportStatus | null }> =
  {
    verify: { from: ["triaged"], to: "verified" },
    correct: { from: ["triaged", "verified"], to: null },
    reject: { from: ["triaged"], to: "rejected" },
    duplicate: { from: ["triaged"], to: "duplicate" },
    reopen: { from: ["verified", "rejected", "duplicate"], to: "triaged" },
  };

export function canApply(action: DecisionAction, status: ReportStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** Sort order of the inbox: the most urgent first. Reports without any urgency yet sort last. */
export const URGENCY_RANK = { emergency: 0, high: 1, routine: 2 } as const;

/**
 * What a resident is told when their report is not taken forward. Staff choose one when rejecting;
 * their free-text reason is for staff only and never reaches a resident. The first is the default.
 */
export const NOT_FORWARD_REASONS = [
  "could_not_confirm",
  "not_enough_detail",
  "not_a_safety_matter",
  "outside_our_areas",
  "already_handled",
] as const;
export type NotForwardReason = (typeof NOT_FORWARD_REASONS)[number];
export const DEFAULT_NOT_FORWARD_REASON: NotForwardReason = "could_not_confirm";

export function isNotForwardReason(value: unknown): value is NotForwardReason {
  return (NOT_FORWARD_REASONS as readonly unknown[]).includes(value);
}
