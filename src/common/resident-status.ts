// What a resident is told about their report, at every stage, on every channel (web /follow-up,
// SMS STATUS, USSD "check a report", and the case feedback SMS). The one definition: each channel
// asks `residentStatusOf` and renders the line with `statusMessage` (messages.ts).
//
// The stages: received -> being reviewed -> passed to responders -> action under way -> resolved
// or closed; or not taken forward (rejected), or joined to another report of the same incident
// (duplicate). A report not taken forward tells the resident the reason staff chose from
// NOT_FORWARD_REASONS (one status per reason). "Received" holds until a PERSON has decided something: the automatic triage guess
// (report status `triaged`) changes nothing a resident is told.
import type { CaseStatus } from "./contracts/cases.ts";
import { DEFAULT_NOT_FORWARD_REASON, type NotForwardReason } from "./contracts/report-workflow.ts";

export const RESIDENT_STATUSES = [
  "received",
  "in_review",
  "case_open",
  "case_in_progress",
  "case_resolved",
  "case_closed",
  "not_taken_forward",
  "not_taken_forward_not_enough_detail",
  "not_taken_forward_not_a_safety_matter",
  "not_taken_forward_outside_our_areas",
  "not_taken_forward_already_handled",
  "duplicate",
] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

/** What the reporter is told for each reason of not taking a report forward ("could not confirm" is the plain one). */
export const RESIDENT_STATUS_OF_NOT_FORWARD: Record<NotForwardReason, ResidentStatus> = {
  could_not_confirm: "not_taken_forward",
  not_enough_detail: "not_taken_forward_not_enough_detail",
  not_a_safety_matter: "not_taken_forward_not_a_safety_matter",
  outside_our_areas: "not_taken_forward_outside_our_areas",
  already_handled: "not_taken_forward_already_handled",
};

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
  /** For a rejected report: the resident-facing reason of the latest rejection (default when unknown). */
  notForwardReason?: NotForwardReason | null | undefined;
}

export function residentStatusOf(progress: ReportProgress): ResidentStatus {
  if (progress.caseStatus) return RESIDENT_STATUS_OF_CASE[progress.caseStatus];
  switch (progress.status) {
    // Verifying opens the case in the same transaction: the report is with the responders.
    case "verified":
      return "case_open";
    case "rejected":
      return RESIDENT_STATUS_OF_NOT_FORWARD[progress.notForwardReason ?? DEFAULT_NOT_FORWARD_REASON];
    case "duplicate":
      return "duplicate";
    // new and triaged: only a machine has looked at it, unless a person has started deciding.
    default:
      return progress.personActed ? "in_review" : "received";
  }
}
