// The words of programme M&E, from the seed programmes (REINVENT, Pamoja Mtaani, Community Together
// Initiative; see shared/DOMAIN.md). Plain data without zod, so the web app can import it.

export const ACTIVITY_TYPES = [
  "dialogue_session",
  "peace_action",
  "police_cafe",
  "community_baraza",
  "training",
  "cef_meeting",
  "leadership_forum",
  "inception_meeting",
  "sensitisation_workshop",
  "station_visit",
  "online_campaign",
  "mapping_exercise",
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const PEACE_ACTION_KINDS = ["meal_sharing", "clean_up", "play_or_skit", "sports", "other"] as const;
export type PeaceActionKind = (typeof PEACE_ACTION_KINDS)[number];
export const DIALOGUE_GROUPS = ["youth", "women", "men", "cross_learning", "mixed"] as const;
export type DialogueGroup = (typeof DIALOGUE_GROUPS)[number];

export const GENDERS = ["female", "male", "other", "undisclosed"] as const;
export type Gender = (typeof GENDERS)[number];
export const AGE_BANDS = ["under_18", "18_24", "25_34", "35_49", "50_64", "65_plus", "unknown"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** Kenya's Constitution (Art. 260): a youth is 18 or older and not yet 35. */
export const YOUTH_AGE_BANDS: readonly AgeBand[] = ["18_24", "25_34"];
export const DISABILITY_ANSWERS = ["yes", "no", "unknown"] as const;
export type DisabilityAnswer = (typeof DISABILITY_ANSWERS)[number];
export const PARTICIPANT_ROLES = ["community", "police", "government", "cso"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const CONSENT_PURPOSES = ["attendance_records", "contact_follow_up", "photos", "stories"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const INDICATOR_TYPES = [
  "activity_count",
  "unique_participants",
  "attendances",
  "survey_based",
  "commitments_kept",
  "manual",
] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
/** Indicators whose value is typed in with evidence rather than computed (surveys have no module yet). */
export const ENTERED_INDICATOR_TYPES: readonly IndicatorType[] = ["manual", "survey_based"];

/** Ways to break reach down. Participant traits partition people; group, type and county are where they came. */
export const DIMENSIONS = [
  "gender",
  "age_band",
  "youth",
  "disability",
  "role",
  "group",
  "activity_type",
  "county",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const RESULT_KINDS = ["objective", "output"] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];
export const ACTION_POINT_STATUSES = ["open", "kept", "dropped"] as const;
export type ActionPointStatus = (typeof ACTION_POINT_STATUSES)[number];
