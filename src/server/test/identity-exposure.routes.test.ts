// Reporters must never be exposed. For users who may not know who reported (a responder, a viewer,
// and a programme officer not trusted with identities), EVERY registered route is called with real
// ids, and no answer may contain the reporter's phone number, in any format, or their name.
// Only a trusted programme officer's reveal returns them, and that reveal is audited.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPoliceOrGovernment } from "../../common/conflict-of-interest.ts";
import { permissionsOf, ROLES, type Role } from "../../common/roles.ts";
import { cliPrincipal } from "../cli/context.ts";
import { queryRows } from "../db/client.ts";
import { inTransaction } from "../deps.ts";
import { seedExposedReferral } from "../features/referrals/referrals.exposure.ts";
import { mayRevealIdentity } from "../features/reports/identity.service.ts";
import {
  ADDITION_TEXT,
  expectNoTypedIdentity,
  SMS_TEXT,
  WEB_TEXT,
} from "../features/reports/identity-in-text.fixture.ts";
import { addToReport, submitReport } from "../features/reports/reports.service.ts";
import { createUser } from "../features/users/users.service.ts";
import type { Principal } from "../lib/scope.ts";
import { type Fixture, NAKURU, PASSWORD, seedTwoCounties, signedIn } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./harness.ts";

const PHONE = "+254712345678";
const NAME = "Zawadi Njeri Otieno";
// 712345678 with any spacing or punctuation between the digits (+254 712 345 678, 0712-345-678...).
const PHONE_PATTERN = new RegExp("712345678".split("").join("[\\s\\-.()/]*"));
const NAME_PATTERN = /zawadi|otieno/i;

let server: TestServer;
let fx: Fixture;
const reportIds: string[] = [];
/** A referral of the same person (name and phone sealed): seen only by its referrer and counsellor. */
const referralIds: string[] = [];

async function staff(email: string, roles: Role[], canRevealIdentity = false) {
  await createUser(server.deps, await cliPrincipal(server.deps), {
    email,
    name: email.split("@")[0] ?? email,
    password: PASSWORD,
    roles,
    organisationIds: [fx.riftOrgId],
    placeIds: [NAKURU],
    canRevealIdentity,
  });
}

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedTwoCounties(server.deps);
  await staff("viewer.nakuru@test.ke", ["viewer"]);
  await staff("officer.untrusted@test.ke", ["programme_officer"]);
  await staff("officer.trusted@test.ke", ["programme_officer"], true);
  const submit = (report: Parameters<typeof submitReport>[1]) =>
    inTransaction(server.deps, (tx) => submitReport(tx, report));
  const web = await submit({
    channel: "web",
    locale: "sw",
    text: "Majambazi wanavunja maduka Kaptembwo sasa hivi",
    placeId: NAKURU,
    phone: PHONE,
    name: NAME,
    consentToContact: true,
    withPin: true,
  });
  const sms = await submit({
    channel: "sms",
    locale: "sw",
    text: "majambazi wamevunja maduka kaptembo saa hii",
    phone: PHONE,
  });
  await inTransaction(server.deps, (tx) =>
    addToReport(tx, { id: sms.id }, { channel: "sms", text: "Ni karibu na soko" }),
  );
  await server.worker.drain();
  reportIds.push(web.id, sms.id);
  referralIds.push(await seedExposedReferral(server, fx.riftOrgId, { name: NAME, phone: PHONE }));
});
afterAll(() => server?.close());

/** A body that gets each reports action past validation, so the answer comes from the policy. */
function bodyFor(route: string): unknown {
  if (route.endsWith("/identity")) return { reason: "I need to call the reporter back" };
  if (route.endsWith("/reject") || route.endsWith("/reopen")) return { reason: "checking exposure" };
  if (route.endsWith("/correct")) return { category: "gang_crime" };
  if (route.endsWith("/duplicate")) return { duplicateOfId: reportIds[0] };
  if (route.endsWith("/bulk")) return { ids: reportIds, action: "verify" };
  return {};
}

