// The referral part of the demo data set: a Nakuru facilitator refers a few clearly synthetic people
// to the demo counsellor, who has accepted some and recorded follow-ups. Made through the services,
// so it is audited like real data; names end in "(demo)" so nobody mistakes them for real people.
import { isPoliceOrGovernment } from "../../../common/conflict-of-interest.ts";
import { permissionsOf, type Role } from "../../../common/roles.ts";
import type { Deps } from "../../deps.ts";
import type { Principal } from "../../lib/scope.ts";
import { addReferralFollowUp, changeReferralStatus } from "./referral-lifecycle.service.ts";
import * as repo from "./referrals.repo.ts";
import { createReferral } from "./referrals.service.ts";

export const DEMO_REFERRER = "facilitator.nakuru@baraza.test";
export const DEMO_COUNSELLOR = "counsellor@baraza.test";

async function principalFor(deps: Deps, email: string, role: Role, organisationId: string, places: string[]) {
  const user = await repo.findUserByEmail(deps.db, email);
  if (!user) throw new Error(`The demo user ${email} is missing`);
  const principal: Principal = {
    userId: user.id,
    email,
    roles: [role],
    permissions: permissionsOf([role]),
    scope: { allPlaces: false, placePaths: places, organisationIds: [organisationId] },
    canRevealIdentity: false,
    policeOrGovernment: isPoliceOrGovernment({ roles: [role], unitKinds: [] }),
  };
  return principal;
}

const daysFromNow = (deps: Deps, days: number) =>
  new Date(deps.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

export async function seedReferralsDemo(deps: Deps, organisationId: string): Promise<void> {
  const project = await repo.firstProjectOf(deps.db, organisationId);
  if (!project) return;
  const referrer = await principalFor(deps, DEMO_REFERRER, "facilitator", organisationId, ["c:032"]);
  const counsellor = await principalFor(deps, DEMO_COUNSELLOR, "counsellor", organisationId, ["c:001"]);
  const [first, second] = await repo.someParticipants(deps.db, organisationId, "l:kaptembwo", 2);
  const base = {
    projectId: project.id,
    placeId: "l:kaptembwo",
    consent: true as const,
    counsellorId: counsellor.userId,
  };
  const made = [];
  if (first)
    made.push(
      await createReferral(deps, referrer, {
        ...base,
        person: { participantId: first.id },
        type: "trauma_counselling",
        reason: "Witnessed the attack at the market in March (demo); not sleeping since.",
        nextFollowUpOn: daysFromNow(deps, -2),
      }),
    );
  made.push(
    await createReferral(deps, referrer, {
      ...base,
      person: { name: "Juma Mfano (demo)", phone: "0700 000 101", gender: "male", ageBand: "18_24" },
      type: "reintegration_support",
      subtype: "leaving_gang",
      reason: "Wants to leave a youth group involved in robberies (demo); asked for vocational training.",
      notes: "Prefers meetings at the youth centre (demo).",
      nextFollowUpOn: daysFromNow(deps, 7),
    }),
  );
  await createReferral(deps, referrer, {
    ...base,
    person: { name: "Halima Sampuli (demo)", gender: "female", ageBand: "25_34" },
    type: "reintegration_support",
    subtype: "returnee",
    reason: "Returned from abroad last month (demo); family asked for support.",
  });
  if (second)
    await createReferral(deps, referrer, {
      ...base,
      person: { participantId: second.id },
      type: "gbv_support",
      reason: "Asked for support after violence at home (demo).",
    });
  for (const referral of made) {
    await changeReferralStatus(deps, counsellor, referral.id, { status: "accepted" });
    await addReferralFollowUp(deps, counsellor, referral.id, {
      heldOn: daysFromNow(deps, 0),
      note: "First session held; agreed on a plan (demo).",
      nextFollowUpOn: referral.nextFollowUpOn,
    });
  }
  const [, inSupport] = made;
  if (inSupport) await changeReferralStatus(deps, counsellor, inSupport.id, { status: "in_support" });
}
