// The case lifecycle through the HTTP API: opening from a verified report with routing and its
// explanation, acknowledging, acting, resolving and closing, illegal moves, the timeline and audit,
// and what the reporter is told.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusMessage } from "../../../common/messages.ts";
import { queryRows } from "../../db/client.ts";
import { inTransaction } from "../../deps.ts";
import { signedIn } from "../../test/fixtures.ts";
import { type ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { openCaseForReport } from "./cases.service.ts";
import {
  type CaseFixture,
  KAPTEMBWO,
  REPORTER_PHONE,
  seedCases,
  verifiedReport,
} from "./cases-test.fixture.ts";
import { caseAwareResidentStatus, caseAwareStatusByReference } from "./feedback.service.ts";

let server: TestServer;
let fx: CaseFixture;
let officer: ApiClient;
let ocs: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedCases(server.deps);
  officer = await signedIn(server, fx.people.programmeOfficer.email);
  ocs = await signedIn(server, fx.people.ocs.email);
});
afterAll(() => server?.close());

const smsTo = (phone: string) => server.sms.sent.filter((m) => m.to === phone).map((m) => m.body);

async function openCaseFor(input: Parameters<typeof verifiedReport>[1]) {
  const report = await verifiedReport(server.deps, input);
  const res = await officer.post("/api/cases", { reportId: report.id });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { report, kase: res.body.case };
}

