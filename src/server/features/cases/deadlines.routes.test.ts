// Deadlines, reminders and the escalation ladder, driven by the injected clock and the worker:
// no test sleeps. Then the response metrics over what happened.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import {
  type CaseFixture,
  KAPTEMBWO,
  OCS_PHONE,
  SUPERVISOR_PHONE,
  seedCases,
  signedInClients,
  verifiedReport,
} from "./cases-test.fixture.ts";
import { CASE_DEADLINE_JOB, runDeadlineJob } from "./deadlines.service.ts";

const MINUTE = 60_000;
let server: TestServer;
let fx: CaseFixture;
const { as, forgetAll } = signedInClients(() => server.url);

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedCases(server.deps);
});
afterAll(() => server?.close());

async function openEmergency(text: string) {
  const report = await verifiedReport(server.deps, {
    text,
    category: "gang_crime",
    urgency: "emergency",
    placeId: KAPTEMBWO,
  });
  const res = await (await as(fx.people.programmeOfficer.email)).post("/api/cases", { reportId: report.id });
  expect(res.status).toBe(201);
  return res.body.case as { id: string; number: string };
}

async function noticesOf(email: string, caseId: string): Promise<string[]> {
  const res = await (await as(email)).get("/api/notifications");
  return res.body.notifications
    .filter((n: { caseId: string }) => n.caseId === caseId)
    .map((n: { kind: string; due: string }) => `${n.kind}:${n.due}`)
    .sort();
}

const advance = async (minutes: number) => {
  server.clock.advance(minutes * MINUTE);
  forgetAll(); // sessions expire as the clock moves on: sign in again

  await server.worker.drain();
};
const smsTo = (phone: string, caseNumber: string) =>
  server.sms.sent.filter((m) => m.to === phone && m.body.includes(caseNumber)).map((m) => m.body);

describe("an emergency nobody acknowledges", () => {
  let kase: { id: string; number: string };

  it("reminds the unit 10 minutes before the 30-minute deadline, not earlier", async () => {
    kase = await openEmergency("Armed gang at the market, people injured");
    await advance(19);
    expect(await noticesOf(fx.people.ocs.email, kase.id)).toEqual(["assigned:acknowledge"]);
    await advance(1);
    expect(await noticesOf(fx.people.ocs.email, kase.id)).toEqual([
      "assigned:acknowledge",
      "reminder:acknowledge",
    ]);
    expect(smsTo(OCS_PHONE, kase.number)).toEqual([
      `Baraza: case ${kase.number} has been assigned to your unit. Open Baraza to acknowledge it.`,
      `Baraza: reminder: case ${kase.number} is waiting for you to acknowledge it in Baraza.`,
    ]);
  });

  it("escalates to the station's supervisor at the deadline, then to programme officers", async () => {
    await advance(10);
    const supervisor = await as(fx.people.supervisor.email);
    expect(await noticesOf(fx.people.supervisor.email, kase.id)).toContain("escalated:acknowledge");
    expect(await noticesOf(fx.people.ocs.email, kase.id)).not.toContain("escalated:acknowledge");
    expect(smsTo(SUPERVISOR_PHONE, kase.number).at(-1)).toContain("was not acknowledged in time");
    const detail = (await supervisor.get(`/api/cases/${kase.id}`)).body.case;
    expect(detail).toMatchObject({ escalationLevel: 1, due: { kind: "acknowledge", overdue: true } });
    expect(await noticesOf(fx.people.programmeOfficer.email, kase.id)).toEqual([]);

    await advance(30);
    expect(await noticesOf(fx.people.programmeOfficer.email, kase.id)).toEqual(["escalated:acknowledge"]);
    const after = (await supervisor.get(`/api/cases/${kase.id}`)).body.case;
    expect(after.escalationLevel).toBe(2);
    expect(after.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "opened",
      "routed",
      "reminder",
      "escalation",
      "escalation",
    ]);
  });

  it("a deadline job that runs again notifies nobody twice", async () => {
    const before = server.sms.sent.length;
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          server.deps.db,
          sql`select count(*)::int as n from case_notifications where case_id = ${kase.id}`,
        )
      )[0]?.n;
    const notices = await count();
    for (const step of ["remind", "supervisor", "programme"])
      await runDeadlineJob(server.deps, { caseId: kase.id, due: "acknowledge", step });
    await server.worker.drain();
    expect(await count()).toBe(notices);
    expect(server.sms.sent.length).toBe(before);
    await expect(runDeadlineJob(server.deps, { caseId: kase.id, due: "soon" })).rejects.toThrow(/malformed/);
  });

  it("queues every step as a job with its run time", async () => {
    const rows = await queryRows<{ step: string; run_at: string }>(
      server.deps.db,
      sql`select payload->>'due' || ':' || (payload->>'step') as step, run_at from jobs
        where kind = ${CASE_DEADLINE_JOB} and payload->>'caseId' = ${kase.id} order by run_at`,
    );
    expect(rows.map((r) => r.step)).toEqual([
      "acknowledge:remind",
      "acknowledge:supervisor",
      "acknowledge:programme",
      "act:remind",
      "act:supervisor",
      "act:programme",
    ]);
  });
});

