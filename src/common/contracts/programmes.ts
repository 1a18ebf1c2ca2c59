// API contracts for programme M&E: programmes, projects and their logframes, activities,
// participants, attendance and reach. The vocabulary comes from the seed programmes
// (REINVENT, Pamoja Mtaani, Community Together Initiative); see shared/DOMAIN.md.
import { z } from "zod";
import {
  ACTION_POINT_STATUSES,
  ACTIVITY_TYPES,
  AGE_BANDS,
  CONSENT_PURPOSES,
  DIALOGUE_GROUPS,
  DIMENSIONS,
  DISABILITY_ANSWERS,
  GENDERS,
  INDICATOR_TYPES,
  PARTICIPANT_ROLES,
  PEACE_ACTION_KINDS,
  RESULT_KINDS,
} from "./programmes-vocabulary.ts";

export * from "./programmes-vocabulary.ts";

const uuid = (what: string) => z.uuid(`is not ${what} id`);
const placeId = z.string().trim().min(1, "is required").max(80, "is not a place id");
const isoDate = z.iso.date("must be a date written YYYY-MM-DD");
const title = (max: number) =>
  z.string().trim().min(2, "must be at least 2 characters").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).optional();
const shortList = (max: number, itemMax = 200) =>
  z.array(z.string().trim().min(1, "must not be empty").max(itemMax)).max(max).default([]);

export const createProgrammeInput = z.strictObject({
  organisationId: uuid("an organisation"),
  name: title(160),
  description: optionalText(2000),
  placeId,
});
export type CreateProgrammeInput = z.infer<typeof createProgrammeInput>;

const resultDraft = z.strictObject({
  title: title(300),
  outputs: z
    .array(z.strictObject({ title: title(300) }))
    .max(20)
    .default([]),
});

export const createProjectInput = z
  .strictObject({
    programmeId: uuid("a programme"),
    name: title(160),
    goal: optionalText(1000),
    placeId,
    startsOn: isoDate,
    endsOn: isoDate,
    objectives: z.array(resultDraft).max(20).default([]),
  })
  .refine((p) => p.endsOn >= p.startsOn, { path: ["endsOn"], message: "must not be before startsOn" });
export type CreateProjectInput = z.infer<typeof createProjectInput>;

export const createResultInput = z.strictObject({
  kind: z.enum(RESULT_KINDS),
  title: title(300),
  /** An output sits under an objective. */
  parentId: uuid("an objective").optional(),
});

const targetInput = z
  .strictObject({
    label: title(60),
    startsOn: isoDate,
    endsOn: isoDate,
    value: z.number().min(0, "must not be negative").max(1e9),
  })
  .refine((t) => t.endsOn >= t.startsOn, { path: ["endsOn"], message: "must not be before startsOn" });

const indicatorFields = {
  name: title(300),
  code: optionalText(20),
  resultId: uuid("an objective or output").optional(),
  baseline: z.number().min(0).max(1e9).default(0),
  unit: optionalText(40),
  /** Which activity types count; empty means every type. */
  activityTypes: z.array(z.enum(ACTIVITY_TYPES)).max(ACTIVITY_TYPES.length).default([]),
  disaggregations: z.array(z.enum(DIMENSIONS)).max(DIMENSIONS.length).default([]),
  targets: z.array(targetInput).max(40).default([]),
};

export const createIndicatorInput = z.strictObject({ ...indicatorFields, type: z.enum(INDICATOR_TYPES) });
export type CreateIndicatorInput = z.infer<typeof createIndicatorInput>;

export const updateIndicatorInput = z.strictObject({
  name: indicatorFields.name.optional(),
  baseline: z.number().min(0).max(1e9).optional(),
  unit: indicatorFields.unit,
  activityTypes: z.array(z.enum(ACTIVITY_TYPES)).max(ACTIVITY_TYPES.length).optional(),
  disaggregations: z.array(z.enum(DIMENSIONS)).max(DIMENSIONS.length).optional(),
  targets: z.array(targetInput).max(40).optional(),
});
export type UpdateIndicatorInput = z.infer<typeof updateIndicatorInput>;

export const indicatorEntryInput = z.strictObject({
  asOf: isoDate,
  value: z.number().min(0, "must not be negative").max(1e12),
  evidence: z
    .string()
    .trim()
    .min(5, "say where the figure comes from (at least 5 characters)")
    .max(2000, "must be at most 2000 characters"),
});
export type IndicatorEntryInput = z.infer<typeof indicatorEntryInput>;

export const newParticipantInput = z.strictObject({
  name: optionalText(120),
  phone: optionalText(32),
  gender: z.enum(GENDERS),
  ageBand: z.enum(AGE_BANDS),
  disability: z.enum(DISABILITY_ANSWERS).default("unknown"),
  role: z.enum(PARTICIPANT_ROLES),
  affiliation: optionalText(120),
  /** Where the person lives or belongs; defaults to the activity's place when added on the spot. */
  placeId: placeId.optional(),
  /** What the person agreed to; the registry keeps nothing about someone who agreed to nothing. */
  consentPurposes: z
    .array(z.enum(CONSENT_PURPOSES))
    .min(1, "record what the person agreed to")
    .max(CONSENT_PURPOSES.length),
  consentGivenOn: isoDate.optional(),
});
export type NewParticipantInput = z.infer<typeof newParticipantInput>;

export const createParticipantInput = newParticipantInput.extend({ organisationId: uuid("an organisation") });
export type CreateParticipantInput = z.infer<typeof createParticipantInput>;

