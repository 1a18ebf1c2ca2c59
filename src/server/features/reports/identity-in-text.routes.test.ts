// Residents who type their name, number or e-mail into the report text (web, SMS, a later addition)
// are promised that police and government never see them. Every staff surface that shows report text
// (cases, inbox, report detail, alert detail) shows markers instead; the original is kept sealed and
// only the audited identity reveal returns it. Rows stored before masking are masked when read.
import { and, eq, notInArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPrincipal } from "../../cli/context.ts";
import { queryRows } from "../../db/client.ts";
import { inTransaction } from "../../deps.ts";
import { makeUser, PASSWORD, signedIn } from "../../test/fixtures.ts";
import type { ApiClient, TestServer } from "../../test/harness.ts";
import { seedBurst } from "../alerts/alerts.fixture.ts";
import { alerts } from "../alerts/alerts.table.ts";
import { KAPTEMBWO, startWithOfficerAndOcs } from "../cases/cases-test.fixture.ts";
import { AT_SMS_PATH, atSms, postForm } from "../channels/gateway-requests.fixture.ts";
import { createUser } from "../users/users.service.ts";
import { ADDITION_TEXT, expectNoTypedIdentity, SMS_TEXT, WEB_TEXT } from "./identity-in-text.fixture.ts";
import { addToReport, submitReport } from "./reports.service.ts";
import { reports } from "./reports.table.ts";

/** A row as stored before masking on the way in: it must be masked when read. */
const OLD_TEXT = "My name is Grace Wambui, 0722 123 456, fight at Kaptembwo stage";

let server: TestServer;
let ocs: ApiClient;
let officer: ApiClient;
let monitor: ApiClient;
let revealer: ApiClient;
const ids = { web: "", sms: "", old: "" };

beforeAll(async () => {
  let fx: Awaited<ReturnType<typeof startWithOfficerAndOcs>>["fx"];
  ({ server, ocs, officer, fx } = await startWithOfficerAndOcs());
  const deps = server.deps;
  const riftOrg = fx.riftOrgId;
  await makeUser(deps, "monitor.nakuru@test.ke", ["monitor"], [riftOrg], ["c:032"]);
  await createUser(deps, await cliPrincipal(deps), {
    email: "reveal.nakuru@test.ke",
    name: "Trusted officer",
    password: PASSWORD,
    roles: ["programme_officer"],
    organisationIds: [riftOrg],
    placeIds: ["c:032"],
    canRevealIdentity: true,
  });
  monitor = await signedIn(server, "monitor.nakuru@test.ke");
  revealer = await signedIn(server, "reveal.nakuru@test.ke");
  const web = await inTransaction(deps, (tx) =>
    submitReport(tx, {
      channel: "web",
      locale: "en",
      text: WEB_TEXT,
      placeId: KAPTEMBWO,
      phone: "+254733000999",
      consentToContact: true,
    }),
  );
  ids.web = web.id;
  const sms = await postForm(server.url, AT_SMS_PATH, atSms({ from: "+254733000888", text: SMS_TEXT }));
  expect(sms.status).toBe(200);
  await server.worker.drain();
  const [smsRow] = await deps.db.select({ id: reports.id }).from(reports).where(eq(reports.channel, "sms"));
  ids.sms = smsRow?.id as string;
  await inTransaction(deps, (tx) =>
    addToReport(tx, { id: ids.sms }, { channel: "sms", text: ADDITION_TEXT }),
  );
  await server.worker.drain();
  for (const id of [ids.web, ids.sms]) {
    const res = await monitor.post(`/api/reports/${id}/verify`, {
      category: "gang_crime",
      urgency: "emergency",
      placeId: KAPTEMBWO,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  // An alert listing our reports and one stored before masking existed.
  await seedBurst(deps, { placeId: KAPTEMBWO, backgroundPlaceId: "w:0880", category: "gang_crime" });
  const [old] = await deps.db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.placeId, KAPTEMBWO), notInArray(reports.id, [ids.web, ids.sms])))
    .orderBy(sql`received_at desc`)
    .limit(1);
  ids.old = old?.id as string;
  await deps.db.update(reports).set({ text: OLD_TEXT }).where(eq(reports.id, ids.old));
  await deps.db.update(alerts).set({
    reportIds: sql`${alerts.reportIds} || array[${ids.web}::uuid, ${ids.sms}::uuid]`,
  });
  await server.worker.drain();
});
afterAll(() => server?.close());

