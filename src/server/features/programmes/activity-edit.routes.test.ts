// Editing activities through the HTTP API, on a real database: every field, the dialogue and its
// action points, the audit trail, stale copies, scope, and figures that follow the edit.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
import {
  createProgramme,
  createProject,
  newPerson,
  type ProgrammeFixture,
  startWithNakuruProject,
  youthDialogue,
} from "./programmes.fixtures.ts";

let server: TestServer;
let fx: ProgrammeFixture;
let programmeId: string;
let projectId: string;
beforeAll(async () => {
  ({ server, fx, programmeId, projectId } = await startWithNakuruProject());
});
afterAll(() => server?.close());

async function record(over: Record<string, unknown> = {}) {
  const res = await fx.nakuruOfficer.post("/api/activities", youthDialogue(projectId, over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.activity;
}

const auditOf = (id: string) =>
  server.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "activity.update")));

describe("editing an activity", () => {
  it("changes every field of the form and the dialogue details, and audits only what changed", async () => {
    const a = await record();
    const edit = {
      title: "Youth dialogue at the chief's camp",
      heldOn: "2026-03-15",
      notes: "Sign-in sheet photographed",
      dialogue: {
        group: "mixed",
        facilitators: ["Fatuma", "Juma"],
        officialsPresent: ["Chief"],
        officersUnarmed: false,
        topics: ["Drainage"],
        issuesRaised: ["Drainage at Soko Mjinga", "Street lights"],
        actionPoints: [
          { id: a.dialogue.actionPoints[0].id, text: "Raise the drainage with the MCA", owner: "Chair" },
          { text: "Ask KPLC about the street lights", dueOn: "2026-04-30" },
        ],
      },
    };
    const res = await fx.kaptembwoFacilitator.patch(`/api/activities/${a.id}`, {
      updatedAt: a.updatedAt,
      ...edit,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const again = (await fx.nakuruViewer.get(`/api/activities/${a.id}`)).body.activity;
    // Read back as sent (toMatchObject holds each array to its length and order), the new point open.
    expect(again).toMatchObject(edit);
    expect(again.dialogue.actionPoints[1].status).toBe("open");
    expect(again.updatedAt).not.toBe(a.updatedAt);
    const [entry, ...more] = await auditOf(a.id);
    expect(more).toEqual([]);
    expect(Object.keys(entry?.after ?? {}).sort()).toEqual(
      [
        "actionPoints",
        "dialogueGroup",
        "facilitators",
        "heldOn",
        "issuesRaised",
        "notes",
        "officersUnarmed",
        "officialsPresent",
        "title",
        "topics",
      ].sort(),
    );
    expect(entry?.before).toMatchObject({ heldOn: "2026-03-14", dialogueGroup: "youth", notes: null });
    expect(entry?.after).toMatchObject({ heldOn: "2026-03-15", dialogueGroup: "mixed" });
  });

  it("an edit that changes nothing writes nothing", async () => {
    const a = await record();
    const res = await fx.nakuruOfficer.patch(`/api/activities/${a.id}`, {
      updatedAt: a.updatedAt,
      heldOn: a.heldOn,
    });
    expect(res.status).toBe(200);
    expect(res.body.activity.updatedAt).toBe(a.updatedAt);
    expect(await auditOf(a.id)).toEqual([]);
  });

  it("an edit made on a stale copy is refused: someone else changed it", async () => {
    const a = await record();
    const first = await fx.nakuruOfficer.patch(`/api/activities/${a.id}`, {
      updatedAt: a.updatedAt,
      notes: "First edit",
    });
    expect(first.status).toBe(200);
    const second = await fx.kaptembwoFacilitator.patch(`/api/activities/${a.id}`, {
      updatedAt: a.updatedAt,
      notes: "Second edit, made on the old copy",
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("stale");
    expect(second.body.error.message).toMatch(/someone else changed this activity.*reload/i);
    expect((await fx.nakuruOfficer.get(`/api/activities/${a.id}`)).body.activity.notes).toBe("First edit");
  });

  it("an action point with progress cannot be removed; an open one can", async () => {
    const a = await record({
      dialogue: {
        ...youthDialogue(projectId).dialogue,
        actionPoints: [{ text: "Kept promise" }, { text: "Open promise" }],
      },
    });
    const [kept, open] = a.dialogue.actionPoints;
    expect(
      (await fx.nakuruOfficer.patch(`/api/action-points/${kept.id}`, { status: "kept", evidence: "Done" }))
        .status,
    ).toBe(200);
    const fresh = (await fx.nakuruOfficer.get(`/api/activities/${a.id}`)).body.activity;
    const dialogue = { ...youthDialogue(projectId).dialogue };
    const refused = await fx.nakuruOfficer.patch(`/api/activities/${a.id}`, {
      updatedAt: fresh.updatedAt,
      dialogue: { ...dialogue, actionPoints: [{ id: open.id, text: "Open promise" }] },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("Kept promise");
    const allowed = await fx.nakuruOfficer.patch(`/api/activities/${a.id}`, {
      updatedAt: fresh.updatedAt,
      dialogue: { ...dialogue, actionPoints: [{ id: kept.id, text: "Kept promise, reworded" }] },
    });
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
    expect(allowed.body.activity.dialogue.actionPoints).toEqual([
      expect.objectContaining({
        id: kept.id,
        text: "Kept promise, reworded",
        status: "kept",
        evidence: "Done",
      }),
    ]);
  });

  it.each([
    ["a bad date", { heldOn: "14/03/2026" }, "heldOn"],
    ["an unknown type", { type: "rally" }, "type"],
    ["no updatedAt", { updatedAt: undefined }, "updatedAt"],
    ["a field the form does not have", { organisationId: "x" }, "organisationId"],
    ["a place outside the project", { placeId: "l:likoni" }, "placeId"],
    [
      "turning it into a café with dialogue details",
      { type: "police_cafe", dialogue: youthDialogue("").dialogue },
      "dialogue",
    ],
    ["a peace-action kind on a dialogue", { peaceActionKind: "sports" }, "peaceActionKind"],
    [
      "another activity's action point",
      {
        dialogue: {
          group: "youth",
          actionPoints: [{ id: "0b7e3d2a-1c4f-4a8b-9e6d-2f5a8c9b0d12", text: "Hijack" }],
        },
      },
      "dialogue.actionPoints.0.id",
    ],
  ])("%s is a 400 naming the field", async (_label, over, field) => {
    const a = await record();
    const res = await fx.nakuruOfficer.patch(`/api/activities/${a.id}`, { updatedAt: a.updatedAt, ...over });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it("outside the editor's scope the activity does not exist; a viewer may not edit", async () => {
    const a = await record();
    const coast = await fx.mombasaOfficer.patch(`/api/activities/${a.id}`, {
      updatedAt: a.updatedAt,
      notes: "Intrusion",
    });
    expect(coast.status).toBe(404);
    expect(JSON.stringify(coast.body)).not.toContain(a.id);
    const bahati = await fx.nakuruOfficer.post("/api/activities", {
      ...youthDialogue(projectId),
      placeId: "l:bahati",
    });
    const ward = await fx.kaptembwoFacilitator.patch(`/api/activities/${bahati.body.activity.id}`, {
      updatedAt: bahati.body.activity.updatedAt,
      notes: "Outside my ward",
    });
    expect(ward.status).toBe(404);
    const moveOut = await fx.kaptembwoFacilitator.patch(`/api/activities/${a.id}`, {
      updatedAt: a.updatedAt,
      placeId: "l:bahati",
    });
    expect(moveOut.status).toBe(403);
    const viewer = await fx.nakuruViewer.patch(`/api/activities/${a.id}`, {
      updatedAt: a.updatedAt,
      notes: "Viewer",
    });
    expect(viewer.status).toBe(403);
    expect((await fx.nakuruOfficer.get(`/api/activities/${a.id}`)).body.activity.notes).toBeNull();
  });
});

describe("figures follow an edited activity", () => {
  it("moving an activity to another project, date or type moves its reach and indicator counts", async () => {
    const other = await createProject(fx.nakuruOfficer, programmeId, { name: "Market safety" });
    const count = await fx.nakuruOfficer.post(`/api/projects/${other.id}/indicators`, {
      name: "Police cafés held in March",
      type: "activity_count",
      activityTypes: ["police_cafe"],
      targets: [{ label: "March", startsOn: "2026-03-01", endsOn: "2026-03-31", value: 2 }],
    });
    expect(count.status).toBe(201);
    const a = await record({
      heldOn: "2026-02-10",
      attendance: {
        newParticipants: [newPerson(), newPerson({ gender: "male" })],
        anonymous: [{ count: 3 }],
      },
    });
    const reach = async (id: string, query = "") =>
      (await fx.nakuruOfficer.get(`/api/projects/${id}/reach${query}`)).body.reach;
    const progress = async () =>
      (await fx.nakuruOfficer.get(`/api/projects/${other.id}/progress`)).body.indicators[0];
    const before = await reach(projectId);
    expect(await reach(other.id)).toMatchObject({ activities: 0, uniqueParticipants: 0 });

    const res = await fx.nakuruOfficer.patch(`/api/activities/${a.id}`, {
      updatedAt: a.updatedAt,
      projectId: other.id,
      type: "police_cafe",
      heldOn: "2026-03-20",
      placeId: "l:bahati",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.activity).toMatchObject({ projectId: other.id, type: "police_cafe", dialogue: null });
    expect(await reach(other.id)).toMatchObject({
      activities: 1,
      uniqueParticipants: 2,
      namedAttendances: 2,
      anonymousAttendances: 3,
    });
    expect(await reach(projectId)).toMatchObject({
      activities: before.activities - 1,
      uniqueParticipants: before.uniqueParticipants - 2,
    });
    expect(await reach(other.id, "?from=2026-03-01&to=2026-03-31&types=police_cafe")).toMatchObject({
      uniqueParticipants: 2,
    });
    expect(await reach(other.id, "?from=2026-02-01&to=2026-02-28")).toMatchObject({ uniqueParticipants: 0 });
    expect((await progress()).targets[0]).toMatchObject({ actual: 1, percent: 50 });
    const places = await fx.nakuruOfficer.get(`/api/projects/${other.id}/reach?placeId=w:0872`);
    expect(places.body.reach.uniqueParticipants).toBe(0);
  });

  it("a project outside the editor's organisations does not exist for them", async () => {
    const a = await record();
    const coastProgramme = await createProgramme(fx.mombasaOfficer, fx.coastOrgId, {
      name: "Coast programme",
      placeId: "c:001",
    });
    const coastProject = await createProject(fx.mombasaOfficer, coastProgramme.id, { placeId: "c:001" });
    const res = await fx.nationalOfficer.patch(`/api/activities/${a.id}`, {
      updatedAt: a.updatedAt,
      projectId: coastProject.id,
    });
    expect(res.status).toBe(404);
  });
});
