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
