// Who sees a case, through the routes: responders see only what is routed to them and never who
// reported; a police-misconduct case goes to oversight and the programme and stays invisible to
// police, whatever else they hold.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import {
  type CaseFixture,
  KAPTEMBWO,
  OCS_PHONE,
  REPORTER_PHONE,
  SUPERVISOR_PHONE,
  seedCases,
  signedInClients,
  verifiedReport,
} from "./cases-test.fixture.ts";

let server: TestServer;
let fx: CaseFixture;
const { as } = signedInClients(() => server.url);

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedCases(server.deps);
});
afterAll(() => server?.close());

async function openCase(input: Parameters<typeof verifiedReport>[1]) {
  const report = await verifiedReport(server.deps, input);
  const res = await (await as(fx.people.programmeOfficer.email)).post("/api/cases", { reportId: report.id });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { report, kase: res.body.case };
}

const ids = (body: { cases: { id: string }[] }) => body.cases.map((c) => c.id);

describe("responder visibility", () => {
  it("a responder sees the cases routed to their unit, never other cases, and never who reported", async () => {
    const { report, kase } = await openCase({
      text: "Robbery at the stage, the victim is Wanjiku from plot 7",
      category: "gang_crime",
      urgency: "emergency",
      placeId: KAPTEMBWO,
      phone: REPORTER_PHONE,
      consentToContact: true,
    });
    const routine = await openCase({
      text: "Street lights broken",
      category: "service_delivery",
      urgency: "routine",
      placeId: KAPTEMBWO,
    });
    const ocs = await as(fx.people.ocs.email);
    const list = await ocs.get("/api/cases");
    expect(ids(list.body)).toContain(kase.id);
    expect(ids(list.body)).not.toContain(routine.kase.id);
    expect((await ocs.get(`/api/cases/${routine.kase.id}`)).status).toBe(404);

    const detail = await ocs.get(`/api/cases/${kase.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.case.reports[0]).toMatchObject({ reportId: null, reference: null });
    expect(detail.body.case.reports[0].text).toContain("Robbery at the stage");
    const text = JSON.stringify(detail.body);
    for (const secret of [report.reference, report.id, "722000111", "contact", "consent"])
      expect(text).not.toContain(secret);
    expect(detail.body.case.feedback).toEqual([]);

    // Programme staff see the report's handle, so that they can open the report itself.
    const officerView = await (await as(fx.people.programmeOfficer.email)).get(`/api/cases/${kase.id}`);
    expect(officerView.body.case.reports[0]).toMatchObject({
      reportId: report.id,
      reference: report.reference,
    });

    const mombasa = await as(fx.people.mombasaOcs.email);
    expect(ids((await mombasa.get("/api/cases")).body)).toEqual([]);
    expect((await mombasa.get(`/api/cases/${kase.id}`)).status).toBe(404);
    expect((await mombasa.post(`/api/cases/${kase.id}/transitions`, { action: "acknowledge" })).status).toBe(
      404,
    );
  });

  it("tells the assigned responders in the app and by SMS where their phone is known", async () => {
    const { kase } = await openCase({
      text: "Shots fired near the chief's camp",
      category: "gang_crime",
      urgency: "emergency",
      placeId: KAPTEMBWO,
    });
    const ocs = await as(fx.people.ocs.email);
    const notices = (await ocs.get("/api/notifications?unread=true")).body.notifications;
    const notice = notices.find((n: { caseId: string }) => n.caseId === kase.id);
    expect(notice).toMatchObject({ kind: "assigned", caseNumber: kase.number, due: "acknowledge" });
    expect((await ocs.post("/api/notifications/read", { ids: [notice.id] })).body.read).toBe(1);
    const unread = (await ocs.get("/api/notifications?unread=true")).body.notifications;
    expect(unread.map((n: { id: string }) => n.id)).not.toContain(notice.id);
    // Someone else's notice cannot be marked.
    const chief = await as(fx.people.chief.email);
    const chiefNotice = (await chief.get("/api/notifications")).body.notifications[0];
    expect((await ocs.post("/api/notifications/read", { ids: [chiefNotice.id] })).body.read).toBe(0);

    await server.worker.drain();
    const toOcs = server.sms.sent.filter((m) => m.to === OCS_PHONE).map((m) => m.body);
    expect(toOcs).toContain(
      `Baraza: case ${kase.number} has been assigned to your unit. Open Baraza to acknowledge it.`,
    );
    expect(toOcs.join(" ")).not.toContain("Shots fired");
  });
});

describe("conflict of interest", () => {
  it("routes a police-misconduct complaint to oversight and the programme, never to the station", async () => {
    const { kase } = await openCase({
      text: "Officers from Kaptembwo station beat my son and took 5000 shillings",
      category: "police_misconduct",
      urgency: "emergency",
      placeId: KAPTEMBWO,
    });
    expect(kase.conflictOfInterest).toBe(true);
    expect(kase.assignments.map((a: { kind: string }) => a.kind).sort()).toEqual(["oversight", "programme"]);
    const routed = kase.timeline.find((e: { kind: string }) => e.kind === "routed").notes;
    expect(routed).toContain("Conflict of interest");
    expect(routed).toContain("police_station left out");

    for (const email of [
      fx.people.ocs.email,
      fx.people.supervisor.email,
      fx.people.chief.email,
      fx.people.policeOfficer.email,
    ]) {
      const api = await as(email);
      expect((await api.get(`/api/cases/${kase.id}`)).status, email).toBe(404);
      expect(ids((await api.get("/api/cases?state=all")).body), email).not.toContain(kase.id);
      const notices = (await api.get("/api/notifications")).body.notifications;
      expect(
        notices.map((n: { caseId: string }) => n.caseId),
        email,
      ).not.toContain(kase.id);
    }

    const oversight = await as(fx.people.oversight.email);
    expect(ids((await oversight.get("/api/cases")).body)).toContain(kase.id);
    const acked = await oversight.post(`/api/cases/${kase.id}/transitions`, { action: "acknowledge" });
    expect(acked.status).toBe(200);
    expect((await (await as(fx.people.programmeOfficer.email)).get(`/api/cases/${kase.id}`)).status).toBe(
      200,
    );

    await server.worker.drain();
    const police = server.sms.sent.filter((m) => m.to === OCS_PHONE || m.to === SUPERVISOR_PHONE);
    expect(police.map((m) => m.body).join(" ")).not.toContain(kase.number);
  });

  it("refuses to hand a police-misconduct case to the station by hand", async () => {
    const { kase } = await openCase({
      text: "Police demanded a bribe at the roadblock",
      category: "police_misconduct",
      urgency: "high",
      placeId: KAPTEMBWO,
    });
    const officer = await as(fx.people.programmeOfficer.email);
    const refused = await officer.post(`/api/cases/${kase.id}/assignments`, { unitId: fx.units.station });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("oversight and programme units only");
    expect((await officer.post(`/api/cases/${kase.id}/assignments`, { unitId: fx.units.chief })).status).toBe(
      409,
    );
    expect((await (await as(fx.people.ocs.email)).get(`/api/cases/${kase.id}`)).status).toBe(404);
  });

  it("lets programme staff add a unit to an ordinary case, whose members then see it", async () => {
    const { kase } = await openCase({
      text: "Land dispute turning violent",
      category: "communal_conflict",
      urgency: "routine",
      placeId: KAPTEMBWO,
    });
    const chief = await as(fx.people.chief.email);
    expect((await chief.get(`/api/cases/${kase.id}`)).status).toBe(404);
    const officer = await as(fx.people.programmeOfficer.email);
    const added = await officer.post(`/api/cases/${kase.id}/assignments`, {
      unitId: fx.units.chief,
      notes: "Chief knows both families",
    });
    expect(added.status).toBe(200);
    expect(added.body.case.assignments.map((a: { unitName: string }) => a.unitName)).toContain(
      "Kaptembwo Chief",
    );
    expect((await chief.get(`/api/cases/${kase.id}`)).status).toBe(200);
    expect((await officer.post(`/api/cases/${kase.id}/assignments`, { unitId: fx.units.chief })).status).toBe(
      409,
    );
    expect(
      (await officer.post(`/api/cases/${kase.id}/assignments`, { unitId: fx.units.mombasaStation })).status,
    ).toBe(404);
    expect((await chief.post(`/api/cases/${kase.id}/assignments`, { unitId: fx.units.station })).status).toBe(
      403,
    );
  });
});
