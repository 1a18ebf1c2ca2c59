// The responder directory and routing rules through the API: who may edit them, within which
// areas, and the dry-run explanation of where a case would go.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { type Fixture, seedTwoCounties, signedIn } from "../../test/fixtures.ts";
import { type ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";

let server: TestServer;
let fx: Fixture;
let national: ApiClient;
let nakuru: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedTwoCounties(server.deps);
  national = await signedIn(server, "national@test.ke");
  nakuru = await signedIn(server, "admin.nakuru@test.ke");
});
afterAll(() => server?.close());

describe("responder units", () => {
  it("an administrator adds a unit in their area with members, whose phones are sealed and never shown", async () => {
    const created = await nakuru.post("/api/responder-units", {
      name: "Kaptembwo Police Station",
      kind: "police_station",
      organisationId: fx.riftOrgId,
      areaPlaceIds: ["w:0872"],
    });
    expect(created.status).toBe(201);
    expect(created.body.unit).toMatchObject({
      kind: "police_station",
      categories: [],
      areas: [{ id: "w:0872", name: "Kaptembwo", path: "c:032/s:175/w:0872" }],
    });
    const id = created.body.unit.id;
    const members = await nakuru.post(`/api/responder-units/${id}/members`, {
      members: [{ userId: fx.users.nakuruResponder?.id, supervisor: true, phone: "0711 000 123" }],
    });
    expect(members.status).toBe(200);
    expect(members.body.unit.members).toEqual([
      {
        userId: fx.users.nakuruResponder?.id,
        name: "ocs.nakuru",
        email: "ocs.nakuru@test.ke",
        supervisor: true,
        hasPhone: true,
      },
    ]);
    expect(JSON.stringify(members.body)).not.toContain("711000123");
    const stored = await queryRows<{ phone_sealed: string }>(
      server.deps.db,
      sql`select phone_sealed from responder_members`,
    );
    expect(stored[0]?.phone_sealed).not.toContain("711000123");
    const audit = await queryRows<{ after: unknown }>(
      server.deps.db,
      sql`select after from audit_log where action = 'responder_unit.set_members'`,
    );
    expect(JSON.stringify(audit)).not.toContain("711000123");

    const badPhone = await nakuru.post(`/api/responder-units/${id}/members`, {
      members: [{ userId: fx.users.nakuruResponder?.id, phone: "12345678901" }],
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.fields[0].path).toBe("members.0.phone");

    const renamed = await nakuru.patch(`/api/responder-units/${id}`, {
      name: "Kaptembwo Police Station (OCS)",
      categories: ["gang_crime"],
    });
    expect(renamed.body.unit).toMatchObject({
      name: "Kaptembwo Police Station (OCS)",
      categories: ["gang_crime"],
    });
  });

  it("keeps each administrator to their own areas, organisations and users", async () => {
    const outside = await nakuru.post("/api/responder-units", {
      name: "Likoni Police Station",
      kind: "police_station",
      organisationId: fx.riftOrgId,
      areaPlaceIds: ["s:004"],
    });
    expect(outside.status).toBe(403);
    const otherOrg = await nakuru.post("/api/responder-units", {
      name: "Coast desk",
      kind: "programme",
      organisationId: fx.coastOrgId,
      areaPlaceIds: ["c:032"],
    });
    expect(otherOrg.status).toBe(403);
    const likoni = await national.post("/api/responder-units", {
      name: "Likoni Police Station",
      kind: "police_station",
      organisationId: fx.coastOrgId,
      areaPlaceIds: ["s:004"],
    });
    expect(likoni.status).toBe(201);
    const list = await nakuru.get("/api/responder-units");
    expect(list.body.units.map((u: { name: string }) => u.name)).toEqual(["Kaptembwo Police Station (OCS)"]);
    expect(
      (await nakuru.patch(`/api/responder-units/${likoni.body.unit.id}`, { active: false })).status,
    ).toBe(404);
    const unitId = list.body.units[0].id;
    const foreignMember = await nakuru.post(`/api/responder-units/${unitId}/members`, {
      members: [{ userId: fx.users.mombasaOfficer?.id }],
    });
    expect(foreignMember.status).toBe(404);
    const unknownKind = await nakuru.post("/api/responder-units", {
      name: "Somebody",
      kind: "army",
      organisationId: fx.riftOrgId,
      areaPlaceIds: ["c:032"],
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.error.fields[0].path).toBe("kind");
  });

  it("is for administrators to edit and programme staff to read, not for responders", async () => {
    const ocs = await signedIn(server, "ocs.nakuru@test.ke");
    expect((await ocs.get("/api/responder-units")).status).toBe(403);
    const officer = await signedIn(server, "officer.mombasa@test.ke");
    expect(
      (await officer.get("/api/responder-units")).body.units.map((u: { name: string }) => u.name),
    ).toEqual(["Likoni Police Station"]);
    expect(
      (
        await officer.post("/api/responder-units", {
          name: "x",
          kind: "chief",
          organisationId: fx.coastOrgId,
          areaPlaceIds: ["c:001"],
        })
      ).status,
    ).toBe(403);
  });
});

describe("routing rules", () => {
  it("rules that apply anywhere are for nationwide administrators; county ones for the county's", async () => {
    const anywhere = {
      name: "Emergencies to police",
      urgencies: ["emergency"],
      targetKinds: ["police_station"],
    };
    expect((await nakuru.post("/api/routing-rules", anywhere)).status).toBe(403);
    const created = await national.post("/api/routing-rules", anywhere);
    expect(created.status).toBe(201);
    expect(created.body.rule).toMatchObject({
      place: null,
      categories: [],
      priority: 100,
      isDefault: false,
      active: true,
    });
    const county = await nakuru.post("/api/routing-rules", {
      name: "Nakuru communal conflict to the peace committee",
      categories: ["communal_conflict"],
      placeId: "c:032",
      targetKinds: ["peace_committee"],
    });
    expect(county.status).toBe(201);
    expect(county.body.rule.place).toEqual({ id: "c:032", name: "Nakuru", path: "c:032" });
    const coast = await national.post("/api/routing-rules", {
      name: "Coast default",
      placeId: "c:001",
      targetKinds: ["programme"],
      isDefault: true,
    });
    expect((await nakuru.get("/api/routing-rules")).body.rules.map((r: { name: string }) => r.name)).toEqual([
      "Emergencies to police",
      "Nakuru communal conflict to the peace committee",
    ]);
    expect((await nakuru.patch(`/api/routing-rules/${coast.body.rule.id}`, { active: false })).status).toBe(
      404,
    );
    expect((await nakuru.patch(`/api/routing-rules/${created.body.rule.id}`, { active: false })).status).toBe(
      403,
    );
    const edited = await nakuru.patch(`/api/routing-rules/${county.body.rule.id}`, {
      priority: 10,
      targetKinds: ["peace_committee", "chief"],
    });
    expect(edited.body.rule).toMatchObject({ priority: 10, targetKinds: ["peace_committee", "chief"] });
    expect((await nakuru.post("/api/routing-rules", { name: "No targets", targetKinds: [] })).status).toBe(
      400,
    );
  });

  it("explains where a case would go, naming only units the reader may see", async () => {
    const res = await nakuru.post("/api/routing-rules/explain", {
      category: "gang_crime",
      urgency: "emergency",
      placeId: "l:kaptembwo",
    });
    expect(res.status).toBe(200);
    expect(res.body.explanation.units).toEqual([
      expect.objectContaining({
        unitName: "Kaptembwo Police Station (OCS)",
        reasons: [expect.objectContaining({ ruleName: "Emergencies to police", unitPlaceLevel: "ward" })],
      }),
    ]);
    const national404 = await national.post("/api/routing-rules/explain", {
      category: "gang_crime",
      urgency: "emergency",
      placeId: "s:004",
    });
    expect(national404.body.explanation.units.map((u: { unitName: string }) => u.unitName)).toEqual([
      "Likoni Police Station",
    ]);
    const fromNakuru = await nakuru.post("/api/routing-rules/explain", {
      category: "gang_crime",
      urgency: "emergency",
      placeId: "s:004",
    });
    expect(fromNakuru.status).toBe(403);
    expect(JSON.stringify(fromNakuru.body)).not.toContain("Likoni");
  });
});
