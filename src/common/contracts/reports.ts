// API contracts for the staff reports inbox, shared by the server (validation) and the web app (types).
import { z } from "zod";
import { CATEGORY_CODES, URGENCY_LEVELS } from "../taxonomy.ts";
import type { DecisionAction, ReportStatus } from "./report-workflow.ts";
import { NOT_FORWARD_REASONS, REPORT_STATUSES } from "./report-workflow.ts";

export const REPORT_CHANNEL_CODES = ["web", "sms", "ussd", "staff"] as const;

const categorySchema = z.enum(CATEGORY_CODES);
const urgencySchema = z.enum(URGENCY_LEVELS);
const placeIdSchema = z.string().trim().min(1).max(80, "is not a place id");
const notesSchema = z.string().trim().max(2000, "must be at most 2,000 characters").optional();
const reasonSchema = z
  .string()
  .trim()
  .min(3, "say why, in a few words")
  .max(500, "must be at most 500 characters");

/** "a,b" in a query string → ["a", "b"], each checked against the allowed values. */
function listOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1).max(values.length));
}

const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "must be a date (2026-11-23) or a date and time in ISO 8601",
});

export const listReportsQuery = z.strictObject({
  category: listOf(CATEGORY_CODES).optional(),
  urgency: listOf(URGENCY_LEVELS).optional(),
  status: listOf(REPORT_STATUSES).optional(),
  channel: listOf(REPORT_CHANNEL_CODES).optional(),
  placeId: placeIdSchema.optional(),
  /** Received at or after this instant (a bare date means its start, UTC). */
  from: dateOrDateTime.optional(),
  /** Received before this instant (a bare date includes that whole day, UTC). */
  to: dateOrDateTime.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListReportsQuery = z.infer<typeof listReportsQuery>;

const decidedFields = {
  category: categorySchema.optional(),
  urgency: urgencySchema.optional(),
  placeId: placeIdSchema.optional(),
  notes: notesSchema,
};

/** Verify, confirming the effective values or correcting some of them in the same step. */
export const verifyInput = z.strictObject(decidedFields);
export type VerifyInput = z.infer<typeof verifyInput>;

export const correctInput = z
  .strictObject(decidedFields)
  .refine((input) => input.category ?? input.urgency ?? input.placeId, {
    message: "give the corrected category, urgency or placeId",
  });
export type CorrectInput = z.infer<typeof correctInput>;

/** What the resident is told (never the staff reason); the server defaults to "could_not_confirm". */
const residentReasonSchema = z.enum(NOT_FORWARD_REASONS, {
  error: `must be one of ${NOT_FORWARD_REASONS.join(", ")}`,
});
export const rejectInput = z.strictObject({
  reason: reasonSchema,
  residentReason: residentReasonSchema.optional(),
  notes: notesSchema,
});
export const reopenInput = z.strictObject({ reason: reasonSchema, notes: notesSchema });
export const duplicateInput = z.strictObject({
  duplicateOfId: z.uuid("is not a report id"),
  notes: notesSchema,
});

export const bulkActionInput = z
  .strictObject({
    ids: z
      .array(z.uuid("is not a report id"))
      .min(1, "choose at least one report")
      .max(100, "at most 100 reports at a time"),
    action: z.enum(["verify", "reject"]),
    reason: reasonSchema.optional(),
    residentReason: residentReasonSchema.optional(),
  })
  .refine((input) => input.action !== "reject" || input.reason, {
    path: ["reason"],
    message: "say why these reports are rejected",
  });
export type BulkActionInput = z.infer<typeof bulkActionInput>;

export const revealIdentityInput = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(10, "say why you need to contact the reporter (at least 10 characters)")
    .max(500, "must be at most 500 characters"),
  /**
   * Required when the reporter did not agree to be contacted: the person revealing confirms that
   * someone's life or safety is at risk. Recorded as its own audit action.
   */
  safetyOverride: z.boolean().optional(),
});

// ---- What the API answers ----

export interface PlaceLabel {
  id: string;
  name: string;
  kind: string;
}

