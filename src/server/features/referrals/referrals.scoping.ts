// Scoping cases for every referral route, spread into CASES in src/server/test/scoping.routes.test.ts:
// a Coast referral in Mombasa, made by the Coast programme officer to a Coast counsellor, is
// unreachable for Nakuru staff: the administrator (reads programme data) and a Nakuru counsellor.
import { expect } from "vitest";
import { type Fixture, makeUser, PASSWORD } from "../../test/fixtures.ts";
import { ApiClient, type TestServer } from "../../test/harness.ts";

interface Context {
  server: TestServer;
  fx: Fixture;
  /** Signed in as the Nakuru administrator (programmes.read). */
  nakuru: ApiClient;
}

interface MombasaReferral {
  projectId: string;
  referralId: string;
  counsellorId: string;
}

const SECRET = "Coast Referral Secret";

async function signIn(server: TestServer, email: string): Promise<ApiClient> {
  const api = new ApiClient(server.url);
  expect((await api.login(email, PASSWORD)).status).toBe(200);
  return api;
}

async function seedMombasa({ server, fx }: Context): Promise<MombasaReferral> {
  const counsellor = await makeUser(
    server.deps,
    "counsellor.mombasa.scoping@test.ke",
    ["counsellor"],
    [fx.coastOrgId],
    ["c:001"],
  );
  const coast = await signIn(server, "officer.mombasa@test.ke");
  const ok = <T>(res: { status: number; body: T }) => {
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  const { programme } = ok(
    await coast.post("/api/programmes", {
      organisationId: fx.coastOrgId,
      name: `${SECRET} Programme`,
      placeId: "c:001",
    }),
  );
  const { project } = ok(
    await coast.post("/api/projects", {
      programmeId: programme.id,
      name: `${SECRET} Project`,
      placeId: "c:001",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    }),
  );
  const { referral } = ok(
    await coast.post("/api/referrals", {
      projectId: project.id,
      placeId: "l:likoni",
      person: { name: `${SECRET} Person`, phone: "0733 444 555", gender: "female", ageBand: "18_24" },
      type: "reintegration_support",
      subtype: "returnee",
      reason: `${SECRET} reason`,
      consent: true,
      counsellorId: counsellor.id,
    }),
  );
  return { projectId: project.id, referralId: referral.id, counsellorId: counsellor.id };
}

type Attempt = () => Promise<void>;

export function referralScopingCases(context: () => Context): Record<string, Attempt> {
  let data: Promise<MombasaReferral> | undefined;
  let counsellor: Promise<ApiClient> | undefined;
  const mombasa = () => {
    data ??= seedMombasa(context());
    return data;
  };
  /** A Nakuru counsellor: holds referrals.manage, so refusals below are about scope, not permission. */
  const nakuruCounsellor = () => {
    const { server, fx } = context();
    counsellor ??= makeUser(
      server.deps,
      "counsellor.nakuru.scoping@test.ke",
      ["counsellor"],
      [fx.riftOrgId],
      ["c:032"],
    ).then(() => signIn(server, "counsellor.nakuru.scoping@test.ke"));
    return counsellor;
  };
  const expectNothingOf = async (body: unknown) => {
    const m = await mombasa();
    const text = JSON.stringify(body);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/733\s*444\s*555/);
    for (const id of [m.projectId, m.referralId, m.counsellorId, context().fx.coastOrgId])
      expect(text).not.toContain(id);
  };
  /** Both Nakuru users try; each gets `status` (or, lacking the permission, 403) and learns nothing. */
  const attempt =
    (
      status: number,
      request: (api: ApiClient, m: MombasaReferral) => Promise<{ status: number; body: unknown }>,
    ) =>
    async () => {
      const m = await mombasa();
      for (const api of [context().nakuru, await nakuruCounsellor()]) {
        const res = await request(api, m);
        if (api === context().nakuru && res.status === 403) continue;
        expect(res.status).toBe(status);
        await expectNothingOf(res.body);
      }
    };
  return {
    "GET /api/referrals": attempt(200, (api) => api.get("/api/referrals")),
    "POST /api/referrals": attempt(400, (api, m) =>
      api.post("/api/referrals", {
        projectId: m.projectId,
        placeId: "l:likoni",
        person: { name: "Intrusion", gender: "male", ageBand: "18_24" },
        type: "other",
        reason: "Intrusion attempt",
        consent: true,
        counsellorId: m.counsellorId,
      }),
    ),
    "GET /api/referrals/counsellors": attempt(400, (api, m) =>
      api.get(`/api/referrals/counsellors?projectId=${m.projectId}`),
    ),
    "GET /api/referrals/:id": attempt(404, (api, m) => api.get(`/api/referrals/${m.referralId}`)),
    "POST /api/referrals/:id/status": attempt(404, (api, m) =>
      api.post(`/api/referrals/${m.referralId}/status`, { status: "accepted" }),
    ),
    "POST /api/referrals/:id/follow-ups": attempt(404, (api, m) =>
      api.post(`/api/referrals/${m.referralId}/follow-ups`, { heldOn: "2026-03-01", note: "Intrusion" }),
    ),
    "POST /api/referrals/:id/counsellor": attempt(404, (api, m) =>
      api.post(`/api/referrals/${m.referralId}/counsellor`, { counsellorId: m.counsellorId }),
    ),
    "GET /api/projects/:id/referral-counts": async () => {
      const m = await mombasa();
      const res = await context().nakuru.get(`/api/projects/${m.projectId}/referral-counts`);
      expect(res.status).toBe(404);
      await expectNothingOf(res.body);
    },
  };
}