describe("opening a case", () => {
  it("routes an emergency to the station and the chief covering the place, and explains why", async () => {
    const { report, kase } = await openCaseFor({
      text: "Gang attacking people with pangas near Kaptembwo market right now",
      category: "gang_crime",
      urgency: "emergency",
      placeId: KAPTEMBWO,
    });
    expect(kase).toMatchObject({ status: "open", category: "gang_crime", urgency: "emergency" });
    expect(kase.number).toMatch(/^CASE-[0-9A-Z]{6}$/);
    expect(kase.due).toEqual({ kind: "acknowledge", at: "2026-11-23T08:30:00.000Z", overdue: false });
    expect(kase.assignments.map((a: { unitName: string }) => a.unitName).sort()).toEqual([
      "Kaptembwo Chief",
      "Kaptembwo Police Station",
    ]);
    const station = kase.assignments.find((a: { kind: string }) => a.kind === "police_station");
    expect(station.reasons).toEqual([
      {
        ruleId: expect.any(String),
        ruleName: "Emergencies go to the police and the chief",
        matched: ["any category", "urgency emergency", "anywhere"],
        rulePlaceLevel: "country",
        unitAreaPath: "c:032/s:175/w:0872",
        unitPlaceLevel: "ward",
      },
    ]);
    const routed = kase.timeline.find((e: { kind: string }) => e.kind === "routed");
    expect(routed.notes).toContain("The default rules were not needed");

    const again = await officer.post("/api/cases", { reportId: report.id });
    expect(again.status).toBe(200);
    expect(again.body.case.id).toBe(kase.id);
  });

  it("uses the default rule for a routine case, and refuses a report that is not verified", async () => {
    const { kase } = await openCaseFor({
      text: "Drainage blocked at Soko Mjinga again",
      category: "service_delivery",
      urgency: "routine",
      placeId: KAPTEMBWO,
    });
    expect(kase.assignments.map((a: { unitName: string }) => a.unitName)).toEqual(["RVPN Nakuru programme"]);
    expect(kase.assignments[0].reasons[0]).toMatchObject({ ruleName: "Everything else: the programme" });

    const report = await verifiedReport(server.deps, {
      text: "unchecked",
      category: "other",
      urgency: "routine",
      placeId: KAPTEMBWO,
    });
    await server.deps.db.execute(sql`update reports set status = 'rejected' where id = ${report.id}`);
    const refused = await officer.post("/api/cases", { reportId: report.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("Only a verified report can open a case");
    expect((await ocs.post("/api/cases", { reportId: report.id })).status).toBe(403);
  });
});

describe("malformed ids", () => {
  it("a case or a timeline entry whose id is no uuid answers 404, not a database error (500)", async () => {
    const notAnId = "-".repeat(36);
    for (const res of [
      await officer.get(`/api/cases/${notAnId}`),
      await officer.post(`/api/cases/${notAnId}/actions`, { notes: "went there" }),
      await officer.get(`/api/case-events/${notAnId}/attachments`),
    ])
      expect(res.status).toBe(404);
  });
});

describe("the lifecycle", () => {
  it("the assigned OCS acknowledges, acts and resolves; illegal moves answer 409; every step is on the timeline and audited", async () => {
    const { kase } = await openCaseFor({
      text: "Young men robbing shops on the main road",
      category: "gang_crime",
      urgency: "emergency",
      placeId: KAPTEMBWO,
      phone: REPORTER_PHONE,
      consentToContact: true,
    });
    const mine = await ocs.get("/api/cases?assignedToMe=true");
    expect(mine.body.cases.map((c: { id: string }) => c.id)).toContain(kase.id);

    const path = `/api/cases/${kase.id}`;
    expect((await ocs.post(`${path}/actions`, { notes: "went there" })).status).toBe(409);
    const acked = await ocs.post(`${path}/transitions`, { action: "acknowledge", notes: "On it" });
    expect(acked.status).toBe(200);
    expect(acked.body.case).toMatchObject({ status: "acknowledged", due: { kind: "act" } });
    const twice = await ocs.post(`${path}/transitions`, { action: "acknowledge" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain("This case is acknowledged");

    const noNotes = await ocs.post(`${path}/transitions`, { action: "resolve" });
    expect(noNotes.status).toBe(400);
    expect(noNotes.body.error.fields).toEqual([{ path: "notes", message: "is required to resolve a case" }]);

    server.clock.advance(15 * 60_000);
    const acted = await ocs.post(`${path}/actions`, { notes: "Patrol sent, two suspects arrested" });
    expect(acted.body.case).toMatchObject({ status: "in_progress", due: null });
    expect(acted.body.case.firstActionAt).toBe("2026-11-23T08:15:00.000Z");
    const resolved = await ocs.post(`${path}/transitions`, { action: "resolve", notes: "Shops reopened" });
    expect(resolved.body.case).toMatchObject({
      status: "resolved",
      allowedActions: [],
      canRecordAction: false,
    });
    expect((await ocs.post(`${path}/actions`, { notes: "more" })).status).toBe(409);
    expect((await ocs.post(`${path}/transitions`, { action: "close", reason: "x y z" })).status).toBe(409);

    const timeline = resolved.body.case.timeline.map(
      (e: { kind: string; actor: string }) => `${e.kind}:${e.actor}`,
    );
    expect(timeline).toEqual([
      `opened:${fx.people.programmeOfficer.email}`,
      "routed:routing",
      `acknowledge:${fx.people.ocs.email}`,
      `action:${fx.people.ocs.email}`,
      `resolve:${fx.people.ocs.email}`,
    ]);
    const audit = await queryRows<{ action: string }>(
      server.deps.db,
      sql`select action from audit_log where entity_id = ${kase.id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      "case.open",
      "case.feedback_queued",
      "case.acknowledge",
      "case.action",
      "case.feedback_queued",
      "case.resolve",
      "case.feedback_queued",
    ]);
    const auditText = JSON.stringify(
      await queryRows(server.deps.db, sql`select after from audit_log where entity_id = ${kase.id}`),
    );
    expect(auditText).not.toContain("722000111");
  });

  it("closing without action needs a reason, and only the assigned units and programme staff may move a case", async () => {
    const { kase } = await openCaseFor({
      text: "Rumour of a fight at the stage",
      category: "public_order",
      urgency: "emergency",
      placeId: KAPTEMBWO,
    });
    const path = `/api/cases/${kase.id}/transitions`;
    const noReason = await ocs.post(path, { action: "close" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe("reason");
    const mombasa = await signedIn(server, fx.people.mombasaOcs.email);
    expect((await mombasa.post(path, { action: "acknowledge" })).status).toBe(404);
    const closed = await ocs.post(path, { action: "close", reason: "Nobody at the scene, nothing happened" });
    expect(closed.body.case).toMatchObject({
      status: "closed_no_action",
      closeReason: "Nobody at the scene, nothing happened",
    });
    const unknown = await ocs.post(path, { action: "reopen" });
    expect(unknown.status).toBe(400);
  });
});

describe("feedback to the reporter", () => {
  it("tells a consenting reporter of each change in their language, through the outbox", async () => {
    const phone = "+254722000222";
    const { report, kase } = await openCaseFor({
      text: "Wezi wanavamia maduka usiku",
      category: "gang_crime",
      urgency: "emergency",
      placeId: KAPTEMBWO,
      locale: "sw",
      phone,
      consentToContact: true,
    });
    // The outbox sends in queue order; a minute apart, as people would act.
    await server.worker.drain();
    await ocs.post(`/api/cases/${kase.id}/transitions`, { action: "acknowledge" });
    await ocs.post(`/api/cases/${kase.id}/actions`, { notes: "Patrol at night" });
    await server.worker.drain();
    await ocs.post(`/api/cases/${kase.id}/transitions`, { action: "resolve", notes: "Suspects arrested" });
    await server.worker.drain();
    expect(smsTo(phone)).toEqual([
      statusMessage("sw", report.reference, "case_open"),
      statusMessage("sw", report.reference, "case_in_progress"),
      statusMessage("sw", report.reference, "case_resolved"),
    ]);
  });

  it("answers an SMS reporter without a consent tick, stays silent for a web reporter who did not consent, and shows the case status to anonymous reporters", async () => {
    const smsPhone = "+254722000333";
    const webPhone = "+254722000444";
    const base = {
      text: "Fight at the water point",
      category: "communal_conflict",
      urgency: "high",
    } as const;
    const bySms = await openCaseFor({ ...base, placeId: KAPTEMBWO, channel: "sms", phone: smsPhone });
    const byWeb = await openCaseFor({ ...base, placeId: KAPTEMBWO, phone: webPhone });
    const anonymous = await openCaseFor({ ...base, placeId: KAPTEMBWO });
    await server.worker.drain();
    expect(smsTo(smsPhone)).toEqual([statusMessage("en", bySms.report.reference, "case_open")]);
    expect(smsTo(webPhone)).toEqual([]);
    expect(byWeb.kase.status).toBe("open");
    const officerClose = await officer.post(`/api/cases/${anonymous.kase.id}/transitions`, {
      action: "close",
      reason: "Settled by the elders before anyone arrived",
    });
    expect(officerClose.status).toBe(200);
    expect(await caseAwareResidentStatus(server.deps, { id: anonymous.report.id, status: "verified" })).toBe(
      "case_closed",
    );
    // Triaged by the machine only: nobody has decided yet, so the resident hears "received".
    expect(await caseAwareResidentStatus(server.deps, { id: crypto.randomUUID(), status: "triaged" })).toBe(
      "received",
    );
    expect(await caseAwareStatusByReference(server.deps, anonymous.report.reference.toLowerCase())).toBe(
      "case_closed",
    );
    expect(await caseAwareStatusByReference(server.deps, "BRZ-00000")).toBeNull();
  });

  it("holds messages about sensitive cases for programme staff, who may reword and send them", async () => {
    const phone = "+254722000555";
    const { kase } = await openCaseFor({
      text: "My neighbour beats his wife every night",
      category: "gbv",
      urgency: "high",
      placeId: KAPTEMBWO,
      phone,
      consentToContact: true,
    });
    await server.worker.drain();
    expect(smsTo(phone)).toEqual([]);
    const pending = await officer.get("/api/case-feedback");
    const held = pending.body.feedback.find((f: { caseId: string }) => f.caseId === kase.id);
    expect(held).toMatchObject({ status: "pending_approval", residentStatus: "case_open" });
    expect((await ocs.get("/api/case-feedback")).status).toBe(403);

    const approve = `/api/cases/${kase.id}/feedback/${held.id}/approve`;
    const curly = await officer.post(approve, { body: "Baraza: we \u201cfollowed up\u201d your report." });
    expect(curly.status).toBe(400);
    expect(curly.body.error.fields[0].path).toBe("body");
    const sent = await officer.post(approve, {
      body: "Baraza: thank you. Someone is following up your report.",
    });
    expect(sent.body.feedback.status).toBe("queued");
    expect((await officer.post(approve, {})).status).toBe(409);
    await server.worker.drain();
    expect(smsTo(phone)).toEqual(["Baraza: thank you. Someone is following up your report."]);
  });

  it("lets a later report join the case, and tells its reporter where the case stands", async () => {
    const phone = "+254722000666";
    const { kase } = await openCaseFor({
      text: "Stones thrown at the bus stage",
      category: "public_order",
      urgency: "high",
      placeId: KAPTEMBWO,
    });
    const second = await verifiedReport(server.deps, {
      text: "Youths throwing stones at matatus",
      category: "public_order",
      urgency: "high",
      placeId: KAPTEMBWO,
      phone,
      consentToContact: true,
    });
    const joined = await officer.post(`/api/cases/${kase.id}/reports`, { reportId: second.id });
    expect(joined.status).toBe(200);
    expect(joined.body.case.reports.map((r: { text: string }) => r.text)).toHaveLength(2);
    expect((await officer.post(`/api/cases/${kase.id}/reports`, { reportId: second.id })).status).toBe(409);
    await server.worker.drain();
    expect(smsTo(phone)).toEqual([statusMessage("en", second.reference, "case_open")]);

    // A report the verification step marks as a duplicate joins the case of its original.
    const third = await verifiedReport(server.deps, {
      text: "Matatu windows smashed at the stage",
      category: "public_order",
      urgency: "high",
      placeId: KAPTEMBWO,
    });
    await server.deps.db.execute(
      sql`update reports set status = 'duplicate', duplicate_of_id = ${second.id} where id = ${third.id}`,
    );
    const viaVerification = await inTransaction(server.deps, (tx) =>
      openCaseForReport(tx, { id: null, label: "verification" }, third.id),
    );
    expect(viaVerification).toEqual({ id: kase.id, number: kase.number, created: false });
    const detail = await officer.get(`/api/cases/${kase.id}`);
    expect(detail.body.case.reports).toHaveLength(3);
  });
});
