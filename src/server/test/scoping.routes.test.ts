// Area scoping, proven for every route that exists: a user scoped to Nakuru cannot read anything
// scoped to Mombasa. A new route fails the inventory test until it gets a case here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertScopingCases } from "../features/alerts/alerts.scoping.ts";
import { caseScopingCases } from "../features/cases/cases.scoping.ts";
import { programmeScopingCases } from "../features/programmes/programmes.scoping.ts";
import { referralScopingCases } from "../features/referrals/referrals.scoping.ts";
import { reportScopingCases } from "../features/reports/reports.scoping.ts";
import { storyScopingCases } from "../features/stories/stories.scoping.ts";
import { type Fixture, PASSWORD, seedTwoCounties } from "./fixtures.ts";
import { ApiClient, startTestServer, type TestServer } from "./harness.ts";

let server: TestServer;
let fx: Fixture;
let nakuru: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  fx = await seedTwoCounties(server.deps);
  // Something scoped to Mombasa in every table a route can read.
  const mombasa = new ApiClient(server.url);
  await mombasa.login("admin.mombasa@test.ke", PASSWORD);
  const coastCounty = (await mombasa.get("/api/places/c:001")).body.children[0].id;
  expect(
    (
      await mombasa.post("/api/places", {
        name: "Coast Secret Corner",
        parentId: coastCounty,
        localityKind: "village",
        aliases: [],
      })
    ).status,
  ).toBe(201);
  nakuru = new ApiClient(server.url);
  await nakuru.login("admin.nakuru@test.ke", PASSWORD);
});
afterAll(() => server?.close());

const MOMBASA_MARKERS = [
  "admin.mombasa@test.ke",
  "officer.mombasa@test.ke",
  "Coast Dialogue Trust",
  "Coast Secret Corner",
];
function expectNoMombasaData(body: unknown) {
  const text = JSON.stringify(body);
  for (const marker of MOMBASA_MARKERS) expect(text).not.toContain(marker);
  if (fx) {
    expect(text).not.toContain(fx.coastOrgId);
    expect(text).not.toContain(fx.users.mombasaAdmin?.id);
    expect(text).not.toContain(fx.users.mombasaOfficer?.id);
  }
}

type Attempt = () => Promise<void>;
const mombasaUserId = () => fx.users.mombasaOfficer?.id ?? "";