describe("an emergency acknowledged in time", () => {
  it("raises no acknowledgement escalation, and an action in time stops the action ladder", async () => {
    const kase = await openEmergency("Mob gathering outside the chief's office");
    await advance(5);
    expect(
      (
        await (
          await as(fx.people.ocs.email)
        ).post(`/api/cases/${kase.id}/transitions`, { action: "acknowledge" })
      ).status,
    ).toBe(200);
    await advance(60);
    expect(await noticesOf(fx.people.supervisor.email, kase.id)).toEqual(["assigned:acknowledge"]);
    // 24 hours to act: reminded at 22 h, escalated to the supervisor at 24 h.
    await advance(22 * 60 - 65);
    expect(await noticesOf(fx.people.ocs.email, kase.id)).toEqual(["assigned:acknowledge", "reminder:act"]);
    await advance(2 * 60);
    expect(await noticesOf(fx.people.supervisor.email, kase.id)).toContain("escalated:act");
    const acted = await (await as(fx.people.ocs.email)).post(`/api/cases/${kase.id}/actions`, {
      notes: "Addressed the crowd with the chief; dispersed peacefully",
    });
    expect(acted.body.case).toMatchObject({ status: "in_progress", due: null });
    await advance(5 * 60);
    expect(await noticesOf(fx.people.programmeOfficer.email, kase.id)).toEqual([]);
  });
});

describe("response metrics", () => {
  it("reports time to acknowledge, to first action and to resolution per unit and category, and what is overdue", async () => {
    const officer = await as(fx.people.programmeOfficer.email);
    const res = await officer.get("/api/cases/metrics");
    expect(res.status).toBe(200);
    const { metrics } = res.body;
    expect(metrics.total).toMatchObject({
      cases: 2,
      toAcknowledge: { count: 1, medianMinutes: 5 },
      toFirstAction: { count: 1 },
      toResolution: { count: 0, medianMinutes: null },
      overdue: 1,
    });
    const station = metrics.byUnit.find((r: { label: string }) => r.label === "Kaptembwo Police Station");
    expect(station).toMatchObject({ cases: 2, overdue: 1 });
    expect(metrics.byCategory.map((r: { key: string; cases: number }) => [r.key, r.cases])).toEqual([
      ["gang_crime", 2],
    ]);
    const later = await officer.get(
      `/api/cases/metrics?from=${encodeURIComponent(server.clock.now().toISOString())}`,
    );
    expect(later.body.metrics.total.cases).toBe(0);
    expect((await officer.get("/api/cases/metrics?from=yesterday")).status).toBe(400);
    expect((await (await as(fx.people.ocs.email)).get("/api/cases/metrics")).status).toBe(403);
  });

  it("lists the overdue cases with what is overdue, and narrows the figures to one category", async () => {
    const officer = await as(fx.people.programmeOfficer.email);
    const { metrics } = (await officer.get("/api/cases/metrics")).body;
    expect(metrics.category).toBeNull();
    expect(metrics.overdueCases).toHaveLength(1);
    const [late] = metrics.overdueCases;
    expect(late).toMatchObject({ category: "gang_crime", urgency: "emergency", status: "open" });
    expect(late.place.name).toMatch(/Kaptembwo/);
    expect(late.units.map((u: { name: string }) => u.name)).toContain("Kaptembwo Police Station");
    expect(late.overdue.map((o: { kind: string }) => o.kind)).toEqual(["acknowledge", "act"]);
    const gang = (await officer.get("/api/cases/metrics?category=gang_crime")).body.metrics;
    expect(gang).toMatchObject({ category: "gang_crime", total: { cases: 2, overdue: 1 } });
    const gbv = (await officer.get("/api/cases/metrics?category=gbv")).body.metrics;
    expect(gbv).toMatchObject({ category: "gbv", total: { cases: 0, overdue: 0 }, overdueCases: [] });
    const bad = await officer.get("/api/cases/metrics?category=land");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe("category");
  });
});
