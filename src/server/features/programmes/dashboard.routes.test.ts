// The programme dashboard through the HTTP API, on a real database: figures checked against a
// small hand-built programme (two projects, four activities, four people, one counted twice over).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import {
  createProgramme,
  createProject,
  newPerson,
  type ProgrammeFixture,
  seedProgrammeStaff,
  youthDialogue,
} from "./programmes.fixtures.ts";

let server: TestServer;
let fx: ProgrammeFixture;
let programmeId: string;
let nakuruProjectId: string;

/**
 * Nakuru project: a youth dialogue (P1 female 18–24, P2 male 18–24, P3 female 35–49, plus 4 heads
 * counted without names) on 14 March, a police café (P1, P2) on 3 May, a training (P1) in
 * Kaptembwo ward on 20 May. Coast project: a baraza in Likoni (P1 again, P4 male 25–34) on 4 April.
 */
beforeAll(async () => {
  server = await startTestServer();
  fx = await seedProgrammeStaff(server);
  programmeId = (
    await createProgramme(fx.nationalOfficer, fx.riftOrgId, { name: "Dashboard programme", placeId: "ke" })
  ).id;
  nakuruProjectId = (await createProject(fx.nakuruOfficer, programmeId, { name: "Nakuru leg" })).id;
  const coastProjectId = (
    await createProject(fx.nationalOfficer, programmeId, { name: "Coast leg", placeId: "c:001" })
  ).id;
  const indicator = await fx.nakuruOfficer.post(`/api/projects/${nakuruProjectId}/indicators`, {
    name: "People reached",
    type: "unique_participants",
    targets: [
      { label: "2026", startsOn: "2026-01-01", endsOn: "2026-12-31", value: 10 },
      { label: "Q1", startsOn: "2026-01-01", endsOn: "2026-03-31", value: 4 },
    ],
  });
  expect(indicator.status, JSON.stringify(indicator.body)).toBe(201);
  const dialogue = await fx.nakuruOfficer.post("/api/activities", {
    ...youthDialogue(nakuruProjectId),
    attendance: {
      newParticipants: [newPerson(), newPerson({ gender: "male" }), newPerson({ ageBand: "35_49" })],
      anonymous: [{ gender: "female", ageBand: "18_24", count: 4 }],
    },
  });
  expect(dialogue.status, JSON.stringify(dialogue.body)).toBe(201);
  const [p1, p2] = dialogue.body.created.map((p: { id: string }) => p.id);
  const more = [
    [
      fx.nakuruOfficer,
      {
        projectId: nakuruProjectId,
        type: "police_cafe",
        heldOn: "2026-05-03",
        placeId: "l:kaptembwo",
        attendance: { participantIds: [p1, p2] },
      },
    ],
    [
      fx.nakuruOfficer,
      {
        projectId: nakuruProjectId,
        type: "training",
        heldOn: "2026-05-20",
        placeId: "w:0872",
        attendance: { participantIds: [p1] },
      },
    ],
    [
      fx.nationalOfficer,
      {
        projectId: coastProjectId,
        type: "community_baraza",
        heldOn: "2026-04-04",
        placeId: "l:likoni",
        attendance: {
          participantIds: [p1],
          newParticipants: [newPerson({ gender: "male", ageBand: "25_34", placeId: "l:likoni" })],
        },
      },
    ],
  ] as const;
  for (const [api, body] of more) {
    const res = await api.post("/api/activities", body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterAll(() => server?.close());

const dashboardOf = async (api: ProgrammeFixture["nationalOfficer"], query = "") => {
  const res = await api.get(`/api/programmes/${programmeId}/dashboard${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.dashboard;
};
type Cell = {
  keys: { gender: string; age_band: string };
  uniqueParticipants: number;
  anonymousAttendances: number;
};
const pyramid = (rows: Cell[]) =>
  Object.fromEntries(
    rows.map((r) => [`${r.keys.gender} ${r.keys.age_band}`, [r.uniqueParticipants, r.anonymousAttendances]]),
  );

describe("programme dashboard", () => {
  it("counts each person once across the programme's projects, with a gender by age pyramid", async () => {
    const d = await dashboardOf(fx.nationalOfficer);
    expect(d.programme.name).toBe("Dashboard programme");
    expect(d.projects.map((p: { project: { name: string } }) => p.project.name).sort()).toEqual([
      "Coast leg",
      "Nakuru leg",
    ]);
    expect(d.reach).toMatchObject({
      activities: 4,
      uniqueParticipants: 4,
      namedAttendances: 8,
      anonymousAttendances: 4,
      attendances: 12,
      repeatParticipants: 1,
      minSessions: 3,
    });
    expect(pyramid(d.reach.breakdown)).toEqual({
      "female 18_24": [1, 4],
      "female 35_49": [1, 0],
      "male 18_24": [1, 0],
      "male 25_34": [1, 0],
    });
  });

  it("counts referrals made across the programme, never fewer than 5 as a figure, and no names", async () => {
    const counsellor = await makeUser(
      server.deps,
      "counsellor.dash@test.ke",
      ["counsellor"],
      [fx.riftOrgId],
      ["c:032"],
    );
    const refer = async (name: string) => {
      const res = await fx.nakuruOfficer.post("/api/referrals", {
        projectId: nakuruProjectId,
        placeId: "l:kaptembwo",
        person: { name, phone: "0722 000 111", gender: "male", ageBand: "18_24" },
        type: "trauma_counselling",
        reason: "Saw the stabbing at the stage",
        consent: true,
        counsellorId: counsellor.id,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    expect((await dashboardOf(fx.nationalOfficer)).referralCounts).toEqual({ made: 0 });
    await refer("Baraka Sampuli");
    await refer("Otieno Sampuli");
    const few = await dashboardOf(fx.nationalOfficer);
    expect(few.referralCounts).toEqual({ made: "<5" });
    expect(JSON.stringify(few)).not.toContain("Sampuli");
    for (const name of ["A Sampuli", "B Sampuli", "C Sampuli"]) await refer(name);
    expect((await dashboardOf(fx.nationalOfficer)).referralCounts).toEqual({ made: 5 });
    expect((await dashboardOf(fx.nationalOfficer, "?to=2026-06-30")).referralCounts).toEqual({ made: 0 });
    expect((await dashboardOf(fx.nationalOfficer)).approvedStoryCount).toBe(0);
  });

  it("shows each project's indicators against targets, counted over the period", async () => {
    const whole = await dashboardOf(fx.nationalOfficer);
    const nakuru = whole.projects.find((p: { project: { id: string } }) => p.project.id === nakuruProjectId);
    const [reached] = nakuru.indicators;
    expect(reached.current).toBe(3);
    expect(
      reached.targets.map((t: { label: string; actual: number; percent: number }) => [
        t.label,
        t.actual,
        t.percent,
      ]),
    ).toEqual([
      ["2026", 3, 30],
      ["Q1", 3, 75],
    ]);
    const may = await dashboardOf(fx.nationalOfficer, "?from=2026-05-01&to=2026-05-31");
    const [inMay] = may.projects.find(
      (p: { project: { id: string } }) => p.project.id === nakuruProjectId,
    ).indicators;
    expect(inMay.current).toBe(2);
    expect(inMay.targets.map((t: { label: string; actual: number }) => [t.label, t.actual])).toEqual([
      ["2026", 2],
    ]);
  });

  it("buckets activities by week over a short period and by month over a long one", async () => {
    const short = await dashboardOf(fx.nationalOfficer);
    expect(short.activitiesOverTime.interval).toBe("week");
    expect(short.activitiesOverTime.buckets).toHaveLength(11);
    expect(short.activitiesOverTime.buckets[0]).toEqual({
      start: "2026-03-09",
      counts: { dialogue_session: 1 },
      total: 1,
    });
    const year = await dashboardOf(fx.nationalOfficer, "?from=2026-01-01&to=2026-12-31");
    expect(year.activitiesOverTime.interval).toBe("month");
    expect(year.activitiesOverTime.types).toEqual([
      "dialogue_session",
      "police_cafe",
      "community_baraza",
      "training",
    ]);
    expect(
      year.activitiesOverTime.buckets.map((b: { start: string; total: number }) => `${b.start} ${b.total}`),
    ).toEqual(
      ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map(
        (m) => `2026-${m}-01 ${{ "03": 1, "04": 1, "05": 2 }[m] ?? 0}`,
      ),
    );
    expect(year.activitiesOverTime.buckets[4].counts).toEqual({ police_cafe: 1, training: 1 });
  });

  it("locates activities on the gazetteer, a ward at its sub-county's centre", async () => {
    const d = await dashboardOf(fx.nationalOfficer);
    const byId = Object.fromEntries(d.locations.map((l: { placeId: string }) => [l.placeId, l]));
    expect(Object.keys(byId).sort()).toEqual(["l:kaptembwo", "l:likoni", "w:0872"]);
    expect(byId["l:kaptembwo"]).toMatchObject({
      placePath: "c:032/s:175/w:0872/l:kaptembwo",
      counts: { dialogue_session: 1, police_cafe: 1 },
      total: 2,
      locatedAt: { id: "l:kaptembwo" },
    });
    expect(byId["w:0872"].locatedAt.id).toBe("s:175");
    expect(typeof byId["w:0872"].lat).toBe("number");
    expect(d.locations[0].placeId).toBe("l:kaptembwo");
    const backdrop = d.mapPlaces.map((p: { id: string }) => p.id);
    expect(backdrop).toEqual(expect.arrayContaining(["s:175", "s:005"]));
  });

  it("narrows every figure to a period and to a place", async () => {
    const may = await dashboardOf(fx.nationalOfficer, "?from=2026-05-01&to=2026-05-31");
    expect(may.reach).toMatchObject({
      activities: 2,
      uniqueParticipants: 2,
      namedAttendances: 3,
      anonymousAttendances: 0,
    });
    expect(may.activitiesOverTime.interval).toBe("week");
    const likoni = await dashboardOf(fx.nationalOfficer, "?place=l:likoni");
    expect(likoni.place).toEqual({ id: "l:likoni", name: expect.any(String) });
    expect(likoni.reach).toMatchObject({ activities: 1, uniqueParticipants: 2 });
    expect(likoni.locations.map((l: { placeId: string }) => l.placeId)).toEqual(["l:likoni"]);
  });

  it("a Nakuru-only officer sees only Nakuru projects and activities", async () => {
    const d = await dashboardOf(fx.nakuruOfficer);
    expect(d.partialScope).toBe(true);
    expect(d.projects.map((p: { project: { name: string } }) => p.project.name)).toEqual(["Nakuru leg"]);
    expect(d.reach).toMatchObject({
      activities: 3,
      uniqueParticipants: 3,
      namedAttendances: 6,
      repeatParticipants: 1,
    });
    expect(d.locations.map((l: { placeId: string }) => l.placeId).sort()).toEqual(["l:kaptembwo", "w:0872"]);
    expect(JSON.stringify(d)).not.toMatch(/likoni|Coast leg|c:001/i);
  });

  it("a programme outside the reader's scope, or no programme at all, is not found", async () => {
    const coast = await createProgramme(fx.mombasaOfficer, fx.coastOrgId, {
      name: "Coast only",
      placeId: "c:001",
    });
    for (const id of [coast.id, "not-a-programme", "00000000-0000-4000-8000-000000000000"]) {
      const res = await fx.nakuruOfficer.get(`/api/programmes/${id}/dashboard`);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain("Coast only");
    }
  });

  it.each([
    ["a period ending before it starts", "from=2026-06-01&to=2026-05-01", "to"],
    ["a date that is not one", "from=2026-13-01", "from"],
    ["an unknown place", "place=x:nowhere", "place"],
    ["an unknown filter", "by=gender", ""],
  ])("a dashboard query with %s is a 400 naming the field", async (_label, query, field) => {
    const res = await fx.nakuruOfficer.get(`/api/programmes/${programmeId}/dashboard?${query}`);
    expect(res.status).toBe(400);
    if (field) expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });
});
