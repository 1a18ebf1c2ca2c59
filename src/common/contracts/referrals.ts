// API contracts for confidential referrals (issue 7): a person referred to trauma counselling or
// reintegration support. Only the referrer and the counsellor ever see a referral; everyone else
// sees counts with small cells suppressed.
import { z } from "zod";
import { AGE_BANDS, type AgeBand, GENDERS, type Gender } from "./programmes-vocabulary.ts";

export const REFERRAL_TYPES = [
  "trauma_counselling",
  "reintegration_support",
  "gbv_support",
  "other",
] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

/** Only for reintegration support: youth leaving gangs, returnees, others. */
export const REINTEGRATION_SUBTYPES = ["leaving_gang", "returnee", "other"] as const;
export type ReintegrationSubtype = (typeof REINTEGRATION_SUBTYPES)[number];

export const REFERRAL_STATUSES = [
  "made",
  "accepted",
  "in_support",
  "completed",
  "declined",
  "lost_to_follow_up",
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Statuses that need a reason when a referral moves into them. */
export const STATUSES_NEEDING_REASON: readonly ReferralStatus[] = ["declined", "lost_to_follow_up"];

/** The legal moves; anything else is a conflict (409). */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  made: ["accepted", "declined", "lost_to_follow_up"],
  accepted: ["in_support", "completed", "lost_to_follow_up"],
  in_support: ["completed", "lost_to_follow_up"],
  completed: [],
  declined: [],
  lost_to_follow_up: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** Counts below this are shown as "<5" (small-cell suppression). */
export const SMALL_CELL_THRESHOLD = 5;
/**
 * A count as reports may show it: exact, "<5" (1 to 4), or "hidden": a larger cell withheld so that
 * a lone "<5" cannot be worked out by subtracting the other cells from the total.
 */
export type SuppressedCount = number | "<5" | "hidden";

const uuid = (what: string) => z.uuid(`is not ${what} id`);
const isoDate = z.iso.date("must be a date written YYYY-MM-DD");
const optionalText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).optional();

const registeredPerson = z.strictObject({ participantId: uuid("a participant") });
const unregisteredPerson = z.strictObject({
  name: z.string().trim().min(2, "must be at least 2 characters").max(160),
  phone: optionalText(32),
  gender: z.enum(GENDERS, "is not a gender this form knows"),
  ageBand: z.enum(AGE_BANDS, "is not an age band this form knows"),
});

export const createReferralInput = z
  .strictObject({
    projectId: uuid("a project"),
    placeId: z.string().trim().min(1, "is required").max(80, "is not a place id"),
    person: z.union([registeredPerson, unregisteredPerson], {
      error: "give a registered participantId, or a name with gender and ageBand",
    }),
    type: z.enum(REFERRAL_TYPES, "is not a referral type"),
    subtype: z.enum(REINTEGRATION_SUBTYPES, "is not a reintegration subtype").optional(),
    reason: z.string().trim().min(3, "say briefly why the person is referred").max(2000),
    notes: optionalText(4000),
    /** The person agreed to be referred, after the consent wording was read to them. */
    consent: z.literal(true, "the person must agree to be referred (consent: true)"),
    counsellorId: uuid("a counsellor"),
    nextFollowUpOn: isoDate.optional(),
  })
  .refine((r) => (r.type === "reintegration_support") === (r.subtype !== undefined), {
    path: ["subtype"],
    message: "is required for reintegration_support and only for it",
  });
export type CreateReferralInput = z.infer<typeof createReferralInput>;

export const referralStatusInput = z
  .strictObject({
    status: z.enum(REFERRAL_STATUSES, "is not a referral status"),
    reason: optionalText(1000),
  })
  .refine((s) => !STATUSES_NEEDING_REASON.includes(s.status) || Boolean(s.reason), {
    path: ["reason"],
    message: "is required when a referral is declined or lost to follow-up",
  });
export type ReferralStatusInput = z.infer<typeof referralStatusInput>;

export const referralFollowUpInput = z.strictObject({
  heldOn: isoDate,
  note: z.string().trim().min(1, "is required").max(4000),
  /** The next follow-up date; null clears it. */
  nextFollowUpOn: isoDate.nullable().optional(),
});
export type ReferralFollowUpInput = z.infer<typeof referralFollowUpInput>;

export const reassignCounsellorInput = z.strictObject({ counsellorId: uuid("a counsellor") });

export const counsellorsQuery = z.strictObject({ projectId: uuid("a project") });

export const referralCountsQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  placeId: z.string().trim().min(1).max(80).optional(),
});
export type ReferralCountsFilters = z.infer<typeof referralCountsQuery>;

export interface StaffRef {
  id: string;
  name: string;
}

export interface ReferralPerson {
  /** The pseudonymous code when the person is a registered participant; never their name then. */
  participantCode: string | null;
  /** Only for people referred without being registered; seen by the referrer and counsellor alone. */
  name: string | null;
  phone: string | null;
  gender: Gender;
  ageBand: AgeBand;
}

export interface ReferralSummary {
  id: string;
  projectName: string;
  placeName: string;
  person: ReferralPerson;
  type: ReferralType;
  subtype: ReintegrationSubtype | null;
  status: ReferralStatus;
  referredOn: string;
  nextFollowUpOn: string | null;
  followUpDue: boolean;
  referrer: StaffRef;
  counsellor: StaffRef;
  /** How the reader is involved. */
  myRole: "referrer" | "counsellor" | "both";
}

export interface FollowUpView {
  id: string;
  heldOn: string;
  note: string;
  recordedBy: StaffRef;
}

export interface ReferralView extends ReferralSummary {
  projectId: string;
  placeId: string;
  reason: string;
  notes: string | null;
  statusReason: string | null;
  consentGivenAt: string;
  followUps: FollowUpView[];
}

export interface CountCell {
  key: string;
  count: SuppressedCount;
}

export interface ReferralCounts {
  total: SuppressedCount;
  byType: CountCell[];
  byStatus: CountCell[];
  byGender: CountCell[];
  byAgeBand: CountCell[];
  /** Figures counted over the reader's own areas only (the project reaches beyond them). */
  partialScope: boolean;
}
