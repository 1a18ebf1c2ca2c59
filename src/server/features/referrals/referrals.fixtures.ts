// Shared set-up for the referral route tests: the programme staff fixture plus counsellors, and a
// helper that makes a referral through the API as the referral form does.
import { expect } from "vitest";
import { makeUser } from "../../test/fixtures.ts";
import type { ApiClient, TestServer } from "../../test/harness.ts";
import {
  createProgramme,
  createProject,
  type ProgrammeFixture,
  seedProgrammeStaff,
  signedIn,
} from "../programmes/programmes.fixtures.ts";

export interface ReferralFixture extends ProgrammeFixture {
  projectId: string;
  /** Counsellor of the Rift org, the one referrals go to. */
  counsellor: ApiClient;
  counsellorId: string;
  /** Another counsellor of the Rift org: sees nothing that is not hers. */
  otherCounsellor: ApiClient;
  otherCounsellorId: string;
  /** A counsellor of the Coast org: never a valid choice for a Rift referral. */
  coastCounsellorId: string;
}

export async function seedReferralStaff(server: TestServer): Promise<ReferralFixture> {
  const fx = await seedProgrammeStaff(server);
  const { deps } = server;
  const rift = [fx.riftOrgId];
  const counsellor = await makeUser(deps, "counsellor.nakuru@test.ke", ["counsellor"], rift, ["c:032"]);
  const other = await makeUser(deps, "counsellor.other@test.ke", ["counsellor"], rift, ["c:032"]);
  const coast = await makeUser(deps, "counsellor.coast@test.ke", ["counsellor"], [fx.coastOrgId], ["c:001"]);
  const programme = await createProgramme(fx.nakuruOfficer, fx.riftOrgId);
  const project = await createProject(fx.nakuruOfficer, programme.id);
  return {
    ...fx,
    projectId: project.id,
    counsellor: await signedIn(server, counsellor.email),
    counsellorId: counsellor.id,
    otherCounsellor: await signedIn(server, other.email),
    otherCounsellorId: other.id,
    coastCounsellorId: coast.id,
  };
}

export const referralBody = (fx: ReferralFixture, over: Record<string, unknown> = {}) => ({
  projectId: fx.projectId,
  placeId: "l:kaptembwo",
  person: { name: "Baraka Sampuli", phone: "0722 000 111", gender: "male", ageBand: "18_24" },
  type: "reintegration_support",
  subtype: "leaving_gang",
  reason: "Wants out of the Kaptembwo group after the June arrests",
  notes: "Prefers to meet at the church hall",
  consent: true,
  counsellorId: fx.counsellorId,
  nextFollowUpOn: "2026-11-30",
  ...over,
});

export async function makeReferral(
  api: ApiClient,
  fx: ReferralFixture,
  over: Record<string, unknown> = {},
): Promise<{ id: string; person: { name: string | null; participantCode: string | null } }> {
  const res = await api.post("/api/referrals", referralBody(fx, over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.referral;
}
