// The participant registry through the HTTP API: sealed personal data, search, duplicates, merge, consent.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../test/harness.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
import { participants } from "./participants.table.ts";
import {
  createProgramme,
  createProject,
  newPerson,
  type ProgrammeFixture,
  seedProgrammeStaff,
} from "./programmes.fixtures.ts";

let server: TestServer;
let fx: ProgrammeFixture;
let projectId: string;
beforeAll(async () => {
  server = await startTestServer();
  fx = await seedProgrammeStaff(server);
  const programme = await createProgramme(fx.nakuruOfficer, fx.riftOrgId);
  projectId = (await createProject(fx.nakuruOfficer, programme.id)).id;
});
afterAll(() => server?.close());

async function register(api: ApiClient, over: Record<string, unknown> = {}) {
  const res = await api.post("/api/participants", {
    organisationId: fx.riftOrgId,
    placeId: "l:kaptembwo",
    ...newPerson(over),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as {
    participant: { id: string; code: string; name: string | null };
    possibleDuplicates: { id: string }[];
  };
}

const names = (body: { participants: { name: string | null }[] }) => body.participants.map((p) => p.name);

describe("registering participants", () => {
  it("seals the name and phone, gives a pseudonymous code, and audits without personal data", async () => {
    const { participant } = await register(fx.nakuruOfficer, {
      name: "Wanjiru Kamau",
      phone: "0712 345 678",
    });
    expect(participant.code).toMatch(/^P-[0-9A-Z]{6}$/);
    expect(participant.name).toBe("Wanjiru Kamau");
    expect(participant).toMatchObject({ hasPhone: true, placeName: "Kaptembwo" });
    expect(JSON.stringify(participant)).not.toContain("712");
    const [row] = await server.deps.db.select().from(participants).where(eq(participants.id, participant.id));
    expect(JSON.stringify(row)).not.toMatch(/Wanjiru|Kamau|712345678/i);
    const audit = await server.deps.db.select().from(auditLog).where(eq(auditLog.entityId, participant.id));
    expect(audit.map((a) => a.action)).toEqual(["participant.create"]);
    expect(JSON.stringify(audit)).not.toMatch(/Wanjiru|Kamau|712345678/i);
  });

  it.each([
    ["no consent recorded", { consentPurposes: [] }, "consentPurposes"],
    ["a phone that is not Kenyan", { phone: "+44 20 7946 0958" }, "phone"],
    ["an unknown age band", { ageBand: "young" }, "ageBand"],
    ["an unknown place", { placeId: "l:atlantis" }, "placeId"],
  ])("%s is a 400 naming the field", async (_label, over, field) => {
    const res = await fx.nakuruOfficer.post("/api/participants", {
      organisationId: fx.riftOrgId,
      placeId: "l:kaptembwo",
      ...newPerson(over),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path.split(".").pop())).toContain(field);
  });

  it("cannot be done outside the registrar's areas or organisations", async () => {
    const bahati = await fx.kaptembwoFacilitator.post("/api/participants", {
      organisationId: fx.riftOrgId,
      ...newPerson({ placeId: "l:bahati" }),
    });
    expect(bahati.status).toBe(400);
    expect(bahati.body.error.message).toMatch(/outside your areas/);
    const otherOrg = await fx.nakuruOfficer.post("/api/participants", {
      organisationId: fx.coastOrgId,
      ...newPerson({ placeId: "l:kaptembwo" }),
    });
    expect(otherOrg.status).toBe(400);
  });
});

describe("finding participants", () => {
  let achieng: { id: string; code: string };
  beforeAll(async () => {
    achieng = (await register(fx.nakuruOfficer, { name: "Achieng' Otieno", ageBand: "25_34" })).participant;
    await register(fx.nakuruOfficer, { name: "Otieno Brian", placeId: "l:bahati" });
  });

  it("finds people as their name is typed, by the start of any word, in any case", async () => {
    expect(names((await fx.nakuruOfficer.get("/api/participants?q=ach")).body)).toEqual(["Achieng' Otieno"]);
    expect(names((await fx.nakuruOfficer.get("/api/participants?q=OTIE")).body).sort()).toEqual([
      "Achieng' Otieno",
      "Otieno Brian",
    ]);
    expect(names((await fx.nakuruOfficer.get("/api/participants?q=otieno%20br")).body)).toEqual([
      "Otieno Brian",
    ]);
    expect(names((await fx.nakuruOfficer.get("/api/participants?q=tieno")).body)).toEqual([]);
  });

  it("finds people by their code however it is typed", async () => {
    const res = await fx.nakuruOfficer.get(
      `/api/participants?q=${achieng.code.replace("-", "").toLowerCase()}`,
    );
    expect(res.body.participants.map((p: { id: string }) => p.id)).toEqual([achieng.id]);
  });

  it("shows a facilitator only the people of their ward", async () => {
    expect(names((await fx.kaptembwoFacilitator.get("/api/participants?q=otieno")).body)).toEqual([
      "Achieng' Otieno",
    ]);
  });

  it("never shows names to a viewer, nor lets them search by name", async () => {
    expect((await fx.nakuruViewer.get("/api/participants?q=achieng")).body.participants).toEqual([]);
    const byCode = await fx.nakuruViewer.get(`/api/participants?q=${achieng.code}`);
    expect(byCode.body.participants).toHaveLength(1);
    expect(byCode.body.participants[0].name).toBeNull();
    const one = await fx.nakuruViewer.get(`/api/participants/${achieng.id}`);
    expect(one.status).toBe(200);
    expect(one.body.participant.name).toBeNull();
  });

  it("hides another organisation's participants entirely", async () => {
    expect((await fx.mombasaOfficer.get("/api/participants?q=achieng")).body.participants).toEqual([]);
    expect((await fx.mombasaOfficer.get(`/api/participants?q=${achieng.code}`)).body.participants).toEqual(
      [],
    );
    expect((await fx.mombasaOfficer.get(`/api/participants/${achieng.id}`)).status).toBe(404);
    expect((await fx.mombasaOfficer.get("/api/participants/not-a-uuid")).status).toBe(404);
  });
});

describe("duplicates and merging", () => {
  it("flags the same phone written two ways, and the same name in another order, age band and place", async () => {
    const first = await register(fx.nakuruOfficer, { name: "Kamau Njoroge", phone: "+254 722 000 111" });
    const second = await register(fx.nakuruOfficer, { name: "K. Njoroge", phone: "0722000111" });
    expect(second.possibleDuplicates.map((p) => p.id)).toEqual([first.participant.id]);
    const third = await register(fx.nakuruOfficer, { name: "NJOROGE  kamau" });
    expect(third.possibleDuplicates.map((p) => p.id)).toEqual([first.participant.id]);
    const otherAge = await register(fx.nakuruOfficer, { name: "Kamau Njoroge", ageBand: "50_64" });
    expect(otherAge.possibleDuplicates).toEqual([]);

    const res = await fx.nakuruOfficer.get("/api/participants/duplicates");
    expect(res.status).toBe(200);
    const groups = res.body.duplicates.map((g: { reason: string; participants: { id: string }[] }) => [
      g.reason,
      g.participants.map((p) => p.id).sort(),
    ]);
    expect(groups).toContainEqual(["same_phone", [first.participant.id, second.participant.id].sort()]);
    expect(groups).toContainEqual([
      "same_name_age_place",
      [first.participant.id, third.participant.id].sort(),
    ]);
    expect((await fx.nakuruViewer.get("/api/participants/duplicates")).status).toBe(403);
  });

  it("a merge moves attendance, counts a shared session once, and is audited", async () => {
    const keep = (await register(fx.nakuruOfficer, { name: "Halima Said", ageBand: "35_49" })).participant;
    const dup = (
      await register(fx.nakuruOfficer, { name: "Halima Saidi", ageBand: "35_49", phone: "0733 111 222" })
    ).participant;
    const attend = (heldOn: string, ids: string[]) =>
      fx.nakuruOfficer.post("/api/activities", {
        projectId,
        type: "police_cafe",
        heldOn,
        placeId: "l:kaptembwo",
        attendance: { participantIds: ids },
      });
    await attend("2026-02-01", [keep.id, dup.id]);
    await attend("2026-02-08", [dup.id]);
    const reach = async () =>
      (
        await fx.nakuruOfficer.get(
          `/api/projects/${projectId}/reach?types=police_cafe&from=2026-02-01&to=2026-02-28`,
        )
      ).body.reach;
    expect(await reach()).toMatchObject({ uniqueParticipants: 2, namedAttendances: 3 });

    const merged = await fx.nakuruOfficer.post("/api/participants/merge", {
      keepId: keep.id,
      mergeId: dup.id,
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.participant).toMatchObject({
      id: keep.id,
      attendances: 2,
      hasPhone: true,
      name: "Halima Said",
    });
    expect(await reach()).toMatchObject({ uniqueParticipants: 1, namedAttendances: 2 });
    expect((await fx.nakuruOfficer.get(`/api/participants/${dup.id}`)).status).toBe(404);
    const [entry] = await server.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "participant.merge"));
    expect(entry?.after).toMatchObject({ attendancesMoved: 1, attendancesAlreadyPresent: 1 });
    expect(JSON.stringify(entry)).not.toMatch(/Halima|733111222/);
  });

  it("a merge across organisations or areas the merger cannot see is refused", async () => {
    const nakuru = (await register(fx.nakuruOfficer, { name: "Bahati Person", placeId: "l:bahati" }))
      .participant;
    const ward = (await register(fx.kaptembwoFacilitator, { name: "Ward Person" })).participant;
    const res = await fx.kaptembwoFacilitator.post("/api/participants/merge", {
      keepId: ward.id,
      mergeId: nakuru.id,
    });
    expect(res.status).toBe(404);
    const same = await fx.nakuruOfficer.post("/api/participants/merge", {
      keepId: ward.id,
      mergeId: ward.id,
    });
    expect(same.status).toBe(400);
  });
});

describe("consent", () => {
  it("withdrawing consent erases the name and phone but keeps the person in past counts", async () => {
    const person = (await register(fx.nakuruOfficer, { name: "Zawadi Mwende", phone: "0711 999 888" }))
      .participant;
    await fx.nakuruOfficer.post("/api/activities", {
      projectId,
      type: "training",
      heldOn: "2026-07-01",
      placeId: "l:kaptembwo",
      attendance: { participantIds: [person.id] },
    });
    const res = await fx.nakuruOfficer.post(`/api/participants/${person.id}/withdraw-consent`);
    expect(res.status).toBe(200);
    expect(res.body.participant).toMatchObject({
      name: null,
      hasPhone: false,
      consentWithdrawnOn: "2026-11-23",
    });
    expect((await fx.nakuruOfficer.get("/api/participants?q=zawadi")).body.participants).toEqual([]);
    const [row] = await server.deps.db.select().from(participants).where(eq(participants.id, person.id));
    expect(row).toMatchObject({
      nameSealed: null,
      phoneSealed: null,
      nameIndex: null,
      phoneIndex: null,
      namePrefixes: [],
    });
    const reach = await fx.nakuruOfficer.get(`/api/projects/${projectId}/reach?types=training`);
    expect(reach.body.reach.uniqueParticipants).toBe(1);
  });
});
