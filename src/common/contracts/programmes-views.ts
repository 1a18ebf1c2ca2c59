// What the programme M&E API answers. Types only: shared by the server and the web app.
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
}

export interface AttendanceResult {
  activity: ActivityView;
  /** Participants registered by this request, with their new codes. */
  created: ParticipantView[];
  /** Among those just registered, people who may already be in the registry. */
  possibleDuplicates: { participantId: string; matches: ParticipantView[] }[];
}
