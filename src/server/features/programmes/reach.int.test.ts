// The SQL that computes reach and indicator values must agree with their specification in reach.ts.
// Random data sets go into the real database (PGlite or PostgreSQL) and both are asked the same questions.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIVITY_TYPES, DIMENSIONS } from "../../../common/contracts/programmes.ts";
import type { Db } from "../../db/client.ts";
import { queryRows } from "../../db/client.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { organisations } from "../organisations/organisations.table.ts";
import { activities, dialogueSessions } from "./activities.table.ts";
import { newParticipantCode } from "./names.ts";
import { anonymousAttendances, attendances, participants } from "./participants.table.ts";
import { programmes, projects } from "./programmes.table.ts";
import { reachData, reachFilters, type SizedData } from "./reach.arbitraries.ts";
import {
  anonymousTotal,
  computedValue,
  namedTotals,
  reachBreakdown,
  reachPyramid,
  reachTotals,
} from "./reach.repo.ts";
import { computeReach, type ParticipantFact, type ReachFilter } from "./reach.ts";
import { memoKey } from "./reach-sql.ts";

let server: TestServer;
let organisationId: string;
let programmeId: string;
beforeAll(async () => {
  server = await startTestServer();
  const [org] = await server.deps.db
    .insert(organisations)
    .values({ name: "Reach Test Org", shortName: "RTO" })
    .returning();
  organisationId = org?.id ?? "";
  const [programme] = await server.deps.db
    .insert(programmes)
    .values({ organisationId, name: "Reach", placeId: "ke", placePath: "ke", createdAt: new Date() })
    .returning();
  programmeId = programme?.id ?? "";
});
afterAll(() => server?.close());

