// API contracts for early response: responder units, routing rules, cases, notifications and
// feedback to reporters. The server validates with the zod schemas; the web app imports types only.
import { z } from "zod";
import type { ResidentStatus } from "../resident-status.ts";
import { CATEGORY_CODES, type CategoryCode, URGENCY_LEVELS, type Urgency } from "../taxonomy.ts";
import type { AttachmentView } from "./attachments.ts";

export const RESPONDER_UNIT_KINDS = [
  "police_station",
  "chief",
  "peace_committee",
  "cef",
  "county_inspectorate",
  "oversight",
  "counsellor",
  "programme",
] as const;
export type ResponderUnitKind = (typeof RESPONDER_UNIT_KINDS)[number];

export const CASE_STATUSES = ["open", "acknowledged", "in_progress", "resolved", "closed_no_action"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const FINISHED_CASE_STATUSES: readonly CaseStatus[] = ["resolved", "closed_no_action"];

export const CASE_ACTIONS = ["acknowledge", "start", "resolve", "close"] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * The case lifecycle: open → acknowledged → in_progress → resolved | closed_no_action.
 * Resolving straight from acknowledged is allowed because the outcome note is itself an action
 * (a chief who goes and settles a dispute in one visit should not have to log twice).
 */
export const CASE_TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  acknowledge: { from: ["open"], to: "acknowledged" },
  start: { from: ["acknowledged"], to: "in_progress" },
  resolve: { from: ["acknowledged", "in_progress"], to: "resolved" },
  close: { from: ["open", "acknowledged", "in_progress"], to: "closed_no_action" },
};

export function canApplyCaseAction(action: CaseAction, status: CaseStatus): boolean {
  return CASE_TRANSITIONS[action].from.includes(status);
}

const uuid = (what: string) => z.uuid(`is not a ${what} id`);
const placeId = z.string().min(1, "is required").max(80, "is not a place id");
const notes = z.string().trim().max(2000, "must be at most 2000 characters");
const name = z
  .string()
  .trim()
  .min(2, "must be at least 2 characters")
  .max(160, "must be at most 160 characters");

// ---- Responder directory ----

export const createResponderUnitInput = z.strictObject({
  name,
  kind: z.enum(RESPONDER_UNIT_KINDS),
  organisationId: uuid("organisation"),
  areaPlaceIds: z.array(placeId).min(1, "give the unit at least one area").max(100),
  /** Empty: the unit handles every category. */
  categories: z.array(z.enum(CATEGORY_CODES)).max(CATEGORY_CODES.length).default([]),
});
export type CreateResponderUnitInput = z.infer<typeof createResponderUnitInput>;

export const updateResponderUnitInput = z.strictObject({
  name: name.optional(),
  areaPlaceIds: createResponderUnitInput.shape.areaPlaceIds.optional(),
  categories: z.array(z.enum(CATEGORY_CODES)).max(CATEGORY_CODES.length).optional(),
  active: z.boolean().optional(),
});
export type UpdateResponderUnitInput = z.infer<typeof updateResponderUnitInput>;

export const setUnitMembersInput = z.strictObject({
  members: z
    .array(
      z.strictObject({
        userId: uuid("user"),
        supervisor: z.boolean().default(false),
        /** For reminder SMS; sealed at rest, never returned. Null keeps the number already stored. */
        phone: z.string().trim().min(9, "is not a phone number").max(20).nullable().optional(),
      }),
    )
    .max(200),
});
export type SetUnitMembersInput = z.infer<typeof setUnitMembersInput>;

export interface ResponderUnitView {
  id: string;
  name: string;
  kind: ResponderUnitKind;
  organisationId: string;
  areas: { id: string; name: string; path: string }[];
  categories: CategoryCode[];
  active: boolean;
  members: { userId: string; name: string; email: string; supervisor: boolean; hasPhone: boolean }[];
}

// ---- Routing rules ----

