// Activities and attendance through the HTTP API, on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../test/harness.ts";
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
let projectId: string;
beforeAll(async () => {
  ({ server, fx, projectId } = await startWithNakuruProject());
});
afterAll(() => server?.close());

describe("recording activities", () => {
  it("a youth dialogue keeps its group, officials, unarmed officers, issues and action points", async () => {
    const res = await fx.kaptembwoFacilitator.post("/api/activities", youthDialogue(projectId));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { activity } = res.body;
    expect(activity).toMatchObject({
      type: "dialogue_session",
      heldOn: "2026-03-14",
      placeName: "Kaptembwo",
      dialogue: {
        group: "youth",
        officialsPresent: ["Chief", "OCS Kaptembwo"],
        officersUnarmed: true,
        issuesRaised: ["Drainage at Soko Mjinga"],
        actionPoints: [
          { text: "Raise the drainage with the ward MCA", status: "open", owner: "Organising secretary" },
        ],
      },
    });
    const again = await fx.nakuruViewer.get(`/api/activities/${activity.id}`);
    expect(again.status).toBe(200);
    expect(again.body.activity.dialogue.group).toBe("youth");
  });

  it.each([
    ["a dialogue without its details", { dialogue: undefined }, "dialogue"],
    ["dialogue details on a police café", { type: "police_cafe" }, "dialogue"],
    ["a peace-action kind on a dialogue", { peaceActionKind: "sports" }, "peaceActionKind"],
    ["an unknown activity type", { type: "rally" }, "type"],
    ["an unknown dialogue group", { dialogue: { group: "elders" } }, "dialogue.group"],
  ])("%s is a 400 naming the field", async (_label, over, field) => {
    const res = await fx.nakuruOfficer.post("/api/activities", { ...youthDialogue(projectId), ...over });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it("a peace action records what kind it was", async () => {
    const res = await fx.nakuruOfficer.post("/api/activities", {
      projectId,
      type: "peace_action",
      peaceActionKind: "meal_sharing",
      title: "Meal sharing at Kaptembwo police post",
      heldOn: "2026-04-01",
      placeId: "l:kaptembwo",
    });
    expect(res.status).toBe(201);
    expect(res.body.activity).toMatchObject({ peaceActionKind: "meal_sharing", dialogue: null });
  });

  it("an activity outside the project's area, or the recorder's, is refused", async () => {
    const programme = await createProgramme(fx.nakuruOfficer, fx.riftOrgId, {
      name: "Ward programme",
      placeId: "w:0872",
    });
    const wardProject = await createProject(fx.nakuruOfficer, programme.id, { placeId: "w:0872" });
    const outside = await fx.nakuruOfficer.post("/api/activities", {
      ...youthDialogue(wardProject.id),
      placeId: "l:bahati",
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields[0].path).toBe("placeId");
    const notMine = await fx.kaptembwoFacilitator.post("/api/activities", {
      ...youthDialogue(projectId),
      placeId: "l:bahati",
    });
    expect(notMine.status).toBe(403);
  });

  it("another organisation can neither record into the project nor see its activities", async () => {
    const res = await fx.mombasaOfficer.post("/api/activities", {
      ...youthDialogue(projectId),
      placeId: "l:likoni",
    });
    expect(res.status).toBe(404);
    const list = await fx.mombasaOfficer.get("/api/activities");
    expect(list.body.activities).toEqual([]);
  });
});

describe("attendance", () => {
  let activityId: string;
  let regulars: string[];
  beforeAll(async () => {
    const created = await fx.nakuruOfficer.post("/api/activities", {
      ...youthDialogue(projectId, { heldOn: "2026-05-09" }),
      attendance: {
        newParticipants: Array.from({ length: 5 }, (_, i) => newPerson({ name: `Regular ${i}` })),
      },
    });
    regulars = created.body.created.map((p: { id: string }) => p.id);
    const next = await fx.nakuruOfficer.post(
      "/api/activities",
      youthDialogue(projectId, { heldOn: "2026-05-16" }),
    );
    activityId = next.body.activity.id;
  });

  it("takes existing people and new ones in one request, marking each once", async () => {
    const res = await fx.kaptembwoFacilitator.post(`/api/activities/${activityId}/attendance`, {
      participantIds: [...regulars, regulars[0]],
      newParticipants: [
        newPerson({ name: "Juma Otieno", gender: "male" }),
        newPerson({ name: "Mary Wambui" }),
      ],
      anonymous: [{ gender: "female", ageBand: "under_18", count: 6 }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.created.map((p: { name: string; placeName: string }) => [p.name, p.placeName])).toEqual([
      ["Juma Otieno", "Kaptembwo"],
      ["Mary Wambui", "Kaptembwo"],
    ]);
    expect(res.body.activity).toMatchObject({ namedAttendances: 7, anonymousAttendances: 6 });
    const twice = await fx.nakuruOfficer.post(`/api/activities/${activityId}/attendance`, {
      participantIds: regulars,
    });
    expect(twice.body.activity.namedAttendances).toBe(7);
  });

  it("warns when someone added on the spot may already be registered", async () => {
    const res = await fx.nakuruOfficer.post(`/api/activities/${activityId}/attendance`, {
      newParticipants: [newPerson({ name: "otieno JUMA", gender: "male" })],
    });
    expect(res.body.possibleDuplicates).toHaveLength(1);
    expect(res.body.possibleDuplicates[0].matches[0].name).toBe("Juma Otieno");
  });

  it("refuses people it cannot record, naming which, and records nobody", async () => {
    const mombasaPerson = await fx.mombasaOfficer.post("/api/participants", {
      organisationId: fx.coastOrgId,
      ...newPerson({ placeId: "l:likoni", name: "Coast Person" }),
    });
    expect(mombasaPerson.status).toBe(201);
    const res = await fx.nakuruOfficer.post(`/api/activities/${activityId}/attendance`, {
      participantIds: [regulars[1], mombasaPerson.body.participant.id],
      newParticipants: [newPerson({ name: "Not Saved" })],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["(body).participantIds.1"]);
    expect(JSON.stringify(res.body)).not.toContain("Coast Person");
    const search = await fx.nakuruOfficer.get("/api/participants?q=not%20saved");
    expect(search.body.participants).toEqual([]);
  });

  it("removes someone marked by mistake", async () => {
    const res = await fx.nakuruOfficer.post(`/api/activities/${activityId}/attendance/remove`, {
      participantIds: [regulars[4]],
    });
    expect(res.status).toBe(200);
    expect(res.body.activity.attendees.map((p: { id: string }) => p.id)).not.toContain(regulars[4]);
  });

  it("shows a viewer the attendance by code, never by name", async () => {
    const res = await fx.nakuruViewer.get(`/api/activities/${activityId}`);
    expect(res.status).toBe(200);
    expect(res.body.activity.attendees.length).toBeGreaterThan(0);
    for (const person of res.body.activity.attendees) {
      expect(person.name).toBeNull();
      expect(person.code).toMatch(/^P-/);
    }
    expect(
      (await fx.nakuruViewer.post(`/api/activities/${activityId}/attendance`, { participantIds: [] })).status,
    ).toBe(403);
  });

  it("lists activities newest first, filtered by type and place", async () => {
    const res = await fx.nakuruOfficer.get(
      `/api/activities?projectId=${projectId}&type=dialogue_session&placeId=w:0872`,
    );
    expect(res.status).toBe(200);
    const dates = res.body.activities.map((a: { heldOn: string }) => a.heldOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(res.body.activities[0]).toMatchObject({
      heldOn: "2026-05-16",
      namedAttendances: 7,
      anonymousAttendances: 6,
    });
    const bahati = await fx.nakuruOfficer.get(`/api/activities?projectId=${projectId}&placeId=l:bahati`);
    expect(bahati.body.activities).toEqual([]);
  });

  it("an action point outside the reader's organisation is not found", async () => {
    const activity = await fx.nakuruOfficer.get(`/api/activities/${activityId}`);
    const point = activity.body.activity.dialogue.actionPoints[0];
    const res = await fx.mombasaOfficer.patch(`/api/action-points/${point.id}`, { status: "kept" });
    expect(res.status).toBe(404);
  });
});