/** Writes one random data set as a project of its own; returns the project id. */
async function insertDataSet(db: Db, data: SizedData): Promise<string> {
  const now = new Date();
  const [project] = await db
    .insert(projects)
    .values({
      programmeId,
      organisationId,
      name: randomUUID(),
      placeId: "ke",
      placePath: "ke",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      createdAt: now,
    })
    .returning();
  const projectId = project?.id ?? "";
  const ids = new Map<string, string>();
  const uuidOf = (id: string) => {
    const known = ids.get(id);
    if (known) return known;
    const fresh = randomUUID();
    ids.set(id, fresh);
    return fresh;
  };
  const activityById = new Map(data.activities.map((a) => [a.id, a]));
  await db.insert(activities).values(
    data.activities.map((a) => ({
      id: uuidOf(a.id),
      projectId,
      organisationId,
      type: a.type,
      heldOn: a.heldOn,
      placeId: a.placePath.split("/").pop() ?? a.placePath,
      placePath: a.placePath,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const dialogues = data.activities.filter((a) => a.group !== null);
  if (dialogues.length > 0)
    await db
      .insert(dialogueSessions)
      .values(dialogues.map((a) => ({ activityId: uuidOf(a.id), dialogueGroup: a.group ?? "mixed" })));
  await db.insert(participants).values(
    data.participants.map((p) => ({
      ...p,
      id: uuidOf(p.id),
      organisationId,
      code: newParticipantCode(),
      placeId: "c:032",
      placePath: "c:032",
      consentPurposes: ["attendance_records"],
      consentGivenOn: "2026-01-01",
      createdAt: now,
    })),
  );
  const facts = (activityId: string) => {
    const a = activityById.get(activityId);
    if (!a) throw new Error(`no activity ${activityId}`);
    return {
      activityId: uuidOf(a.id),
      projectId,
      activityType: a.type,
      heldOn: a.heldOn,
      placePath: a.placePath,
      dialogueGroup: a.group,
    };
  };
  if (data.attendances.length > 0)
    await db
      .insert(attendances)
      .values(
        data.attendances.map((a) => ({ ...facts(a.activityId), participantId: uuidOf(a.participantId) })),
      );
  if (data.anonymous.length > 0)
    await db.insert(anonymousAttendances).values(
      data.anonymous.map(({ activityId, ...n }) => ({
        ...facts(activityId),
        ...n,
      })),
    );
  return projectId;
}

const RUNS = 30;

describe("reach in SQL agrees with its specification", () => {
  it("totals, repeat engagement and breakdowns by one or two dimensions", async () => {
    let nonTrivialRuns = 0;
    await fc.assert(
      fc.asyncProperty(
        reachData(undefined, { activities: 12, participants: 20 }),
        // A third of the runs without a filter, so that most runs count somebody.
        fc.oneof(fc.constant({}), reachFilters, reachFilters),
        fc.subarray([...DIMENSIONS], { maxLength: 2 }),
        fc.integer({ min: 2, max: 4 }),
        reachFilters,
        async (data, filter: ReachFilter, by, minSessions, other: ReachFilter) => {
          const projectId = await insertDataSet(server.deps.db, data);
          const expected = computeReach(data, filter, by, minSessions);
          const sqlFilter = { ...filter, projectId };
          const totals = await reachTotals(server.deps.db, sqlFilter, minSessions);
          expect(totals).toEqual({
            activities: expected.activities,
            uniqueParticipants: expected.uniqueParticipants,
            namedAttendances: expected.namedAttendances,
            anonymousAttendances: expected.anonymousAttendances,
            repeatParticipants: expected.repeatParticipants,
          });
          expect(await reachBreakdown(server.deps.db, sqlFilter, by)).toEqual(expected.breakdown);
          for (const dimension of DIMENSIONS)
            expect(await reachBreakdown(server.deps.db, sqlFilter, [dimension]), dimension).toEqual(
              computeReach(data, filter, [dimension]).breakdown,
            );
          // The dashboard's one-pass pyramid gives the same totals, and leaves them for indicators.
          const memo = new Map();
          const pyramid = await reachPyramid(server.deps.db, sqlFilter, minSessions, memo);
          expect(pyramid.totals).toEqual(totals);
          expect(pyramid.breakdown).toEqual(computeReach(data, filter, ["gender", "age_band"]).breakdown);
          expect(await computedValue(server.deps.db, "unique_participants", sqlFilter, memo)).toBe(
            expected.uniqueParticipants,
          );
          if (expected.uniqueParticipants > 0) nonTrivialRuns++;
          // Figures over other filters counted in the pyramid's pass (an indicator's target periods):
          // one that lies within the filter, and one that may not (counted on its own when asked).
          const later = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
          const earlier = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));
          const inside = {
            ...sqlFilter,
            from: later(filter.from, other.from),
            to: earlier(filter.to, other.to),
            types: filter.types?.length ? filter.types : other.types,
          };
          const windows = [inside, { ...other, projectId }];
          const along = new Map();
          await reachPyramid(server.deps.db, sqlFilter, minSessions, along, windows);
          expect(along.has(memoKey(`named ${minSessions}`, inside))).toBe(true);
          for (const w of windows) {
            const spec = computeReach(data, w, [], minSessions);
            expect(await namedTotals(server.deps.db, w, minSessions, along)).toEqual({
              uniqueParticipants: spec.uniqueParticipants,
              namedAttendances: spec.namedAttendances,
              repeatParticipants: spec.repeatParticipants,
            });
            expect(await anonymousTotal(server.deps.db, w, along)).toBe(spec.anonymousAttendances);
          }
          expect(await computedValue(server.deps.db, "attendances", sqlFilter)).toBe(expected.attendances);
          expect(await computedValue(server.deps.db, "unique_participants", sqlFilter)).toBe(
            expected.uniqueParticipants,
          );
          expect(await computedValue(server.deps.db, "activity_count", sqlFilter)).toBe(expected.activities);
        },
      ),
      { numRuns: RUNS },
    );
    // Guards the guard: a filter that matched nothing in every run would prove nothing.
    expect(nonTrivialRuns).toBeGreaterThanOrEqual(RUNS / 5);
  });
});

describe("breakdowns by what describes the activity", () => {
  const people: ParticipantFact[] = Array.from({ length: 9 }, (_, n) => ({
    id: `p${n}`,
    gender: n % 2 === 0 ? "female" : "male",
    ageBand: n % 3 === 0 ? "18_24" : "35_49",
    disability: "no",
    role: "community",
  }));

  it("are counted exactly when the activities have more keys than one pass per person counts", async () => {
    // Three counties × twelve activity types: 36 keys, more than the one-pass query takes.
    const counties = ["c:032/s:170", "c:001/s:001", "c:047"];
    const data: SizedData = {
      activities: counties.flatMap((placePath, c) =>
        ACTIVITY_TYPES.map((type, t) => ({
          id: `a${c}-${t}`,
          type,
          heldOn: "2026-03-15",
          placePath,
          group: type === "dialogue_session" ? "youth" : null,
        })),
      ),
      participants: people,
      attendances: counties.flatMap((_, c) =>
        ACTIVITY_TYPES.flatMap((_, t) =>
          people
            .filter((_, n) => (n + c + t) % 3 !== 0)
            .map((p) => ({ activityId: `a${c}-${t}`, participantId: p.id })),
        ),
      ),
      anonymous: [],
    };
    const projectId = await insertDataSet(server.deps.db, data);
    for (const by of [
      ["county", "activity_type"],
      ["activity_type", "county"],
    ] as const) {
      const rows = await reachBreakdown(server.deps.db, { projectId }, by);
      expect(rows).toHaveLength(36);
      expect(rows).toEqual(computeReach(data, {}, by).breakdown);
    }
  });

  it("count what attendance holds when its copy of the activity is out of step", async () => {
    const data: SizedData = {
      activities: [
        { id: "youth", type: "dialogue_session", heldOn: "2026-03-15", placePath: "c:032", group: "youth" },
        { id: "women", type: "dialogue_session", heldOn: "2026-03-16", placePath: "c:001", group: "women" },
      ],
      participants: people,
      attendances: people.flatMap((p, n) => [
        { activityId: "youth", participantId: p.id },
        ...(n % 2 === 0 ? [{ activityId: "women", participantId: p.id }] : []),
      ]),
      anonymous: [],
    };
    const projectId = await insertDataSet(server.deps.db, data);
    // One attendance of the youth dialogue says "men" and a Nairobi place, as a copy left behind
    // by a failed edit would: the breakdowns must follow the attendance table, like every other figure.
    const [moved] = await queryRows<{ participant_id: string }>(
      server.deps.db,
      sql`update attendances set dialogue_group = 'men', place_path = 'c:047'
          where ctid = (select ctid from attendances where project_id = ${projectId} and dialogue_group = 'youth' limit 1)
          returning participant_id`,
    );
    expect(moved).toBeDefined();
    for (const [dimension, key] of [
      ["group", sql`coalesce(dialogue_group, 'none')`],
      ["county", sql`split_part(place_path, '/', 1)`],
    ] as const) {
      const oracle = await queryRows<{ key: string; people: number; named: number }>(
        server.deps.db,
        sql`select ${key} as key, count(distinct participant_id)::int as people, count(*)::int as named
            from attendances where project_id = ${projectId} group by 1`,
      );
      const byKey = (a: { key?: string }, b: { key?: string }) => (a.key ?? "").localeCompare(b.key ?? "");
      const rows = await reachBreakdown(server.deps.db, { projectId }, [dimension]);
      expect(
        rows
          .map((r) => ({ key: r.keys[dimension], people: r.uniqueParticipants, named: r.namedAttendances }))
          .sort(byKey),
        dimension,
      ).toEqual(oracle.sort(byKey));
    }
  });
});
