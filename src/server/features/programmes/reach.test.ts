import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIMENSIONS, type Dimension } from "../../../common/contracts/programmes.ts";
import { reachFilters as filters, reachData } from "./reach.arbitraries.ts";
import {
  type ActivityFact,
  activityMatches,
  computeReach,
  filterWithin,
  indicatorValue,
  latestEntry,
  mergeAttendances,
  percentOf,
  type ReachData,
} from "./reach.ts";

const dimensions = fc.subarray([...DIMENSIONS], { maxLength: 2 });

const activity = (id: string, over: Partial<ActivityFact> = {}): ActivityFact => ({
  id,
  type: "dialogue_session",
  heldOn: "2026-03-01",
  placePath: "c:047/s:280",
  group: "youth",
  ...over,
});
const person = (id: string, gender: "female" | "male" = "female") => ({
  id,
  gender,
  ageBand: "18_24" as const,
  disability: "no" as const,
  role: "community" as const,
});

describe("unique reach", () => {
  it("counts a person who came to ten sessions once, and their ten attendances", () => {
    const activities = Array.from({ length: 10 }, (_, n) => activity(`a${n}`));
    const reach = computeReach(
      {
        activities,
        participants: [person("p1"), person("p2", "male")],
        attendances: [
          ...activities.map((a) => ({ activityId: a.id, participantId: "p1" })),
          { activityId: "a0", participantId: "p2" },
        ],
        anonymous: [],
      },
      {},
      ["gender"],
    );
    expect(reach).toMatchObject({ uniqueParticipants: 2, namedAttendances: 11, repeatParticipants: 1 });
    expect(reach.breakdown).toEqual([
      { keys: { gender: "female" }, uniqueParticipants: 1, namedAttendances: 10, anonymousAttendances: 0 },
      { keys: { gender: "male" }, uniqueParticipants: 1, namedAttendances: 1, anonymousAttendances: 0 },
    ]);
  });

  it("never exceeds attendances, in total and in every breakdown row", () => {
    fc.assert(
      fc.property(reachData(), filters, dimensions, (data, filter, by) => {
        const reach = computeReach(data, filter, by);
        expect(reach.uniqueParticipants).toBeLessThanOrEqual(reach.namedAttendances);
        expect(reach.namedAttendances).toBeLessThanOrEqual(reach.attendances);
        expect(reach.repeatParticipants).toBeLessThanOrEqual(reach.uniqueParticipants);
        for (const row of reach.breakdown)
          expect(row.uniqueParticipants).toBeLessThanOrEqual(row.namedAttendances);
      }),
    );
  });

  it("breakdowns by a trait of the person partition the people exactly", () => {
    const traitDimensions: Dimension[] = ["gender", "age_band", "youth", "disability", "role"];
    fc.assert(
      fc.property(reachData(), filters, fc.constantFrom(...traitDimensions), (data, filter, dimension) => {
        const reach = computeReach(data, filter, [dimension]);
        const sum = (f: (r: (typeof reach.breakdown)[number]) => number) =>
          reach.breakdown.reduce((n, r) => n + f(r), 0);
        expect(sum((r) => r.uniqueParticipants)).toBe(reach.uniqueParticipants);
        expect(sum((r) => r.namedAttendances)).toBe(reach.namedAttendances);
        expect(sum((r) => r.anonymousAttendances)).toBe(reach.anonymousAttendances);
      }),
    );
  });

  it("anonymous head counts add to attendances but never to unique reach", () => {
    fc.assert(
      fc.property(reachData(), filters, (data, filter) => {
        const without = computeReach({ ...data, anonymous: [] }, filter);
        const withHeads = computeReach(data, filter);
        expect(withHeads.uniqueParticipants).toBe(without.uniqueParticipants);
        expect(withHeads.repeatParticipants).toBe(without.repeatParticipants);
        expect(withHeads.attendances - without.attendances).toBe(withHeads.anonymousAttendances);
      }),
    );
  });

  it("a narrower filter never reaches more people", () => {
    fc.assert(
      fc.property(reachData(), filters, (data, filter) => {
        expect(computeReach(data, filter).uniqueParticipants).toBeLessThanOrEqual(
          computeReach(data, {}).uniqueParticipants,
        );
      }),
    );
  });
});