export const anonymousCountInput = z.strictObject({
  gender: z.enum(GENDERS).default("undisclosed"),
  ageBand: z.enum(AGE_BANDS).default("unknown"),
  role: z.enum(PARTICIPANT_ROLES).default("community"),
  disability: z.enum(DISABILITY_ANSWERS).default("unknown"),
  count: z.number().int("must be a whole number").min(1, "must be at least 1").max(100_000),
});
export type AnonymousCountInput = z.infer<typeof anonymousCountInput>;

export const attendanceInput = z.strictObject({
  participantIds: z.array(uuid("a participant")).max(2000).default([]),
  /** People met for the first time at this activity: registered and marked present in one request. */
  newParticipants: z.array(newParticipantInput).max(500).default([]),
  /** Heads counted where names cannot be taken; they add to attendances, never to unique reach. */
  anonymous: z.array(anonymousCountInput).max(200).default([]),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const removeAttendanceInput = z.strictObject({
  participantIds: z.array(uuid("a participant")).min(1).max(2000),
});

export const actionPointInput = z.strictObject({
  text: title(500),
  owner: optionalText(160),
  dueOn: isoDate.optional(),
});

export const dialogueInput = z.strictObject({
  group: z.enum(DIALOGUE_GROUPS),
  facilitators: shortList(20, 120),
  /** "Chief", "Senior chief", "OCS Kayole": who from government and police sat in. */
  officialsPresent: shortList(30, 120),
  /** Whether officers came without arms (Pamoja Mtaani asked them to); null when not recorded. */
  officersUnarmed: z.boolean().nullable().default(null),
  topics: shortList(30),
  issuesRaised: shortList(50, 500),
  actionPoints: z.array(actionPointInput).max(50).default([]),
});
export type DialogueInput = z.infer<typeof dialogueInput>;

export const createActivityInput = z
  .strictObject({
    projectId: uuid("a project"),
    type: z.enum(ACTIVITY_TYPES),
    title: optionalText(200),
    heldOn: isoDate,
    placeId,
    notes: optionalText(5000),
    peaceActionKind: z.enum(PEACE_ACTION_KINDS).optional(),
    dialogue: dialogueInput.optional(),
    attendance: attendanceInput.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.type === "dialogue_session" && !a.dialogue)
      ctx.addIssue({ code: "custom", path: ["dialogue"], message: "is required for a dialogue session" });
    if (a.type !== "dialogue_session" && a.dialogue)
      ctx.addIssue({ code: "custom", path: ["dialogue"], message: "is only for dialogue sessions" });
    if (a.type !== "peace_action" && a.peaceActionKind)
      ctx.addIssue({ code: "custom", path: ["peaceActionKind"], message: "is only for peace actions" });
  });
export type CreateActivityInput = z.infer<typeof createActivityInput>;

/** An action point as edited with its activity: `id` names one already recorded, none adds a new one. */
export const actionPointEditInput = actionPointInput.extend({ id: uuid("an action point").optional() });

/**
 * Editing an activity: fields left out stay as they are; an empty title or notes clears them. The
 * dialogue, when given, replaces the details, and its action points are the full list in order: those
 * left out are removed (refused while they have progress recorded). `updatedAt` is the one the editor
 * read; if the activity changed since, the edit is refused (409) rather than silently overwriting.
 */
export const updateActivityInput = z.strictObject({
  updatedAt: z.iso.datetime({ offset: true, message: "must be the updatedAt read with the activity" }),
  projectId: uuid("a project").optional(),
  type: z.enum(ACTIVITY_TYPES).optional(),
  title: optionalText(200),
  heldOn: isoDate.optional(),
  placeId: placeId.optional(),
  notes: optionalText(5000),
  peaceActionKind: z.enum(PEACE_ACTION_KINDS).nullable().optional(),
  dialogue: dialogueInput
    .extend({ actionPoints: z.array(actionPointEditInput).max(50).default([]) })
    .optional(),
});
export type UpdateActivityInput = z.infer<typeof updateActivityInput>;

export const updateActionPointInput = z.strictObject({
  status: z.enum(ACTION_POINT_STATUSES),
  evidence: optionalText(2000),
});

export const listActivitiesQuery = z.strictObject({
  projectId: uuid("a project").optional(),
  type: z.enum(ACTIVITY_TYPES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  placeId: placeId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const searchParticipantsQuery = z.strictObject({
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  organisationId: uuid("an organisation").optional(),
  placeId: placeId.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const duplicatesQuery = z.strictObject({
  organisationId: uuid("an organisation").optional(),
  placeId: placeId.optional(),
});

export const mergeParticipantsInput = z
  .strictObject({ keepId: uuid("a participant"), mergeId: uuid("a participant") })
  .refine((m) => m.keepId !== m.mergeId, { path: ["mergeId"], message: "must differ from keepId" });

const commaList = <T extends readonly [string, ...string[]]>(values: T, max: number) =>
  z
    .string()
    .max(400)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(values)).max(max, `at most ${max} values`));

export const reachQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  placeId: placeId.optional(),
  /** Comma-separated activity types; absent means every type. */
  types: commaList(ACTIVITY_TYPES, ACTIVITY_TYPES.length).optional(),
  /** Up to two dimensions, comma-separated ("gender,age_band" gives the reach pyramid). */
  by: commaList(DIMENSIONS, 2).optional(),
  minSessions: z.coerce.number().int().min(2).max(100).default(3),
});
export type ReachQuery = z.infer<typeof reachQuery>;

/** A programme dashboard's filters: an inclusive period (both ends optional) and a place within the programme. */
export const dashboardQuery = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    place: placeId.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });
export type DashboardQuery = z.infer<typeof dashboardQuery>;
