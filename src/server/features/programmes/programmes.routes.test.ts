// Programmes, projects, logframes and indicators through the HTTP API, on a real database.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
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
beforeAll(async () => {
  server = await startTestServer();
  fx = await seedProgrammeStaff(server);
  programmeId = (await createProgramme(fx.nationalOfficer, fx.riftOrgId, { placeId: "ke" })).id;
});
afterAll(() => server?.close());

describe("programmes and projects", () => {
  it("a project is created with its goal, objectives and numbered outputs", async () => {
    const project = await createProject(fx.nakuruOfficer, programmeId, {
      name: "Logframe project",
      objectives: [
        { title: "Improved institutional ownership of peace", outputs: [{ title: "CEF trained" }] },
        { title: "Stronger partnerships", outputs: [{ title: "Forums held" }, { title: "Policy drafted" }] },
      ],
    });
    expect(project.results.map((r) => `${r.kind} ${r.code}`)).toEqual([
      "objective 1",
      "output 1.1",
      "objective 2",
      "output 2.1",
      "output 2.2",
    ]);
    const objective2 = project.results[2]?.id;
    const added = await fx.nakuruOfficer.post(`/api/projects/${project.id}/results`, {
      kind: "output",
      title: "Peace policy meetings",
      parentId: objective2,
    });
    expect(added.status).toBe(201);
    expect(added.body.result.code).toBe("2.3");
  });

  it("a nationwide programme is listed to a Nakuru officer, with only the projects touching Nakuru", async () => {
    await createProject(fx.nationalOfficer, programmeId, { name: "Coast leg", placeId: "c:001" });
    const res = await fx.nakuruOfficer.get("/api/programmes");
    expect(res.status).toBe(200);
    const programme = res.body.programmes.find((p: { id: string }) => p.id === programmeId);
    const names = programme.projects.map((p: { name: string }) => p.name);
    expect(names).toContain("Logframe project");
    expect(names).not.toContain("Coast leg");
  });

  it("a project outside the programme's area, or outside the creator's areas, is refused", async () => {
    const nakuruProgramme = await createProgramme(fx.nakuruOfficer, fx.riftOrgId, { name: "Nakuru only" });
    const outside = await fx.nationalOfficer.post("/api/projects", {
      programmeId: nakuruProgramme.id,
      name: "Mombasa under Nakuru",
      placeId: "c:001",
      startsOn: "2026-01-01",
      endsOn: "2026-06-30",
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields[0].path).toBe("placeId");
    const notMine = await fx.nakuruOfficer.post("/api/projects", {
      programmeId,
      name: "Kwale from Nakuru",
      placeId: "c:002",
      startsOn: "2026-01-01",
      endsOn: "2026-06-30",
    });
    expect(notMine.status).toBe(403);
  });

  it.each([
    ["an end before the start", { endsOn: "2025-12-31" }, "endsOn"],
    ["an unknown field", { budget: 10 }, "budget"],
    ["a malformed date", { startsOn: "14/03/2026" }, "startsOn"],
    ["an unknown place", { placeId: "c:999" }, "placeId"],
  ])("%s is a 400 naming the field", async (_label, over, field) => {
    const res = await fx.nakuruOfficer.post("/api/projects", {
      programmeId,
      name: `Bad ${field}`,
      placeId: "c:032",
      startsOn: "2026-01-01",
      endsOn: "2026-06-30",
      ...over,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it("the same project name twice in a programme is a conflict", async () => {
    await createProject(fx.nakuruOfficer, programmeId, { name: "Twice" });
    const again = await fx.nakuruOfficer.post("/api/projects", {
      programmeId,
      name: "Twice",
      placeId: "c:032",
      startsOn: "2026-01-01",
      endsOn: "2026-06-30",
    });
    expect(again.status).toBe(409);
  });

  it("a viewer reads projects but cannot create them", async () => {
    const res = await fx.nakuruViewer.post("/api/projects", {
      programmeId,
      name: "Viewer project",
      placeId: "c:032",
      startsOn: "2026-01-01",
      endsOn: "2026-06-30",
    });
    expect(res.status).toBe(403);
    expect((await fx.nakuruViewer.get("/api/programmes")).status).toBe(200);
  });
});

describe("indicators against targets", () => {
  let projectId: string;
  let reachIndicatorId: string;
  beforeAll(async () => {
    projectId = (await createProject(fx.nakuruOfficer, programmeId, { name: "Target project" })).id;
    const reach = await fx.nakuruOfficer.post(`/api/projects/${projectId}/indicators`, {
      name: "People reached by dialogues",
      type: "unique_participants",
      activityTypes: ["dialogue_session"],
      disaggregations: ["gender", "youth"],
      targets: [
        { label: "2026", startsOn: "2026-01-01", endsOn: "2026-12-31", value: 450 },
        { label: "Q1", startsOn: "2026-01-01", endsOn: "2026-03-31", value: 100 },
      ],
    });
    expect(reach.status, JSON.stringify(reach.body)).toBe(201);
    reachIndicatorId = reach.body.indicator.id;
    for (const [type, name] of [
      ["activity_count", "Dialogue sessions held"],
      ["attendances", "Attendances"],
      ["commitments_kept", "Action points kept"],
    ] as const)
      expect(
        (
          await fx.nakuruOfficer.post(`/api/projects/${projectId}/indicators`, {
            name,
            type,
            targets: [{ label: "2026", startsOn: "2026-01-01", endsOn: "2026-12-31", value: 10 }],
          })
        ).status,
      ).toBe(201);
  });

  const progressOf = async (name: string) => {
    const res = await fx.nakuruOfficer.get(`/api/projects/${projectId}/progress`);
    expect(res.status).toBe(200);
    return res.body.indicators.find((i: { indicator: { name: string } }) => i.indicator.name === name);
  };

  it("a new indicator starts at zero against its targets", async () => {
    const progress = await progressOf("People reached by dialogues");
    expect(progress.current).toBe(0);
    expect(progress.targets.map((t: { actual: number; percent: number }) => [t.actual, t.percent])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it("moves when a dialogue is recorded: people once each, anonymous heads only in attendances", async () => {
    const first = await fx.nakuruOfficer.post("/api/activities", {
      ...youthDialogue(projectId),
      attendance: {
        newParticipants: [newPerson(), newPerson({ gender: "male" }), newPerson({ ageBand: "35_49" })],
        anonymous: [{ gender: "female", ageBand: "18_24", count: 4 }],
      },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const ids = first.body.created.map((p: { id: string }) => p.id);
    const second = await fx.nakuruOfficer.post("/api/activities", {
      ...youthDialogue(projectId, { heldOn: "2026-05-02" }),
      attendance: { participantIds: ids.slice(0, 2) },
    });
    expect(second.status).toBe(201);
    await fx.nakuruOfficer.post("/api/activities", {
      projectId,
      type: "police_cafe",
      heldOn: "2026-05-03",
      placeId: "l:kaptembwo",
      attendance: { participantIds: ids },
    });

    const reach = await progressOf("People reached by dialogues");
    expect(reach.current).toBe(3);
    expect(
      reach.targets.map((t: { label: string; actual: number; percent: number }) => [
        t.label,
        t.actual,
        t.percent,
      ]),
    ).toEqual([
      ["2026", 3, 0],
      ["Q1", 3, 3],
    ]);
    expect(reach.breakdown).toContainEqual({
      keys: { gender: "female" },
      uniqueParticipants: 2,
      namedAttendances: 3,
      anonymousAttendances: 4,
    });
    expect(reach.breakdown).toContainEqual(
      expect.objectContaining({ keys: { youth: "not_youth" }, uniqueParticipants: 1 }),
    );
    expect((await progressOf("Dialogue sessions held")).current).toBe(3);
    expect((await progressOf("Attendances")).current).toBe(3 + 2 + 3 + 4);
  });

  it("counts an action point once it is marked kept", async () => {
    const list = await fx.nakuruOfficer.get(`/api/activities?projectId=${projectId}&type=dialogue_session`);
    const activity = await fx.nakuruOfficer.get(`/api/activities/${list.body.activities[0].id}`);
    const point = activity.body.activity.dialogue.actionPoints[0];
    const res = await fx.nakuruOfficer.patch(`/api/action-points/${point.id}`, {
      status: "kept",
      evidence: "The MCA fixed the drainage at Soko Mjinga",
    });
    expect(res.status).toBe(200);
    expect((await progressOf("Action points kept")).current).toBe(1);
  });

  it("reach gives unique people, attendances, repeat engagement and a gender by age pyramid", async () => {
    const res = await fx.nakuruOfficer.get(
      `/api/projects/${projectId}/reach?by=gender,age_band&minSessions=3`,
    );
    expect(res.status).toBe(200);
    expect(res.body.reach).toMatchObject({
      activities: 3,
      uniqueParticipants: 3,
      namedAttendances: 8,
      anonymousAttendances: 4,
      attendances: 12,
      repeatParticipants: 2,
    });
    expect(res.body.reach.breakdown).toContainEqual({
      keys: { gender: "male", age_band: "18_24" },
      uniqueParticipants: 1,
      namedAttendances: 3,
      anonymousAttendances: 0,
    });
    const onlyCafes = await fx.nakuruOfficer.get(
      `/api/projects/${projectId}/reach?types=police_cafe&from=2026-05-01`,
    );
    expect(onlyCafes.body.reach).toMatchObject({ activities: 1, uniqueParticipants: 3, namedAttendances: 3 });
  });

  it.each([
    ["three dimensions", "by=gender,age_band,role", "by"],
    ["an unknown dimension", "by=religion", "by"],
    ["an unknown activity type", "types=rally", "types"],
  ])("a reach query with %s is a 400", async (_label, query, field) => {
    const res = await fx.nakuruOfficer.get(`/api/projects/${projectId}/reach?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path.split(".")[0])).toContain(field);
  });

  it("a computed indicator refuses typed-in figures; a manual one takes them with evidence", async () => {
    const refused = await fx.nakuruOfficer.post(`/api/indicators/${reachIndicatorId}/entries`, {
      asOf: "2026-03-31",
      value: 500,
      evidence: "Counted by hand",
    });
    expect(refused.status).toBe(409);
    const manual = await fx.nakuruOfficer.post(`/api/projects/${projectId}/indicators`, {
      name: "Police stations with the new service charter",
      type: "manual",
      targets: [{ label: "2026", startsOn: "2026-01-01", endsOn: "2026-12-31", value: 6 }],
    });
    const id = manual.body.indicator.id;
    const noEvidence = await fx.nakuruOfficer.post(`/api/indicators/${id}/entries`, {
      asOf: "2026-04-01",
      value: 3,
    });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.error.fields[0].path).toBe("evidence");
    for (const [asOf, value] of [
      ["2026-02-01", 2],
      ["2026-06-30", 6],
    ] as const)
      expect(
        (
          await fx.nakuruOfficer.post(`/api/indicators/${id}/entries`, {
            asOf,
            value,
            evidence: "Charters mounted: photos from Naivasha, Kaptembwo and Njoro stations",
          })
        ).status,
      ).toBe(201);
    const progress = await progressOf("Police stations with the new service charter");
    expect(progress.current).toBe(6);
    expect(progress.targets[0].percent).toBe(100);
    expect(progress.latestEntry.evidence).toMatch(/Charters mounted/);
  });

  it("targets can be replaced, and the change is audited", async () => {
    const res = await fx.nakuruOfficer.patch(`/api/indicators/${reachIndicatorId}`, {
      targets: [{ label: "2026", startsOn: "2026-01-01", endsOn: "2026-12-31", value: 300 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.indicator.targets).toEqual([
      { label: "2026", startsOn: "2026-01-01", endsOn: "2026-12-31", value: 300 },
    ]);
    const [entry] = await server.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "indicator.update"), eq(auditLog.entityId, reachIndicatorId)));
    expect(entry?.before).toMatchObject({
      targets: [
        { label: "2026", value: 450 },
        { label: "Q1", value: 100 },
      ],
    });
    expect(entry?.after).toMatchObject({ targets: [{ label: "2026", value: 300 }] });
  });

  it("an officer covering part of a nationwide project sees figures for their areas only", async () => {
    const national = await createProject(fx.nationalOfficer, programmeId, {
      name: "Two counties",
      placeId: "ke",
    });
    for (const placeId of ["l:kaptembwo", "l:likoni"])
      await fx.nationalOfficer.post("/api/activities", {
        projectId: national.id,
        type: "community_baraza",
        heldOn: "2026-04-04",
        placeId,
        attendance: { newParticipants: [newPerson({ placeId })] },
      });
    const all = await fx.nationalOfficer.get(`/api/projects/${national.id}/reach?by=county`);
    expect(all.body.reach.uniqueParticipants).toBe(2);
    const nakuru = await fx.nakuruOfficer.get(`/api/projects/${national.id}/reach?by=county`);
    expect(nakuru.body.reach.uniqueParticipants).toBe(1);
    expect(nakuru.body.reach.breakdown.map((r: { keys: { county: string } }) => r.keys.county)).toEqual([
      "c:032",
    ]);
    expect((await fx.nakuruOfficer.get(`/api/projects/${national.id}`)).body.project.partialScope).toBe(true);
    const change = await fx.nakuruOfficer.post(`/api/projects/${national.id}/indicators`, {
      name: "Sneaky",
      type: "manual",
    });
    expect(change.status).toBe(403);
  });
});
