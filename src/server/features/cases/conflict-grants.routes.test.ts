// An administrator cannot make a person who is police or government (by role or by membership of a
// police station, chief's office or county inspectorate unit) also hold the right to see who reported
// or oversight of complaints against the police, from either side: the grant is refused with the
// reason, and nothing changes.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { signedIn } from "../../test/fixtures.ts";
import { type ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { type CaseFixture, seedCases } from "./cases-test.fixture.ts";

let server: TestServer;
let fx: CaseFixture;
let admin: ApiClient;
/** A programme officer trusted with identities, in no unit: made through the API, which allows it. */
let trusted: { id: string; name: string };

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedCases(server.deps);
  admin = await signedIn(server, "national@test.ke");
  const created = await admin.post("/api/users", {
    email: "trusted.po@test.ke",
    name: "Trusted Officer",
    password: "a long enough password",
    roles: ["programme_officer"],
    organisationIds: [fx.riftOrgId],
    placeIds: ["c:032"],
    canRevealIdentity: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  trusted = created.body.user;
});
afterAll(() => server?.close());

async function stateOf(userId: string) {
  const [user] = await queryRows<{ flag: boolean; roles: string[]; updates: number }>(
    server.deps.db,
    sql`select u.can_reveal_identity as flag,
        array(select role from user_roles r where r.user_id = u.id order by role) as roles,
        (select count(*)::int from audit_log a where a.entity_id = u.id::text and a.action = 'user.update') as updates
      from users u where u.id = ${userId}::uuid`,
  );
  return user;
}

async function membersOf(unitId: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    server.deps.db,
    sql`select user_id from responder_members where unit_id = ${unitId}::uuid order by user_id`,
  );
  return rows.map((r) => r.user_id);
}

describe("granting a right to police or government", () => {
  it.each([
    [
      "the reveal flag to a programme officer in a police station's unit",
      () => fx.people.policeOfficer.id,
      { canRevealIdentity: true },
      "canRevealIdentity",
      "membership of a police_station unit",
    ],
    [
      "the oversight role to a programme officer in a police station's unit",
      () => fx.people.policeOfficer.id,
      { roles: ["programme_officer", "oversight"] },
      "roles",
      "oversight of complaints against the police",
    ],
    [
      "the oversight role to a responder in a chief's office",
      () => fx.people.chief.id,
      { roles: ["responder", "oversight"] },
      "roles",
      "membership of a chief unit",
    ],
    [
      "the responder role to a programme officer trusted with identities",
      () => trusted.id,
      { roles: ["programme_officer", "responder"] },
      "roles",
      "the responder role",
    ],
  ])("refuses %s with the reason, and changes nothing", async (_label, id, change, field, reason) => {
    const before = await stateOf(id());
    const res = await admin.patch(`/api/users/${id()}`, change);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe(field);
    expect(res.body.error.message).toContain("Conflict of interest");
    expect(res.body.error.message).toContain(reason);
    expect(await stateOf(id())).toEqual(before);
  });

  it("refuses a new viewer trusted with identities", async () => {
    const res = await admin.post("/api/users", {
      email: "county.viewer@test.ke",
      name: "County Viewer",
      password: "a long enough password",
      roles: ["viewer"],
      organisationIds: [fx.riftOrgId],
      placeIds: ["c:032"],
      canRevealIdentity: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("the viewer role");
    const made = await queryRows(
      server.deps.db,
      sql`select id from users where email = 'county.viewer@test.ke'`,
    );
    expect(made).toEqual([]);
  });
});

describe("a person made police and trusted before this rule", () => {
  it("can still be edited without giving more, and have the flag taken away", async () => {
    await server.deps.db.execute(
      sql`update users set can_reveal_identity = true where id = ${fx.people.policeOfficer.id}::uuid`,
    );
    const url = `/api/users/${fx.people.policeOfficer.id}`;
    expect((await admin.patch(url, { name: "Renamed Officer", canRevealIdentity: true })).status).toBe(200);
    const station = await membersOf(fx.units.station);
    const unitEdit = await admin.post(`/api/responder-units/${fx.units.station}/members`, {
      members: station.map((userId) => ({ userId })),
    });
    expect(unitEdit.status, JSON.stringify(unitEdit.body)).toBe(200);
    const extra = await admin.patch(url, { roles: ["programme_officer", "monitor"] });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain("Conflict of interest");
    expect((await admin.patch(url, { canRevealIdentity: false })).status).toBe(200);
    expect(await stateOf(fx.people.policeOfficer.id)).toMatchObject({ flag: false });
  });
});

describe("making someone with such a right police or government by unit", () => {
  it.each([
    [
      "a programme officer trusted with identities to the police station",
      () => trusted,
      () => fx.units.station,
    ],
    [
      "the oversight desk to the chief's office",
      () => ({ id: fx.people.oversight.id, name: "ipoa" }),
      () => fx.units.chief,
    ],
  ])("refuses adding %s with the reason, and changes nothing", async (_label, person, unit) => {
    const before = await membersOf(unit());
    const res = await admin.post(`/api/responder-units/${unit()}/members`, {
      members: [...before.map((userId) => ({ userId })), { userId: person().id }],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain(`${person().name} cannot join`);
    expect(res.body.error.message).toContain("Conflict of interest");
    expect(await membersOf(unit())).toEqual(before);
  });

  it("lets the same person join a programme unit", async () => {
    const before = await membersOf(fx.units.programme);
    const res = await admin.post(`/api/responder-units/${fx.units.programme}/members`, {
      members: [...before.map((userId) => ({ userId })), { userId: trusted.id }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await membersOf(fx.units.programme)).toContain(trusted.id);
  });
});
