// Reach and indicator values, defined once as pure functions over plain records. The SQL in
// reach.repo.ts computes the same numbers inside the database for speed; reach.int.test.ts holds
// the two to each other on random data, and reach.test.ts proves the properties donors rely on:
// reach never exceeds attendances, a merge never double counts, anonymous heads are never people.
import {
  type ActivityType,
  type AgeBand,
  type Dimension,
  type DisabilityAnswer,
  type Gender,
  type IndicatorType,
  type ParticipantRole,
  YOUTH_AGE_BANDS,
} from "../../../common/contracts/programmes.ts";
import type { BreakdownRow, ReachView } from "../../../common/contracts/programmes-views.ts";

export interface ActivityFact {
  id: string;
  type: ActivityType;
  heldOn: string;
  placePath: string;
  /** The dialogue group, for dialogue sessions. */
  group: string | null;
}

export interface Traits {
  gender: Gender;
  ageBand: AgeBand;
  disability: DisabilityAnswer;
  role: ParticipantRole;
}

export interface ParticipantFact extends Traits {
  id: string;
}

export interface AttendanceFact {
  activityId: string;
  participantId: string;
}

export interface AnonymousFact extends Traits {
  activityId: string;
  count: number;
}

export interface ReachData {
  activities: readonly ActivityFact[];
  participants: readonly ParticipantFact[];
  attendances: readonly AttendanceFact[];
  anonymous: readonly AnonymousFact[];
}

export interface ReachFilter {
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  /** Empty or absent: every type. */
  types?: readonly ActivityType[] | undefined;
  /** Place paths the reader may see; absent means everywhere. */
  scopePaths?: readonly string[] | undefined;
  /** Only activities at or below this place path. */
  within?: string | undefined;
}

const isPathAtOrBelow = (path: string, ancestor: string) =>
  path === ancestor || path.startsWith(`${ancestor}/`);

/**
 * Every activity `inner` matches is also matched by `outer`, judged from the filters alone and
 * erring towards no: figures over `inner` may then be counted in a pass over `outer`'s rows.
 */
export function filterWithin(inner: ReachFilter, outer: ReachFilter): boolean {
  const typesOf = (f: ReachFilter) => (f.types && f.types.length > 0 ? f.types : null);
  const [innerTypes, outerTypes] = [typesOf(inner), typesOf(outer)];
  const pathsWithin = (paths: readonly string[], areas: readonly string[]) =>
    paths.every((path) => areas.some((area) => isPathAtOrBelow(path, area)));
  return (
    (!outer.from || (!!inner.from && inner.from >= outer.from)) &&
    (!outer.to || (!!inner.to && inner.to <= outer.to)) &&
    (!outerTypes || (!!innerTypes && innerTypes.every((type) => outerTypes.includes(type)))) &&
    (!outer.within || (!!inner.within && isPathAtOrBelow(inner.within, outer.within))) &&
    (!outer.scopePaths || (!!inner.scopePaths && pathsWithin(inner.scopePaths, outer.scopePaths)))
  );
}

export function activityMatches(activity: ActivityFact, filter: ReachFilter): boolean {
  if (filter.from && activity.heldOn < filter.from) return false;
  if (filter.to && activity.heldOn > filter.to) return false;
  if (filter.types && filter.types.length > 0 && !filter.types.includes(activity.type)) return false;
  if (filter.within && !isPathAtOrBelow(activity.placePath, filter.within)) return false;
  if (filter.scopePaths && !filter.scopePaths.some((p) => isPathAtOrBelow(activity.placePath, p)))
    return false;
  return true;
}

/** The value of one dimension for one attendance: traits come from the person, the rest from the activity. */
export function dimensionValue(dimension: Dimension, traits: Traits, activity: ActivityFact): string {
  switch (dimension) {
    case "gender":
      return traits.gender;
    case "age_band":
      return traits.ageBand;
    case "youth":
      return traits.ageBand === "unknown"
        ? "unknown"
        : YOUTH_AGE_BANDS.includes(traits.ageBand)
          ? "youth"
          : "not_youth";
    case "disability":
      return traits.disability;
    case "role":
      return traits.role;
    case "group":
      return activity.group ?? "none";
    case "activity_type":
      return activity.type;
    case "county":
      return activity.placePath.split("/", 1)[0] ?? activity.placePath;
  }
}

interface Tally {
  keys: Record<string, string>;
  people: Set<string>;
  named: number;
  anonymous: number;
}

