// Builders for the case route tests: two counties (fixtures.ts), responder units with members,
// routing rules, and verified reports (verification itself is another feature: the tests set the
// decision columns directly, as the verification step would).
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { CategoryCode, Locale, Urgency } from "../../../common/taxonomy.ts";
import { cliPrincipal } from "../../cli/context.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { type Fixture, makeUser, PASSWORD, seedTwoCounties } from "../../test/fixtures.ts";
import { ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { placePathOf } from "../places/places.service.ts";
import { submitReport } from "../reports/reports.service.ts";
import { reports } from "../reports/reports.table.ts";
import { createResponderUnit, setUnitMembers } from "./responders.service.ts";
import { createRoutingRule } from "./routing-rules.service.ts";

export const KAPTEMBWO = "l:kaptembwo";
export const KAPTEMBWO_WARD = "w:0872";
export const LIKONI = "s:004";
export const OCS_PHONE = "+254711000001";
export const SUPERVISOR_PHONE = "+254711000002";
export const REPORTER_PHONE = "+254722000111";

export interface CaseFixture extends Fixture {
  units: { station: string; programme: string; oversight: string; mombasaStation: string; chief: string };
  people: Record<
    "ocs" | "supervisor" | "chief" | "programmeOfficer" | "oversight" | "mombasaOcs" | "policeOfficer",
    { id: string; email: string }
  >;
}

export async function seedCases(deps: Deps): Promise<CaseFixture> {
  const fx = await seedTwoCounties(deps);
  const rift = [fx.riftOrgId];
  const people = {
    ocs: fx.users.nakuruResponder as { id: string; email: string },
    supervisor: await makeUser(deps, "supervisor.nakuru@test.ke", ["responder"], rift, ["c:032"]),
    chief: await makeUser(deps, "chief.kaptembwo@test.ke", ["responder"], rift, ["c:032"]),
    programmeOfficer: await makeUser(deps, "po.nakuru@test.ke", ["programme_officer"], rift, ["c:032"]),
    oversight: await makeUser(deps, "ipoa@test.ke", ["oversight"], [fx.riftOrgId, fx.coastOrgId], ["ke"]),
    mombasaOcs: await makeUser(deps, "ocs.likoni@test.ke", ["responder"], [fx.coastOrgId], ["c:001"]),
    // A programme officer who also sits in the station's unit: still barred from police-conduct cases.
    policeOfficer: await makeUser(deps, "po.police@test.ke", ["programme_officer"], rift, ["c:032"]),
  };
  const cli = await cliPrincipal(deps);
  const unit = (
    name: string,
    kind: Parameters<typeof createResponderUnit>[2]["kind"],
    org: string,
    areas: string[],
  ) =>
    createResponderUnit(deps, cli, { name, kind, organisationId: org, areaPlaceIds: areas, categories: [] });
  const station = await unit("Kaptembwo Police Station", "police_station", fx.riftOrgId, [KAPTEMBWO_WARD]);
  const chief = await unit("Kaptembwo Chief", "chief", fx.riftOrgId, [KAPTEMBWO_WARD]);
  const programme = await unit("RVPN Nakuru programme", "programme", fx.riftOrgId, ["c:032"]);
  const oversight = await unit("IPOA complaints desk", "oversight", fx.riftOrgId, ["ke"]);
  const mombasaStation = await unit("Likoni Police Station", "police_station", fx.coastOrgId, [LIKONI]);
  await setUnitMembers(deps, cli, station.id, {
    members: [
      { userId: people.ocs.id, supervisor: false, phone: OCS_PHONE },
      { userId: people.supervisor.id, supervisor: true, phone: SUPERVISOR_PHONE },
      { userId: people.policeOfficer.id, supervisor: false },
    ],
  });
  await setUnitMembers(deps, cli, chief.id, { members: [{ userId: people.chief.id, supervisor: true }] });
  await setUnitMembers(deps, cli, programme.id, {
    members: [{ userId: people.programmeOfficer.id, supervisor: true }],
  });
  await setUnitMembers(deps, cli, oversight.id, {
    members: [{ userId: people.oversight.id, supervisor: true }],
  });
  await setUnitMembers(deps, cli, mombasaStation.id, {
    members: [{ userId: people.mombasaOcs.id, supervisor: true }],
  });
  const rule = (input: Omit<Parameters<typeof createRoutingRule>[2], "priority" | "active">) =>
    createRoutingRule(deps, cli, { priority: 100, active: true, ...input });
  await rule({
    name: "Emergencies go to the police and the chief",
    categories: [],
    urgencies: ["emergency"],
    placeId: null,
    targetKinds: ["police_station", "chief"],
    isDefault: false,
  });
  await rule({
    name: "Everything else: the programme",
    categories: [],
    urgencies: [],
    placeId: null,
    targetKinds: ["programme"],
    isDefault: true,
  });
  return {
    ...fx,
    units: {
      station: station.id,
      chief: chief.id,
      programme: programme.id,
      oversight: oversight.id,
      mombasaStation: mombasaStation.id,
    },
    people,
  };
}

export interface VerifiedReportInput {
  text: string;
  category: CategoryCode;
  urgency: Urgency;
  placeId: string;
  channel?: "web" | "sms" | "ussd";
  locale?: Locale;
  phone?: string;
  consentToContact?: boolean;
}

/** A report as the verification step leaves it: status verified, with staff's decision recorded. */
export async function verifiedReport(
  deps: Deps,
  input: VerifiedReportInput,
): Promise<{ id: string; reference: string }> {
  const submitted = await inTransaction(deps, (tx) =>
    submitReport(tx, {
      channel: input.channel ?? "web",
      text: input.text,
      locale: input.locale ?? "en",
      phone: input.phone ?? null,
      consentToContact: input.consentToContact ?? false,
    }),
  );
  await deps.db
    .update(reports)
    .set({
      status: "verified",
      decidedCategory: input.category,
      decidedUrgency: input.urgency,
      decidedPlaceId: input.placeId,
      decidedPlacePath: await placePathOf(deps, input.placeId),
      decidedAt: deps.now(),
    })
    .where(eq(reports.id, submitted.id));
  return { id: submitted.id, reference: submitted.reference };
}

/** Signed-in API clients by email, made once each; `forgetAll` after the clock has expired sessions. */
export function signedInClients(baseUrl: () => string) {
  const clients = new Map<string, ApiClient>();
  return {
    async as(email: string): Promise<ApiClient> {
      const known = clients.get(email);
      if (known) return known;
      const api = new ApiClient(baseUrl());
      expect((await api.login(email, PASSWORD)).status).toBe(200);
      clients.set(email, api);
      return api;
    },
    forgetAll: () => clients.clear(),
  };
}

/** A test server with the case fixture, and the programme officer and the Nakuru OCS signed in. */
export async function startWithOfficerAndOcs(): Promise<{
  server: TestServer;
  fx: CaseFixture;
  officer: ApiClient;
  ocs: ApiClient;
}> {
  const server = await startTestServer();
  const fx = await seedCases(server.deps);
  const clients = signedInClients(() => server.url);
  const officer = await clients.as(fx.people.programmeOfficer.email);
  const ocs = await clients.as(fx.people.ocs.email);
  return { server, fx, officer, ocs };
}