describe("one filter within another (figures counted along a wider pass)", () => {
  it("every activity a filter judged within another matches is matched by the other", () => {
    let judgedWithin = 0;
    fc.assert(
      fc.property(reachData(), filters, filters, (data, inner, outer) => {
        if (!filterWithin(inner, outer)) return;
        judgedWithin++;
        for (const a of data.activities)
          if (activityMatches(a, inner)) expect(activityMatches(a, outer)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(judgedWithin).toBeGreaterThan(10);
  });

  it("a period or place outside the other's is not within it", () => {
    const outer = { from: "2026-01-01", to: "2026-06-30", within: "c:032" };
    expect(filterWithin({ from: "2026-02-01", to: "2026-03-31", within: "c:032/s:170" }, outer)).toBe(true);
    expect(filterWithin({ from: "2025-12-01", to: "2026-03-31", within: "c:032" }, outer)).toBe(false);
    expect(filterWithin({ from: "2026-02-01", within: "c:032" }, outer)).toBe(false);
    expect(filterWithin({ from: "2026-02-01", to: "2026-03-31", within: "c:0321" }, outer)).toBe(false);
    expect(filterWithin({ scopePaths: ["c:032"] }, { scopePaths: ["c:032/s:170"] })).toBe(false);
    expect(filterWithin({ types: ["training"] }, { types: ["dialogue_session"] })).toBe(false);
    expect(filterWithin({}, { types: ["dialogue_session"] })).toBe(false);
  });
});

describe("merging two participants", () => {
  const mergeCase = reachData().chain((data) =>
    fc.record({
      data: fc.constant(data),
      keep: fc.constantFrom(...data.participants.map((p) => p.id)),
      merge: fc.constantFrom(...data.participants.map((p) => p.id)),
      filter: filters,
    }),
  );

  it("never double counts: reach drops by one exactly when both people had been reached", () => {
    fc.assert(
      fc.property(mergeCase, ({ data, keep, merge, filter }) => {
        fc.pre(keep !== merge);
        const before = computeReach(data, filter);
        const merged: ReachData = {
          ...data,
          participants: data.participants.filter((p) => p.id !== merge),
          attendances: mergeAttendances(data.attendances, keep, merge),
        };
        const after = computeReach(merged, filter);
        const counted = new Set(data.activities.filter((a) => activityMatches(a, filter)).map((a) => a.id));
        const attendedAt = (id: string) =>
          new Set(
            data.attendances
              .filter((a) => a.participantId === id && counted.has(a.activityId))
              .map((a) => a.activityId),
          );
        const [keepAt, mergeAt] = [attendedAt(keep), attendedAt(merge)];
        const bothReached = keepAt.size > 0 && mergeAt.size > 0;
        expect(after.uniqueParticipants).toBe(before.uniqueParticipants - (bothReached ? 1 : 0));
        const sharedSessions = [...keepAt].filter((id) => mergeAt.has(id)).length;
        expect(after.namedAttendances).toBe(before.namedAttendances - sharedSessions);
        expect(after.anonymousAttendances).toBe(before.anonymousAttendances);
      }),
    );
  });

  it("keeps one attendance per person per activity", () => {
    fc.assert(
      fc.property(mergeCase, ({ data, keep, merge }) => {
        const merged = mergeAttendances(data.attendances, keep, merge);
        const keys = merged.map((a) => `${a.activityId}/${a.participantId}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(merged.some((a) => a.participantId === merge && merge !== keep)).toBe(false);
      }),
    );
  });
});

describe("indicator values", () => {
  const facts = {
    activities: [
      activity("a1", { heldOn: "2026-01-10" }),
      activity("a2", { heldOn: "2026-02-10", type: "peace_action", group: null }),
    ],
    participants: [person("p1"), person("p2")],
    attendances: [
      { activityId: "a1", participantId: "p1" },
      { activityId: "a2", participantId: "p1" },
      { activityId: "a2", participantId: "p2" },
    ],
    anonymous: [{ ...person("x"), activityId: "a2", count: 5 }],
    actionPoints: [
      { activityId: "a1", status: "kept" },
      { activityId: "a1", status: "open" },
      { activityId: "a2", status: "kept" },
    ],
    entries: [
      { asOf: "2026-01-31", value: 40 },
      { asOf: "2026-03-31", value: 80 },
    ],
  };

  it.each([
    ["activity_count", {}, 2],
    ["activity_count", { types: ["dialogue_session" as const] }, 1],
    ["unique_participants", {}, 2],
    ["attendances", {}, 8],
    ["attendances", { to: "2026-01-31" }, 1],
    ["commitments_kept", {}, 2],
    ["commitments_kept", { types: ["dialogue_session" as const] }, 1],
    ["manual", {}, 80],
    ["manual", { to: "2026-02-28" }, 40],
    ["survey_based", { from: "2026-04-01" }, 0],
  ] as const)("%s over %j is %d", (type, filter, expected) => {
    expect(indicatorValue(type, facts, filter)).toBe(expected);
  });

  it("takes the figure entered last when two carry the same date", () => {
    const entries = [
      { asOf: "2026-03-31", value: 70 },
      { asOf: "2026-03-31", value: 75 },
    ];
    expect(latestEntry(entries, {})?.value).toBe(75);
  });

  it("rounds progress down, so a target is met only when it is met", () => {
    expect(percentOf(449, 450)).toBe(99);
    expect(percentOf(450, 450)).toBe(100);
    expect(percentOf(25, 450)).toBe(5);
    expect(percentOf(3, 0)).toBeNull();
  });
});
