import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, seedTwoCounties } from "../../test/fixtures.ts";
import { ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";

let server: TestServer;
let fx: Fixture;
let national: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  fx = await seedTwoCounties(server.deps);
  national = new ApiClient(server.url);
  await national.login("national@test.ke", PASSWORD);
});
afterAll(() => server?.close());

const newUser = (over: Record<string, unknown> = {}) => ({
  email: "Wanjiru.Monitor@Example.ORG",
  name: "Wanjiru Monitor",
  password: "a long enough password",
  roles: ["monitor"],
  organisationIds: [fx.riftOrgId],
  placeIds: ["c:032"],
  ...over,
});

describe("creating users", () => {
  it("an administrator creates a user, who can then sign in with the roles and areas given", async () => {
    const res = await national.post("/api/users", newUser());
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: "wanjiru.monitor@example.org",
      roles: ["monitor"],
      places: [{ id: "c:032", name: "Nakuru", kind: "county" }],
      canRevealIdentity: false,
    });
    const api = new ApiClient(server.url);
    expect((await api.login("wanjiru.monitor@example.org", "a long enough password")).status).toBe(200);
  });

  it("the same email twice is a conflict", async () => {
    const res = await national.post("/api/users", newUser({ email: "admin.nakuru@test.ke" }));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/already exists/);
  });

  it.each([
    ["an unknown field", { nickname: "x" }, "nickname"],
    ["a wrong type", { roles: "monitor" }, "roles"],
    ["an unknown role", { roles: ["chief"] }, "roles.0"],
    ["a too-long name", { name: "x".repeat(500) }, "name"],
    ["a short password", { password: "short" }, "password"],
    ["a malformed email", { email: "not-an-email" }, "email"],
    ["an unknown place code", { placeIds: ["c:999"] }, "placeIds"],
    [
      "an unknown organisation",
      { organisationIds: ["00000000-0000-4000-8000-000000000000"] },
      "organisationIds",
    ],
  ])("%s is a 400 naming the field", async (_label, override, field) => {
    const res = await national.post("/api/users", newUser({ email: `bad-${field}@test.ke`, ...override }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(res.body.error.message).toContain(field);
  });

  it("police and government roles can never be granted the right to see who reported", async () => {
    const res = await national.post(
      "/api/users",
      newUser({ email: "ocs2@test.ke", roles: ["responder"], canRevealIdentity: true }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe("canRevealIdentity");
  });

  it("a non-administrator cannot create users", async () => {
    const api = new ApiClient(server.url);
    await api.login("officer.mombasa@test.ke", PASSWORD);
    expect((await api.post("/api/users", newUser({ email: "x@test.ke" }))).status).toBe(403);
  });

  it("a county administrator cannot grant an area outside their county", async () => {
    const api = new ApiClient(server.url);
    await api.login("admin.nakuru@test.ke", PASSWORD);
    const res = await api.post("/api/users", newUser({ email: "sneaky@test.ke", placeIds: ["c:001"] }));
    expect(res.status).toBe(403);
  });
});

describe("changing users", () => {
  it("an administrator changes roles and deactivates a user; the change is audited with before and after", async () => {
    const created = (await national.post("/api/users", newUser({ email: "to-change@test.ke" }))).body.user;
    const updated = await national.patch(`/api/users/${created.id}`, {
      roles: ["facilitator"],
      active: false,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.user).toMatchObject({ roles: ["facilitator"], active: false });
    const login = await new ApiClient(server.url).login("to-change@test.ke", "a long enough password");
    expect(login.status).toBe(401);
    const audit = await national.get("/api/audit?limit=5");
    const entry = audit.body.entries.find((e: { action: string }) => e.action === "user.update");
    expect(entry).toMatchObject({ entityId: created.id, actorEmail: "national@test.ke" });
  });

  it("an administrator cannot deactivate themselves", async () => {
    const res = await national.patch(`/api/users/${fx.users.national?.id}`, { active: false });
    expect(res.status).toBe(400);
  });
});
