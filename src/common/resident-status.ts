// What a resident is told about their report, at every stage, on every channel (web /follow-up,
// SMS STATUS, USSD "check a report", and the case feedback SMS). The one definition: each channel
// asks `residentStatusOf` and renders the line with `statusMessage` (messages.ts).
//
// The stages: received -> being reviewed -> passed to responders -> action under way -> resolved
// or closed; or not taken forward (rejected), or joined to another report of the same incident
// (duplicate). "Received" holds until a PERSON has decided something: the automatic triage guess
// (report status `triaged`) changes nothing a resident is told.
import type { CaseStatus } from "./contracts/cases.ts";

export const RESIDENT_STATUSES = [
  "received",
  "in_review",
  "case_open",
  "case_in_progress",
  "case_resolved",
  "case_closed",
  "not_taken_forward",
  "duplicate",
] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

/** What the reporter is told for each case status (acknowledging changes nothing they need to hear). */
export const RESIDENT_STATUS_OF_CASE: Record<CaseStatus, ResidentStatus> = {
  open: "case_open",
  acknowledged: "case_open",
  in_progress: "case_in_progress",
  resolved: "case_resolved",
  closed_no_action: "case_closed",
};

export interface ReportProgress {
  /** The report's own status: new, triaged, verified, rejected, duplicate. */
  status: string;
  /** Whether a person has recorded a decision on it (a correction, a reopening...). */
  personActed: boolean;
  /** The status of the case the report belongs to, if any. */
  caseStatus: CaseStatus | null;
}

export function residentStatusOf(progress: ReportProgress): ResidentStatus {
  if (progress.caseStatus) return RESIDENT_STATUS_OF_CASE[progress.caseStatus];
  switch (progress.status) {
    // Verifying opens the case in the same transaction: the report is with the responders.
    case "verified":
      return "case_open";
    case "rejected":
      return "not_taken_forward";
    case "duplicate":
      return "duplicate";
    // new and triaged: only a machine has looked at it, unless a person has started deciding.
    default:
      return progress.personActed ? "in_review" : "received";
  }
}