/** A matched word or phrase; offsets are within the part named by `source` ("text" or an addition id). */
export interface EvidenceView {
  kind: "category" | "urgency" | "place";
  source: string;
  start: number;
  end: number;
  term: string;
  label: string;
  weight: number;
}

export interface TriageGuessView {
  category: string;
  urgency: string;
  place: PlaceLabel | null;
  categoryConfidence: number;
  urgencyConfidence: number;
  placeConfidence: number;
  evidence: EvidenceView[];
  engineVersion: string;
  createdAt: string;
}

export interface ReportListItem {
  id: string;
  reference: string;
  channel: string;
  locale: string;
  status: ReportStatus;
  receivedAt: string;
  /** The start of the report's text; `textLength` tells whether there is more. */
  excerpt: string;
  textLength: number;
  additionsCount: number;
  category: string | null;
  urgency: string | null;
  place: PlaceLabel | null;
  /** The latest guess; its evidence is limited to the excerpt. */
  guess: TriageGuessView | null;
  decidedAt: string | null;
  hasContact: boolean;
  consentToContact: boolean;
}

export interface ReportList {
  reports: ReportListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DecisionView {
  id: string;
  action: DecisionAction;
  fromStatus: ReportStatus;
  toStatus: ReportStatus;
  category: string | null;
  urgency: string | null;
  place: PlaceLabel | null;
  reason: string | null;
  notes: string | null;
  duplicateOf: { id: string; reference: string } | null;
  decidedBy: string;
  decidedAt: string;
}

export interface DuplicateCandidate {
  id: string;
  reference: string;
  status: ReportStatus;
  receivedAt: string;
  category: string | null;
  place: PlaceLabel | null;
  excerpt: string;
  /** 0–1: how alike the two texts are. */
  similarity: number;
}

export interface ReportDetail {
  id: string;
  reference: string;
  channel: string;
  locale: string;
  status: ReportStatus;
  receivedAt: string;
  occurredAt: string | null;
  occurredAtPrecision: string;
  /** Names, numbers and e-mails the resident typed are replaced by markers such as "[phone hidden]". */
  text: string;
  /** Whether something in the text or an addition is hidden (shown only through the identity reveal). */
  textMasked: boolean;
  additions: { id: string; channel: string; text: string; receivedAt: string }[];
  /** What the resident said themselves. */
  resident: {
    category: string | null;
    urgency: string | null;
    place: PlaceLabel | null;
    placeText: string | null;
  };
  /** What staff work with: decision, else the resident's answer, else the guess. */
  category: string | null;
  urgency: string | null;
  place: PlaceLabel | null;
  guess: TriageGuessView | null;
  guessHistory: Omit<TriageGuessView, "evidence">[];
  decisions: DecisionView[];
  duplicateOf: { id: string; reference: string } | null;
  duplicateCandidates: DuplicateCandidate[];
  hasContact: boolean;
  consentToContact: boolean;
}

export interface BulkResult {
  results: { id: string; ok: boolean; status?: ReportStatus; error?: string }[];
}

export interface RevealedIdentity {
  phone: string | null;
  name: string | null;
  /** The report text as the resident typed it, when something in it was hidden; else null. */
  text: string | null;
  /** The original of each addition in which something was hidden. */
  additions: { id: string; text: string }[];
}

/** Hide a passage of a report's text (or of one addition) by hand: the words, or a range of the text as shown. */
export const redactPassageInput = z
  .strictObject({
    passage: z.string().max(5000, "must be at most 5000 characters").optional(),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    /** The addition to hide it in; the report's own text when absent. */
    additionId: z.uuid().optional(),
  })
  .refine((v) => v.passage !== undefined || (v.start !== undefined && v.end !== undefined), {
    message: "give the passage to hide, or its start and end",
    path: ["passage"],
  })
  .refine((v) => v.passage === undefined || (v.start === undefined && v.end === undefined), {
    message: "give either the passage or start and end, not both",
    path: ["passage"],
  });
export type RedactPassageInput = z.infer<typeof redactPassageInput>;
