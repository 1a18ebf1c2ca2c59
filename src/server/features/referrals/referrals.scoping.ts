// Scoping cases for every referral route, spread into CASES in src/server/test/scoping.routes.test.ts:
// a Coast referral in Mombasa, made by the Coast programme officer to a Coast counsellor, is
// unreachable for Nakuru staff: the administrator (reads programme data) and a Nakuru counsellor.
import { expect } from "vitest";
import { makeUser } from "../../test/fixtures.ts";
import type { ApiClient } from "../../test/harness.ts";
import {
  type Attempt,
  nakuruAttempts,
  ok,
  type ScopingContext,
  seedMombasaProject,
} from "../../test/scoping-cases.ts";

interface MombasaReferral {
  projectId: string;
  referralId: string;
  counsellorId: string;
}

const SECRET = "Coast Referral Secret";

async function seedMombasa(coast: ApiClient, { server, fx }: ScopingContext): Promise<MombasaReferral> {
  const counsellor = await makeUser(
    server.deps,
    "counsellor.mombasa.scoping@test.ke",
    ["counsellor"],
    [fx.coastOrgId],
    ["c:001"],
  );
  const { projectId } = await seedMombasaProject(coast, fx, SECRET);
  const { referral } = ok(
    await coast.post("/api/referrals", {
      projectId,
      placeId: "l:likoni",
      person: { name: `${SECRET} Person`, phone: "0733 444 555", gender: "female", ageBand: "18_24" },
      type: "reintegration_support",
      subtype: "returnee",
      reason: `${SECRET} reason`,
      consent: true,
      counsellorId: counsellor.id,
    }),
  );
  return { projectId, referralId: referral.id, counsellorId: counsellor.id };
}

export function referralScopingCases(context: () => ScopingContext): Record<string, Attempt> {
  const expectNothingOf = (body: unknown, m: MombasaReferral) => {
    const text = JSON.stringify(body);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/733\s*444\s*555/);
    for (const id of [m.projectId, m.referralId, m.counsellorId, context().fx.coastOrgId])
      expect(text).not.toContain(id);
  };
  const { mombasa, attempt } = nakuruAttempts({
    context,
    seed: seedMombasa,
    // A Nakuru counsellor: holds referrals.manage, so refusals below are about scope, not permission.
    writer: { email: "counsellor.nakuru.scoping@test.ke", roles: ["counsellor"] },
    expectNothingOf,
  });
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
      expectNothingOf(res.body, m);
    },
  };
}
