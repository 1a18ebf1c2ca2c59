// What the programme M&E API answers. Types only: shared by the server and the web app.
import type { AttachmentView } from "./attachments.ts";
import type {
  ActionPointStatus,
  ActivityType,
  AgeBand,
  ConsentPurpose,
  DialogueGroup,
  Dimension,
  DisabilityAnswer,
  Gender,
  IndicatorType,
  ParticipantRole,
  PeaceActionKind,
  ResultKind,
} from "./programmes-vocabulary.ts";

export interface ProgrammeView {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  description: string | null;
  placeId: string;
  placeName: string;
  projects: ProjectSummary[];
}

export interface ProjectSummary {
  id: string;
  name: string;
  placeId: string;
  placeName: string;
  startsOn: string;
  endsOn: string;
}

export interface TargetView {
  label: string;
  startsOn: string;
  endsOn: string;
  value: number;
}

export interface IndicatorView {
  id: string;
  resultId: string | null;
  code: string | null;
  name: string;
  type: IndicatorType;
  baseline: number;
  unit: string | null;
  activityTypes: ActivityType[];
  disaggregations: Dimension[];
  targets: TargetView[];
}

export interface ResultView {
  id: string;
  kind: ResultKind;
  parentId: string | null;
  code: string;
  title: string;
}

export interface ProjectView extends ProjectSummary {
  programmeId: string;
  programmeName: string;
  organisationId: string;
  goal: string | null;
  results: ResultView[];
  indicators: IndicatorView[];
  /** True when the reader's areas cover only part of the project: figures are for their areas. */
  partialScope: boolean;
}

export interface BreakdownRow {
  /** Dimension value per requested dimension, e.g. { gender: "female", age_band: "18_24" }. */
  keys: Record<string, string>;
  uniqueParticipants: number;
  namedAttendances: number;
  anonymousAttendances: number;
}

export interface ReachView {
  activities: number;
  uniqueParticipants: number;
  namedAttendances: number;
  anonymousAttendances: number;
  attendances: number;
  repeatParticipants: number;
  minSessions: number;
  by: Dimension[];
  breakdown: BreakdownRow[];
}

export interface TargetProgress extends TargetView {
  actual: number;
  /** actual / value as a percentage, rounded down; null when the target is 0. */
  percent: number | null;
}

export interface IndicatorProgress {
  indicator: IndicatorView;
  /** The value over the whole project so far. */
  current: number;
  /** For entered indicators: the evidence behind the latest figure. */
  latestEntry: { asOf: string; value: number; evidence: string } | null;
  targets: TargetProgress[];
  breakdown: BreakdownRow[];
}

export interface ParticipantView {
  id: string;
  organisationId: string;
  /** Pseudonymous code, safe to write on a sign-in sheet or in a report. */
  code: string;
  /** Shown only to those who record attendance (programmes.write); null for everyone else. */
  name: string | null;
  hasPhone: boolean;
  gender: Gender;
  ageBand: AgeBand;
  disability: DisabilityAnswer;
  role: ParticipantRole;
  affiliation: string | null;
  placeId: string;
  placeName: string;
  consentPurposes: ConsentPurpose[];
  consentGivenOn: string;
  consentWithdrawnOn: string | null;
}

export interface DuplicateGroup {
  reason: "same_phone" | "same_name_age_place";
  participants: ParticipantView[];
}

export interface ActionPointView {
  id: string;
  text: string;
  owner: string | null;
  dueOn: string | null;
  status: ActionPointStatus;
  evidence: string | null;
}

export interface DialogueView {
  group: DialogueGroup;
  facilitators: string[];
  officialsPresent: string[];
  officersUnarmed: boolean | null;
  topics: string[];
  issuesRaised: string[];
  actionPoints: ActionPointView[];
}

export interface ActivitySummary {
  id: string;
  projectId: string;
  projectName: string;
  type: ActivityType;
  title: string | null;
  heldOn: string;
  placeId: string;
  placeName: string;
  namedAttendances: number;
  anonymousAttendances: number;
}

export interface AnonymousCountView {
  gender: Gender;
  ageBand: AgeBand;
  role: ParticipantRole;
  disability: DisabilityAnswer;
  count: number;
}

export interface ActivityView extends ActivitySummary {
  organisationId: string;
  notes: string | null;
  peaceActionKind: PeaceActionKind | null;
  dialogue: DialogueView | null;
  attendees: ParticipantView[];
  anonymous: AnonymousCountView[];
  /** Send it back when editing: an edit made on a stale copy is refused. */
  updatedAt: string;
  /** Sign-in sheets, reports, pictures. */
  attachments: AttachmentView[];
}

/** A figure typed in for a manual or survey-based indicator, with its evidence (text and files). */
export interface IndicatorEntryView {
  id: string;
  asOf: string;
  value: number;
  evidence: string;
  enteredAt: string;
  attachments: AttachmentView[];
}

export interface AttendanceResult {
  activity: ActivityView;
  /** Participants registered by this request, with their new codes. */
  created: ParticipantView[];
  /** Among those just registered, people who may already be in the registry. */
  possibleDuplicates: { participantId: string; matches: ParticipantView[] }[];
}

/** Activities started in one week (from Monday) or one month, by type. */
export interface ActivityBucket {
  /** First day of the week or month, YYYY-MM-DD. */
  start: string;
  counts: Partial<Record<ActivityType, number>>;
  total: number;
}

export interface ActivitiesOverTime {
  interval: "week" | "month";
  /** Every activity type that occurs, in vocabulary order: the chart's legend. */
  types: ActivityType[];
  buckets: ActivityBucket[];
}

/** Where activities were held: the place recorded, drawn at its own coordinates or its nearest ancestor's. */
export interface ActivityLocation {
  placeId: string;
  placeName: string;
  placePath: string;
  lat: number | null;
  lng: number | null;
  /** The place whose coordinates are used (a ward has none: its sub-county's centroid stands in). */
  locatedAt: { id: string; name: string } | null;
  counts: Partial<Record<ActivityType, number>>;
  total: number;
}

export interface ProgrammeDashboardView {
  programme: { id: string; name: string; organisationName: string; placeId: string; placeName: string };
  period: { from: string | null; to: string | null };
  place: { id: string; name: string } | null;
  /** True when the reader's areas cover only part of the programme: figures are for their areas. */
  partialScope: boolean;
  /** Each project the reader can see, with its indicators against targets over the period. */
  projects: { project: ProjectSummary; indicators: IndicatorProgress[] }[];
  /** Unique reach over all those projects: people are counted once across projects. */
  reach: ReachView;
  activitiesOverTime: ActivitiesOverTime;
  locations: ActivityLocation[];
  /** Sub-county centres of the counties where activities were held: the map's backdrop. */
  mapPlaces: { id: string; name: string; lat: number; lng: number }[];
  /** Referrals made over the period (from the referrals feature), small numbers shown as "<5". */
  referralCounts: { made: number | "<5" } | null;
  /** Impact stories approved over the period with consent for donor reports (from the stories feature). */
  approvedStoryCount: number | null;
}