export const routingRuleInput = z.strictObject({
  name,
  /** Lower runs first; only the order of the explanation depends on it, every matching rule applies. */
  priority: z.number().int().min(0).max(10_000).default(100),
  categories: z.array(z.enum(CATEGORY_CODES)).max(CATEGORY_CODES.length).default([]),
  urgencies: z.array(z.enum(URGENCY_LEVELS)).max(URGENCY_LEVELS.length).default([]),
  /** Null: anywhere. Otherwise the case's place must lie within this place. */
  placeId: placeId.nullable().default(null),
  targetKinds: z.array(z.enum(RESPONDER_UNIT_KINDS)).min(1, "name at least one kind of unit").max(8),
  /** A default rule applies only when no other rule found a unit. */
  isDefault: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type RoutingRuleInput = z.infer<typeof routingRuleInput>;
// Spelled out rather than `.partial()`: a partial schema would still fill in the defaults and so
// reset fields the request did not mention.
export const updateRoutingRuleInput = z.strictObject({
  name: name.optional(),
  priority: z.number().int().min(0).max(10_000).optional(),
  categories: z.array(z.enum(CATEGORY_CODES)).max(CATEGORY_CODES.length).optional(),
  urgencies: z.array(z.enum(URGENCY_LEVELS)).max(URGENCY_LEVELS.length).optional(),
  placeId: placeId.nullable().optional(),
  targetKinds: routingRuleInput.shape.targetKinds.optional(),
  isDefault: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type UpdateRoutingRuleInput = z.infer<typeof updateRoutingRuleInput>;

export interface RoutingRuleView {
  id: string;
  name: string;
  priority: number;
  categories: CategoryCode[];
  urgencies: Urgency[];
  place: { id: string; name: string; path: string } | null;
  targetKinds: ResponderUnitKind[];
  isDefault: boolean;
  active: boolean;
}

export const explainRoutingInput = z.strictObject({
  category: z.enum(CATEGORY_CODES),
  urgency: z.enum(URGENCY_LEVELS),
  placeId: placeId.nullable().default(null),
});

export type PlaceLevel = "country" | "county" | "sub_county" | "ward" | "locality" | "unknown";

/** Why one unit received a case: the rule, the conditions it matched and where the unit's area met the place. */
export interface RoutingReason {
  ruleId: string;
  ruleName: string;
  matched: string[];
  /** The level of the rule's place condition that matched (country when the rule applies anywhere). */
  rulePlaceLevel: PlaceLevel;
  /** The unit area that covers the case's place, and its level: the most specific unit of a kind wins. */
  unitAreaPath: string;
  unitPlaceLevel: PlaceLevel;
}

export interface RoutedUnitView {
  unitId: string;
  unitName: string;
  kind: ResponderUnitKind;
  reasons: RoutingReason[];
}

export interface RoutingExplanation {
  conflictOfInterest: boolean;
  usedDefault: boolean;
  units: RoutedUnitView[];
  /** Every rule considered, in order, and what became of it: read by people, so plain sentences. */
  steps: string[];
}

// ---- Cases ----

export const openCaseInput = z.strictObject({ reportId: uuid("report") });
export const joinCaseInput = z.strictObject({ reportId: uuid("report") });
export const assignUnitInput = z.strictObject({ unitId: uuid("unit"), notes: notes.optional() });
export const caseTransitionInput = z.strictObject({
  action: z.enum(CASE_ACTIONS),
  notes: notes.optional(),
  /** Required to close without action: why nothing was done. */
  reason: z.string().trim().min(3, "say why in a few words").max(500).optional(),
});
export type CaseTransitionInput = z.infer<typeof caseTransitionInput>;
export const recordActionInput = z.strictObject({
  notes: z.string().trim().min(3, "say what was done in a few words").max(2000),
});
export const listCasesQuery = z.strictObject({
  state: z.enum(["active", "finished", "all"]).default("active"),
  assignedToMe: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  category: z.enum(CATEGORY_CODES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type DueKind = "acknowledge" | "act";

export interface CaseSummaryView {
  id: string;
  number: string;
  status: CaseStatus;
  category: CategoryCode;
  urgency: Urgency;
  place: { id: string; name: string; path: string } | null;
  openedAt: string;
  acknowledgeDueAt: string;
  actionDueAt: string;
  /** The next thing owed and by when; null once acted on or finished. */
  due: { kind: DueKind; at: string; overdue: boolean } | null;
  escalationLevel: number;
  units: { id: string; name: string; kind: ResponderUnitKind }[];
  excerpt: string;
}

export interface CaseEventView {
  id: string;
  at: string;
  actor: string;
  kind: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  notes: string | null;
  /** Files on this entry (photos, written settlements); see /api/case-events/:id/attachments. */
  attachments: AttachmentView[];
}

export interface CaseFeedbackView {
  id: string;
  reportId: string;
  reference: string;
  residentStatus: ResidentStatus;
  locale: "en" | "sw";
  body: string;
  status: "pending_approval" | "queued" | "discarded";
  createdAt: string;
}

export interface CaseDetailView extends CaseSummaryView {
  closeReason: string | null;
  acknowledgedAt: string | null;
  firstActionAt: string | null;
  finishedAt: string | null;
  conflictOfInterest: boolean;
  /** What residents wrote. Never who they are: no contact, and no report reference for police and government roles. */
  reports: {
    reportId: string | null;
    reference: string | null;
    text: string;
    additions: string[];
    receivedAt: string;
    channel: string;
  }[];
  assignments: RoutedUnitView[];
  timeline: CaseEventView[];
  allowedActions: CaseAction[];
  canRecordAction: boolean;
  canManage: boolean;
  /** Only for programme staff (cases.manage); empty for everyone else. */
  feedback: CaseFeedbackView[];
}

export const approveFeedbackInput = z.strictObject({
  /** Replaces the proposed wording; GSM-7 only so that it reaches any phone. */
  body: z.string().trim().min(10, "is too short").max(306, "must fit in two SMS (306 characters)").optional(),
});

// ---- Notifications and metrics ----

export interface NotificationView {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: "assigned" | "reminder" | "escalated";
  due: DueKind | null;
  dueAt: string | null;
  createdAt: string;
  readAt: string | null;
}

export const metricsQuery = z.strictObject({
  from: z.iso.datetime({ message: "must be an ISO date-time" }).optional(),
  to: z.iso.datetime({ message: "must be an ISO date-time" }).optional(),
  category: z.enum(CATEGORY_CODES).optional(),
});

export interface DurationStats {
  count: number;
  medianMinutes: number | null;
  meanMinutes: number | null;
}

export interface ResponseMetricsRow {
  key: string;
  label: string;
  cases: number;
  toAcknowledge: DurationStats;
  toFirstAction: DurationStats;
  toResolution: DurationStats;
  overdue: number;
}

/** A case late on a deadline now: which deadlines (acknowledge, act) and since when. */
export interface OverdueCaseView {
  id: string;
  number: string;
  category: CategoryCode;
  urgency: Urgency;
  status: CaseStatus;
  place: { id: string; name: string } | null;
  units: { id: string; name: string }[];
  overdue: { kind: DueKind; at: string }[];
}

export interface ResponseMetrics {
  from: string | null;
  to: string | null;
  /** The category the figures are limited to, if any. */
  category: CategoryCode | null;
  asOf: string;
  total: ResponseMetricsRow;
  byUnit: ResponseMetricsRow[];
  byCategory: ResponseMetricsRow[];
  /** Most overdue first; at most OVERDUE_LIST_LIMIT of them (the count is in total.overdue). */
  overdueCases: OverdueCaseView[];
}

export const OVERDUE_LIST_LIMIT = 100;