function urlsFor(route: string): string[] {
  const [, path = ""] = route.split(" ");
  if (path === "/*") return ["/anything", `/reports/${reportIds[0]}`];
  if (!path.includes(":")) return [path];
  // Each id once in every parameter: a report id is the id most likely to lead to a reporter.
  return [...reportIds, ...referralIds, fx.users.nakuruResponder?.id ?? ""].map((id) =>
    path.replace(/:\w+/g, id),
  );
}

function expectNoReporter(route: string, status: number, body: string) {
  expect(body, `${route} answered ${status} with the reporter's phone`).not.toMatch(PHONE_PATTERN);
  expect(body, `${route} answered ${status} with the reporter's name`).not.toMatch(NAME_PATTERN);
}

describe("the reporter's identity", () => {
  for (const email of ["ocs.nakuru@test.ke", "viewer.nakuru@test.ke", "officer.untrusted@test.ke"]) {
    it(`never reaches ${email} through any route`, async () => {
      const api = await signedIn(server, email);
      const routes = server.app.registeredRoutes.filter((route) => route !== "POST /api/auth/logout");
      expect(routes).toContain("POST /api/reports/:id/identity");
      let calls = 0;
      for (const route of routes) {
        const [method = "GET"] = route.split(" ");
        for (const url of urlsFor(route)) {
          const res = await api.request(method, url, method === "GET" ? undefined : bodyFor(route));
          expectNoReporter(`${method} ${url}`, res.status, JSON.stringify(res.body));
          calls++;
        }
      }
      expect(calls).toBeGreaterThan(routes.length);
      const reveal = await api.post(`/api/reports/${reportIds[0]}/identity`, bodyFor("/identity"));
      expect(reveal.status).toBe(403);
    });
  }

  it("is revealed to a trusted programme officer with a reason, and the audit keeps the reason, not the identity", async () => {
    const officer = await signedIn(server, "officer.trusted@test.ke");
    const missing = await officer.post(`/api/reports/${reportIds[0]}/identity`, {});
    expect(missing.status).toBe(400);
    const res = await officer.post(`/api/reports/${reportIds[0]}/identity`, {
      reason: "Follow-up visit agreed with the reporter",
    });
    expect(res.status).toBe(200);
    expect(res.body.identity).toEqual({
      phone: PHONE,
      name: NAME,
      text: null,
      additions: [],
      consentToContact: true,
    });
    const audit = await server.deps.db.execute(
      sql`select actor_label, after::text as after from audit_log
          where action = 'report.identity_reveal' and entity_id = ${reportIds[0]}`,
    );
    const rows = (audit as unknown as { rows: { actor_label: string; after: string }[] }).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor_label).toBe("officer.trusted@test.ke");
    expect(rows[0]?.after).toContain("Follow-up visit agreed with the reporter");
    expectNoReporter("the audit row", 200, rows[0]?.after ?? "");
  });

  it("of a reporter who did not agree to be contacted, is revealed only for a stated risk to safety, audited apart", async () => {
    const officer = await signedIn(server, "officer.trusted@test.ke");
    const url = `/api/reports/${reportIds[1]}/identity`; // the SMS report: no consent to contact
    const plain = await officer.post(url, { reason: "Would like to ask a follow-up question" });
    expect(plain.status).toBe(409);
    expect(plain.body.error.message).toMatch(/did not agree to be contacted.*life or safety/);
    expectNoReporter("a refused reveal", 409, JSON.stringify(plain.body));
    const vague = await officer.post(url, { reason: "Urgent, please", safetyOverride: true });
    expect(vague.status).toBe(400);
    expect(vague.body.error.fields[0].path).toBe("reason");
    const res = await officer.post(url, {
      reason: "The reporter says the gang named them and will come tonight; the OCS needs to reach them",
      safetyOverride: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.identity).toMatchObject({ phone: PHONE, consentToContact: false });
    const audit = await queryRows<{ action: string }>(
      server.deps.db,
      sql`select action from audit_log where entity_id = ${reportIds[1]} and action like 'report.identity%'`,
    );
    expect(audit.map((a) => a.action)).toEqual(["report.identity_reveal_for_safety"]);
  });

  it("is never revealed to anyone holding a police or government role, whatever else they hold", () => {
    const principal = (roles: Role[], canRevealIdentity: boolean): Principal => ({
      userId: "u",
      email: "x@test.ke",
      roles,
      permissions: permissionsOf(roles),
      scope: { allPlaces: true, placePaths: ["ke"], organisationIds: [] },
      canRevealIdentity,
      policeOrGovernment: isPoliceOrGovernment({ roles, unitKinds: [] }),
    });
    expect(mayRevealIdentity(principal(["programme_officer"], true))).toBe(true);
    // A member of a police station or chief's unit counts as police whatever their roles.
    expect(mayRevealIdentity({ ...principal(["programme_officer"], true), policeOrGovernment: true })).toBe(
      false,
    );
    expect(mayRevealIdentity(principal(["programme_officer"], false))).toBe(false);
    expect(mayRevealIdentity(principal(["programme_officer", "responder"], true))).toBe(false);
    expect(mayRevealIdentity(principal(["programme_officer", "viewer"], true))).toBe(false);
    expect(mayRevealIdentity(principal(["monitor", "admin"], true))).toBe(false);
  });
});