describe("names, numbers and e-mails residents type into the text", () => {
  it("never reach the station's responder through the case list or the case", async () => {
    const list = await ocs.get("/api/cases?state=all");
    expect(list.status).toBe(200);
    expect(list.body.cases.length).toBeGreaterThanOrEqual(2);
    expectNoTypedIdentity("GET /api/cases", list.body);
    for (const summary of list.body.cases) {
      const detail = await ocs.get(`/api/cases/${summary.id}`);
      expect(detail.status).toBe(200);
      expectNoTypedIdentity(`GET /api/cases/${summary.id}`, detail.body);
      const texts = JSON.stringify(detail.body.case.reports);
      expect(texts).toMatch(/\[name hidden\]|\[phone hidden\]/);
    }
  });

  it("are hidden in the inbox and the report for the monitor, with markers that say so", async () => {
    const inbox = await monitor.get("/api/reports?pageSize=100");
    expect(inbox.status).toBe(200);
    expectNoTypedIdentity("GET /api/reports", inbox.body);
    const web = await monitor.get(`/api/reports/${ids.web}`);
    expect(web.body.report.text).toBe(
      "My name is [name hidden], call me on [phone hidden] or [e-mail hidden]. A gang is breaking into shops in Kaptembwo",
    );
    expect(web.body.report.textMasked).toBe(true);
    const sms = await monitor.get(`/api/reports/${ids.sms}`);
    expect(sms.body.report.text).toMatch(/^mimi ni \[name hidden\] nipigie \[phone hidden\]/);
    expect(sms.body.report.additions[0].text).toBe(
      "Tena: naitwa [name hidden], namba yangu ni [phone hidden], email [e-mail hidden]",
    );
    for (const id of Object.values(ids))
      expectNoTypedIdentity(`GET /api/reports/${id}`, (await monitor.get(`/api/reports/${id}`)).body);
  });

  it("include the people a resident names in passing, but not the place named after someone", async () => {
    const text = "My neighbour Mary Achieng was beaten by Omosh outside Kenyatta Market in Kaptembwo";
    const report = await inTransaction(server.deps, (tx) =>
      submitReport(tx, { channel: "web", locale: "en", text, placeId: KAPTEMBWO }),
    );
    const res = await monitor.get(`/api/reports/${report.id}`);
    expect(res.status).toBe(200);
    expect(res.body.report.text).toBe(
      "My neighbour [name hidden] was beaten by [name hidden] outside Kenyatta Market in Kaptembwo",
    );
    expect(JSON.stringify(res.body)).not.toMatch(/achieng|omosh/i);
  });

  it("are hidden in the alert detail, also in reports stored before masking", async () => {
    const list = await officer.get("/api/alerts");
    expect(list.status).toBe(200);
    expect(list.body.alerts.length).toBeGreaterThan(0);
    for (const alert of list.body.alerts) {
      const detail = await officer.get(`/api/alerts/${alert.id}`);
      expect(detail.status).toBe(200);
      expectNoTypedIdentity(`GET /api/alerts/${alert.id}`, detail.body);
    }
  });

  it("are stored masked, with the original sealed", async () => {
    const rows = await queryRows<{ text: string; text_original_sealed: string | null }>(
      server.deps.db,
      sql`select text, text_original_sealed from reports where id in (${ids.web}, ${ids.sms})
          union all select text, text_original_sealed from report_additions where report_id = ${ids.sms}`,
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expectNoTypedIdentity("a stored text", row.text);
      expect(row.text_original_sealed).toBeTruthy();
      expectNoTypedIdentity("a sealed original", row.text_original_sealed);
    }
  });

  it("are shown, audited, only to a programme officer trusted with identities who reveals them", async () => {
    const res = await revealer.post(`/api/reports/${ids.sms}/identity`, {
      reason: "The reporter is in danger: the gang saw them call",
      safetyOverride: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.identity.text).toBe(SMS_TEXT);
    expect(res.body.identity.additions).toEqual([{ id: expect.any(String), text: ADDITION_TEXT }]);
    const web = await revealer.post(`/api/reports/${ids.web}/identity`, { reason: "Follow-up visit agreed" });
    expect(web.body.identity.text).toBe(WEB_TEXT);
    const audit = await queryRows<{ action: string; after: string }>(
      server.deps.db,
      sql`select action, after::text as after from audit_log
          where entity_id in (${ids.web}, ${ids.sms}) and action like 'report.identity%' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      "report.identity_reveal_for_safety",
      "report.identity_reveal",
    ]);
    for (const row of audit) {
      expect(JSON.parse(row.after)).toMatchObject({ revealedText: true });
      expectNoTypedIdentity("the reveal's audit row", row.after);
    }
    expect(JSON.parse(audit[0]?.after ?? "{}").revealedAdditions).toBe(1);
    const refused = await monitor.post(`/api/reports/${ids.web}/identity`, { reason: "I want to know" });
    expect(refused.status).toBe(403);
    expectNoTypedIdentity("a refused reveal", refused.body);
  });
});