const CASES: Record<string, Attempt> = {
  ...alertScopingCases(() => ({ server, fx })),
  ...caseScopingCases(() => ({ server, fx, nakuru })),
  ...programmeScopingCases(() => ({ server, fx, nakuru })),
  ...referralScopingCases(() => ({ server, fx, nakuru })),
  ...reportScopingCases(() => ({ server, fx, nakuru })),
  ...storyScopingCases(() => ({ server, fx, nakuru })),
  // A failed message has no place yet: only staff covering the whole country see or re-run one.
  "GET /api/channels/failed": async () => {
    const res = await nakuru.get("/api/channels/failed");
    expect(res.status).toBe(403);
    expectNoMombasaData(res.body);
  },
  "POST /api/channels/failed/:id/retry": async () =>
    expect(
      (await nakuru.post("/api/channels/failed/7d5c3f7e-8a51-4b8e-9a55-2f0cbd3e0e11/retry")).status,
    ).toBe(403),
  // Outgoing messages have no area of their own either: the same rule as incoming ones.
  "GET /api/messaging/undelivered": async () => {
    const res = await nakuru.get("/api/messaging/undelivered");
    expect(res.status).toBe(403);
    expectNoMombasaData(res.body);
  },
  "POST /api/messaging/undelivered/:id/resend": async () =>
    expect(
      (await nakuru.post("/api/messaging/undelivered/7d5c3f7e-8a51-4b8e-9a55-2f0cbd3e0e11/resend")).status,
    ).toBe(403),
  "POST /api/messaging/undelivered/:id/confirm-sent": async () =>
    expect(
      (await nakuru.post("/api/messaging/undelivered/7d5c3f7e-8a51-4b8e-9a55-2f0cbd3e0e11/confirm-sent"))
        .status,
    ).toBe(403),
  "GET /api/health": async () => expectNoMombasaData((await nakuru.get("/api/health")).body),
  "POST /api/auth/login": async () =>
    expectNoMombasaData((await new ApiClient(server.url).login("admin.nakuru@test.ke", PASSWORD)).body),
  "GET /api/auth/me": async () => expectNoMombasaData((await nakuru.get("/api/auth/me")).body),
  "PATCH /api/auth/me": async () =>
    expectNoMombasaData((await nakuru.patch("/api/auth/me", { locale: "en" })).body),
  "POST /api/auth/two-factor": async () =>
    expectNoMombasaData((await nakuru.post("/api/auth/two-factor", { code: "123456" })).body),
  "POST /api/auth/two-factor/setup": async () => {
    const api = new ApiClient(server.url);
    await api.login("ocs.nakuru@test.ke", PASSWORD);
    expectNoMombasaData((await api.post("/api/auth/two-factor/setup")).body);
  },
  "POST /api/auth/two-factor/enable": async () =>
    expectNoMombasaData((await nakuru.post("/api/auth/two-factor/enable", { code: "123456" })).body),
  "POST /api/auth/two-factor/disable": async () =>
    expectNoMombasaData((await nakuru.post("/api/auth/two-factor/disable", { password: "x" })).body),
  "POST /api/auth/password": async () =>
    expectNoMombasaData(
      (await nakuru.post("/api/auth/password", { currentPassword: "wrong", newPassword: "whatever-long" }))
        .body,
    ),
  "POST /api/auth/logout": async () => {
    const api = new ApiClient(server.url);
    await api.login("admin.nakuru@test.ke", PASSWORD);
    expect((await api.post("/api/auth/logout")).status).toBe(204);
  },
  "GET /api/roles": async () => expectNoMombasaData((await nakuru.get("/api/roles")).body),
  "GET /api/users": async () => {
    const res = await nakuru.get("/api/users");
    expect(res.status).toBe(200);
    expect(res.body.users.map((u: { email: string }) => u.email)).toContain("admin.nakuru@test.ke");
    expectNoMombasaData(res.body);
    expectNoMombasaData((await nakuru.get("/api/users?q=mombasa")).body);
    expectNoMombasaData((await nakuru.get(`/api/users?organisationId=${fx.coastOrgId}`)).body);
  },
  "POST /api/users": async () => {
    const res = await nakuru.post("/api/users", {
      email: "probe@test.ke",
      name: "Probe",
      password: "long enough pass",
      roles: ["monitor"],
      organisationIds: [fx.coastOrgId],
      placeIds: ["c:001"],
    });
    expect(res.status).toBe(403);
    expectNoMombasaData(res.body);
  },
  "GET /api/users/:id": async () => {
    const res = await nakuru.get(`/api/users/${mombasaUserId()}`);
    expect(res.status).toBe(404);
    expectNoMombasaData(res.body);
  },
  "PATCH /api/users/:id": async () => {
    const res = await nakuru.patch(`/api/users/${mombasaUserId()}`, { name: "Renamed" });
    expect(res.status).toBe(404);
    expectNoMombasaData(res.body);
  },
  "POST /api/users/:id/reset-password": async () => {
    const res = await nakuru.post(`/api/users/${mombasaUserId()}/reset-password`, {
      password: "hijacked-password",
    });
    expect(res.status).toBe(404);
  },
  "GET /api/organisations": async () => {
    const res = await nakuru.get("/api/organisations");
    expect(res.body.organisations.map((o: { name: string }) => o.name)).toEqual([
      "Rift Valley Peace Network",
    ]);
    expectNoMombasaData(res.body);
  },
  "POST /api/organisations": async () => {
    const res = await nakuru.post("/api/organisations", { name: "Nakuru Youth Forum", shortName: "NYF" });
    expect(res.status).toBe(201);
    expectNoMombasaData(res.body);
  },
  "GET /api/audit": async () => {
    const res = await nakuru.get("/api/audit?limit=500");
    expect(res.status).toBe(200);
    expect(res.body.entries.length).toBeGreaterThan(0);
    expectNoMombasaData(res.body);
  },
  // The gazetteer itself is public reference data (the public report form lists every county);
  // a locality added by Mombasa staff is theirs, but its name is shown to no one's harm. What Nakuru
  // must not do is write into Mombasa.
  "GET /api/places": async () => expect((await nakuru.get("/api/places?q=nakuru")).status).toBe(200),
  "GET /api/places/:id": async () => expect((await nakuru.get("/api/places/c:032")).status).toBe(200),
  "POST /api/places": async () => {
    const res = await nakuru.post("/api/places", {
      name: "Intrusion",
      parentId: "c:001",
      localityKind: "village",
      aliases: [],
    });
    expect(res.status).toBe(403);
  },
};

describe("a user scoped to Nakuru cannot read anything scoped to Mombasa", () => {
  it("every route of the API has a case here", () => {
    const apiRoutes = server.app.registeredRoutes.filter((r) => r.includes(" /api/"));
    expect(apiRoutes.filter((r) => !(r in CASES))).toEqual([]);
  });

  for (const [route, attempt] of Object.entries(CASES)) it(route, attempt);
});