describe("names, numbers and e-mails residents type into the text", () => {
  const typedIds: string[] = [];
  const caseIds: string[] = [];

  beforeAll(async () => {
    const submit = (report: Parameters<typeof submitReport>[1]) =>
      inTransaction(server.deps, (tx) => submitReport(tx, report));
    const web = await submit({ channel: "web", locale: "en", text: WEB_TEXT, placeId: NAKURU });
    const sms = await submit({ channel: "sms", locale: "sw", text: SMS_TEXT, placeId: NAKURU });
    await inTransaction(server.deps, (tx) =>
      addToReport(tx, { id: sms.id }, { channel: "sms", text: ADDITION_TEXT }),
    );
    await server.worker.drain();
    typedIds.push(web.id, sms.id);
    const officer = await signedIn(server, "officer.trusted@test.ke");
    for (const id of typedIds)
      expect((await officer.post(`/api/reports/${id}/verify`, { category: "gang_crime" })).status).toBe(200);
    const rows = await queryRows<{ id: string }>(server.deps.db, sql`select id from cases`);
    caseIds.push(...rows.map((r) => r.id));
    expect(caseIds.length).toBeGreaterThan(0);
    // One user of every role, in Nakuru.
    for (const role of ROLES) await staff(`every.${role}@test.ke`, [role]);
  });

  for (const role of ROLES)
    it(`never reach a ${role} through any route that reads`, async () => {
      const api = await signedIn(server, `every.${role}@test.ke`);
      // Every API read (the built app's static files are code, and may quote example.com).
      const reads = server.app.registeredRoutes.filter((route) => route.startsWith("GET /api/"));
      let sawMarkers = false;
      for (const route of reads) {
        const path = route.slice(4);
        const urls = path.includes(":")
          ? [...typedIds, ...caseIds].map((id) => path.replace(/:\w+/g, id))
          : [path];
        for (const url of urls) {
          const res = await api.get(url);
          expectNoTypedIdentity(`${role}: GET ${url} (${res.status})`, res.body);
          if (JSON.stringify(res.body).includes("[phone hidden]")) sawMarkers = true;
        }
      }
      // Those who read reports did read these ones: the check above was not vacuous.
      if (permissionsOf([role]).has("reports.read")) expect(sawMarkers).toBe(true);
    });

  it("are shown only by the audited reveal, to a programme officer trusted with identities", async () => {
    const officer = await signedIn(server, "officer.trusted@test.ke");
    const res = await officer.post(`/api/reports/${typedIds[1]}/identity`, {
      reason: "The reporter asked to be called back about the gang",
      safetyOverride: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.identity.text).toBe(SMS_TEXT);
    expect(res.body.identity.additions.map((a: { text: string }) => a.text)).toEqual([ADDITION_TEXT]);
    const audit = await queryRows<{ after: string }>(
      server.deps.db,
      sql`select after::text as after from audit_log
          where action like 'report.identity%' and entity_id = ${typedIds[1]}`,
    );
    expect(audit).toHaveLength(1);
    expectNoTypedIdentity("the reveal's audit row", audit[0]?.after);
  });
});