/** Sorts rows by their keys in dimension order, so that SQL and pure results compare equal. */
export function sortBreakdown(rows: BreakdownRow[], by: readonly Dimension[]): BreakdownRow[] {
  const text = (r: BreakdownRow) => by.map((d) => r.keys[d] ?? "").join("\u0000");
  return [...rows].sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}

export function computeReach(
  data: ReachData,
  filter: ReachFilter,
  by: readonly Dimension[] = [],
  minSessions = 3,
): ReachView {
  const activities = new Map(data.activities.filter((a) => activityMatches(a, filter)).map((a) => [a.id, a]));
  const traits = new Map(data.participants.map((p) => [p.id, p]));
  const tallies = new Map<string, Tally>();
  const tallyFor = (t: Traits, activity: ActivityFact): Tally => {
    const keys = Object.fromEntries(by.map((d) => [d, dimensionValue(d, t, activity)]));
    const id = by.map((d) => keys[d]).join("\u0000");
    let tally = tallies.get(id);
    if (!tally) {
      tally = { keys, people: new Set(), named: 0, anonymous: 0 };
      tallies.set(id, tally);
    }
    return tally;
  };
  const sessions = new Map<string, number>();
  let named = 0;
  for (const a of data.attendances) {
    const activity = activities.get(a.activityId);
    const person = traits.get(a.participantId);
    if (!activity || !person) continue;
    named++;
    sessions.set(a.participantId, (sessions.get(a.participantId) ?? 0) + 1);
    const tally = tallyFor(person, activity);
    tally.people.add(a.participantId);
    tally.named++;
  }
  let anonymous = 0;
  for (const n of data.anonymous) {
    const activity = activities.get(n.activityId);
    if (!activity) continue;
    anonymous += n.count;
    tallyFor(n, activity).anonymous += n.count;
  }
  const breakdown = [...tallies.values()].map((t) => ({
    keys: t.keys,
    uniqueParticipants: t.people.size,
    namedAttendances: t.named,
    anonymousAttendances: t.anonymous,
  }));
  return {
    activities: activities.size,
    uniqueParticipants: sessions.size,
    namedAttendances: named,
    anonymousAttendances: anonymous,
    attendances: named + anonymous,
    repeatParticipants: [...sessions.values()].filter((n) => n >= minSessions).length,
    minSessions,
    by: [...by],
    breakdown: by.length === 0 ? [] : sortBreakdown(breakdown, by),
  };
}

/**
 * A merge as the registry performs it: the duplicate's attendance moves to the kept participant,
 * and where both were marked at the same activity the person is there once.
 */
export function mergeAttendances(
  attendances: readonly AttendanceFact[],
  keepId: string,
  mergeId: string,
): AttendanceFact[] {
  const seen = new Set<string>();
  const out: AttendanceFact[] = [];
  for (const a of attendances) {
    const participantId = a.participantId === mergeId ? keepId : a.participantId;
    const key = `${a.activityId}\u0000${participantId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ activityId: a.activityId, participantId });
  }
  return out;
}

export interface EnteredValue {
  asOf: string;
  value: number;
}

export interface IndicatorFacts extends ReachData {
  actionPoints: readonly { activityId: string; status: string }[];
  entries: readonly EnteredValue[];
}

/**
 * An indicator's value over a period. Entered indicators (manual, survey-based) take the latest
 * figure dated within the period: they are readings, not sums.
 */
export function indicatorValue(type: IndicatorType, facts: IndicatorFacts, filter: ReachFilter): number {
  switch (type) {
    case "activity_count":
      return computeReach(facts, filter).activities;
    case "unique_participants":
      return computeReach(facts, filter).uniqueParticipants;
    case "attendances":
      return computeReach(facts, filter).attendances;
    case "commitments_kept": {
      const counted = new Set(facts.activities.filter((a) => activityMatches(a, filter)).map((a) => a.id));
      return facts.actionPoints.filter((p) => p.status === "kept" && counted.has(p.activityId)).length;
    }
    case "manual":
    case "survey_based":
      return latestEntry(facts.entries, filter)?.value ?? 0;
  }
}

export function latestEntry<E extends EnteredValue>(
  entries: readonly E[],
  period: { from?: string | undefined; to?: string | undefined },
): E | null {
  let latest: E | null = null;
  for (const e of entries) {
    if ((period.from && e.asOf < period.from) || (period.to && e.asOf > period.to)) continue;
    if (!latest || e.asOf >= latest.asOf) latest = e;
  }
  return latest;
}

/** Progress towards a target, as a whole percentage rounded down (99.9% is not yet done). */
export function percentOf(actual: number, target: number): number | null {
  if (target <= 0) return null;
  return Math.floor((actual * 100) / target + 1e-9);
}
