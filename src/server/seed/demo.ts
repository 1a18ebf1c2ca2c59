// The demo data set: clearly synthetic organisations and staff across the seed programmes' areas,
// created through the same services as real data (so that it is audited like real data).
import type { Role } from "../../common/roles.ts";
import { cliPrincipal } from "../cli/context.ts";
import type { Deps } from "../deps.ts";
import { seedAlertsDemo } from "../features/alerts/alerts.demo.ts";
import { seedCasesDemo } from "../features/cases/cases.demo.ts";
import { seedChannelsDemo } from "../features/channels/channels.demo.ts";
import { createOrganisation } from "../features/organisations/organisations.service.ts";
import { seedProgrammesDemo } from "../features/programmes/programmes.demo.ts";
import { seedReferralsDemo } from "../features/referrals/referrals.demo.ts";
import { seedStoriesDemo } from "../features/stories/stories.demo.ts";
import { countUsers, createUser } from "../features/users/users.service.ts";

export const DEMO_PASSWORD = "baraza-demo-2026";

const DEMO_ORGANISATIONS = [
  { key: "pm", name: "Pamoja Mtaani Partners (demo)", shortName: "PM-demo" },
  { key: "cti", name: "Community Together Initiative (demo)", shortName: "CTI-demo" },
  { key: "rv", name: "REINVENT Coast & Rift (demo)", shortName: "RV-demo" },
] as const;
type OrgKey = (typeof DEMO_ORGANISATIONS)[number]["key"];

// Counties by IEBC code: 001 Mombasa, 002 Kwale, 003 Kilifi, 004 Tana River, 030 Baringo, 032 Nakuru, 047 Nairobi.
const DEMO_USERS: {
  email: string;
  name: string;
  roles: Role[];
  orgs: OrgKey[];
  places: string[];
  reveal?: boolean;
}[] = [
  {
    email: "admin@baraza.test",
    name: "Amina Demo (Administrator)",
    roles: ["admin"],
    orgs: ["pm", "cti", "rv"],
    places: ["ke"],
  },
  {
    email: "officer@baraza.test",
    name: "Brian Demo (Programme officer, Nairobi)",
    roles: ["programme_officer"],
    orgs: ["pm", "cti"],
    places: ["c:047"],
    reveal: true,
  },
  {
    email: "officer.nakuru@baraza.test",
    name: "Chebet Demo (Programme officer, Nakuru)",
    roles: ["programme_officer"],
    orgs: ["rv"],
    places: ["c:032"],
  },
  {
    email: "officer.mombasa@baraza.test",
    name: "Dalmas Demo (Programme officer, Mombasa)",
    roles: ["programme_officer"],
    orgs: ["rv"],
    places: ["c:001"],
  },
  {
    email: "me@baraza.test",
    name: "Esther Demo (M&E officer)",
    roles: ["me_officer"],
    orgs: ["rv"],
    places: ["c:001", "c:002", "c:003", "c:004", "c:030", "c:032"],
  },
  {
    email: "facilitator@baraza.test",
    name: "Fatuma Demo (Facilitator, Korogocho)",
    roles: ["facilitator"],
    orgs: ["pm"],
    places: ["c:047"],
  },
  {
    email: "facilitator.nakuru@baraza.test",
    name: "Wanjiku Demo (Facilitator, Nakuru)",
    roles: ["facilitator"],
    orgs: ["rv"],
    places: ["c:032"],
  },
  {
    email: "monitor@baraza.test",
    name: "George Demo (Peace monitor, Kamukunji)",
    roles: ["monitor"],
    orgs: ["cti"],
    places: ["c:047"],
  },
  {
    email: "responder.kaptembwo@baraza.test",
    name: "Hassan Demo (OCS, Kaptembwo)",
    roles: ["responder"],
    orgs: ["rv"],
    places: ["c:032"],
  },
  {
    // The supervisor of the Kaptembwo station unit: the first rung of the escalation ladder.
    email: "commander.nakuru@baraza.test",
    name: "Peter Demo (Sub-county police commander, Nakuru Town West)",
    roles: ["responder"],
    orgs: ["rv"],
    places: ["s:175"],
  },
  {
    email: "oversight@baraza.test",
    name: "Irene Demo (Oversight desk)",
    roles: ["oversight"],
    orgs: ["pm", "cti", "rv"],
    places: ["ke"],
  },
  {
    email: "counsellor@baraza.test",
    name: "Joseph Demo (Counsellor, Mombasa)",
    roles: ["counsellor"],
    orgs: ["rv"],
    places: ["c:001"],
  },
  {
    email: "viewer@baraza.test",
    name: "Kamau Demo (County government viewer, Baringo)",
    roles: ["viewer"],
    orgs: ["rv"],
    places: ["c:030"],
  },
];

export interface DemoLogin {
  email: string;
  roles: Role[];
  areas: string;
}

/** Seeds the demo data set into an empty installation; does nothing (and says so) when users exist. */
export async function seedDemo(deps: Deps): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  const logins = DEMO_USERS.map((u) => ({ email: u.email, roles: u.roles, areas: u.places.join(", ") }));
  if ((await countUsers(deps)) > 0) return { seeded: false, logins };
  let principal = await cliPrincipal(deps);
  const orgIds = new Map<OrgKey, string>();
  for (const org of DEMO_ORGANISATIONS) {
    const created = await createOrganisation(deps, principal, { name: org.name, shortName: org.shortName });
    orgIds.set(org.key, created.id);
  }
  principal = await cliPrincipal(deps);
  for (const u of DEMO_USERS) {
    await createUser(deps, principal, {
      email: u.email,
      name: u.name,
      password: DEMO_PASSWORD,
      roles: u.roles,
      organisationIds: u.orgs.map((k) => orgIds.get(k) ?? ""),
      placeIds: u.places,
      canRevealIdentity: u.reveal ?? false,
    });
  }
  await seedProgrammesDemo(deps, principal, orgIds.get("rv") ?? "");
  await seedReferralsDemo(deps, orgIds.get("rv") ?? "");
  await seedStoriesDemo(deps, principal);
  await seedCasesDemo(deps, principal, orgIds);
  await seedAlertsDemo(deps);
  await seedChannelsDemo(deps);
  return { seeded: true, logins };
}

export function formatDemoLogins(logins: DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length));
  return [
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...logins.map((l) => `  ${l.email.padEnd(width)}  ${l.roles.join(", ").padEnd(18)}  areas: ${l.areas}`),
  ].join("\n");
}
