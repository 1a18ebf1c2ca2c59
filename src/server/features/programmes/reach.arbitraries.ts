// Random M&E data sets for property tests: a few activities, participants, their attendance and
// anonymous head counts, shaped like the real tables (one attendance per person per activity).
import fc from "fast-check";
import {
  ACTIVITY_TYPES,
  AGE_BANDS,
  DIALOGUE_GROUPS,
  DISABILITY_ANSWERS,
  GENDERS,
  PARTICIPANT_ROLES,
} from "../../../common/contracts/programmes.ts";
import type {
  ActivityFact,
  AnonymousFact,
  AttendanceFact,
  ParticipantFact,
  ReachData,
  ReachFilter,
} from "./reach.ts";

export const PLACE_PATHS = ["c:032", "c:032/s:170", "c:032/s:170/w:0850", "c:001", "c:001/s:001"] as const;
const DATES = ["2026-01-05", "2026-02-10", "2026-03-15", "2026-04-20", "2026-06-30"] as const;

const traits = {
  gender: fc.constantFrom(...GENDERS),
  ageBand: fc.constantFrom(...AGE_BANDS),
  disability: fc.constantFrom(...DISABILITY_ANSWERS),
  role: fc.constantFrom(...PARTICIPANT_ROLES),
};

const activity = (id: string): fc.Arbitrary<ActivityFact> =>
  fc
    .record({
      type: fc.constantFrom(...ACTIVITY_TYPES.slice(0, 4)),
      heldOn: fc.constantFrom(...DATES),
      placePath: fc.constantFrom(...PLACE_PATHS),
      group: fc.constantFrom(...DIALOGUE_GROUPS),
    })
    .map((a) => ({ ...a, id, group: a.type === "dialogue_session" ? a.group : null }));

const participant = (id: string): fc.Arbitrary<ParticipantFact> =>
  fc.record(traits).map((t) => ({ ...t, id }));

export interface SizedData extends ReachData {
  activities: ActivityFact[];
  participants: ParticipantFact[];
  attendances: AttendanceFact[];
  anonymous: AnonymousFact[];
}

/** Ids are made by `id(kind, n)` so that callers can use real uuids when the data goes into a database. */
export function reachData(
  id: (kind: "activity" | "participant", n: number) => string = (kind, n) => `${kind[0]}${n}`,
  max = { activities: 8, participants: 12 },
): fc.Arbitrary<SizedData> {
  return fc
    .record({
      activityCount: fc.integer({ min: 1, max: max.activities }),
      participantCount: fc.integer({ min: 1, max: max.participants }),
    })
    .chain(({ activityCount, participantCount }) => {
      const activityIds = Array.from({ length: activityCount }, (_, n) => id("activity", n));
      const participantIds = Array.from({ length: participantCount }, (_, n) => id("participant", n));
      return fc.record({
        activities: fc.tuple(...activityIds.map(activity)),
        participants: fc.tuple(...participantIds.map(participant)),
        attendances: fc.uniqueArray(
          fc.record({
            activityId: fc.constantFrom(...activityIds),
            participantId: fc.constantFrom(...participantIds),
          }),
          {
            selector: (a) => `${a.activityId}/${a.participantId}`,
            maxLength: activityCount * participantCount,
          },
        ),
        anonymous: fc.array(
          fc.record({
            ...traits,
            activityId: fc.constantFrom(...activityIds),
            count: fc.integer({ min: 1, max: 40 }),
          }),
          { maxLength: 6 },
        ),
      });
    });
}

export const reachFilters: fc.Arbitrary<ReachFilter> = fc.record(
  {
    from: fc.constantFrom("2026-01-01", "2026-02-10", "2026-04-01"),
    to: fc.constantFrom("2026-03-15", "2026-12-31"),
    types: fc.subarray(["dialogue_session", "peace_action", "police_cafe"] as const),
    within: fc.constantFrom(...PLACE_PATHS),
    scopePaths: fc.subarray([...PLACE_PATHS], { minLength: 1 }),
  },
  { requiredKeys: [] },
);
