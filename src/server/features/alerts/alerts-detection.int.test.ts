// The detection job over real reports in a real database, on the injected clock.
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs } from "../../jobs/jobs.table.ts";
import { makeUser, NAKURU, seedTwoCounties } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
import { reports } from "../reports/reports.table.ts";
import { dailyHistory, insertReports, kenyaTime, type ReportSpec, seedBurst } from "./alerts.fixture.ts";
import { alertNotifications, alerts } from "./alerts.table.ts";
import {
  ALERTS_DETECT_JOB,
  requestAlertDetection,
  runAlertDetection,
  scheduleNextDetection,
} from "./alerts-job.service.ts";
import { addDays, dayOf } from "./days.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KAPTEMBWO = "l:kaptembwo"; // locality in ward w:0872, sub-county s:175 (Nakuru Town West)
const NAKURU_ELSEWHERE = "w:0880"; // a ward in another Nakuru sub-county: the county's busy background

async function alertRows(server: TestServer) {
  return server.deps.db.select().from(alerts).orderBy(alerts.areaPath);
}

describe("weeks of reports at a steady rate", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    // Eight weeks from today on: busy and quiet wards, weekly rhythms, two counties, two categories.
    const firstDay = dayOf(server.clock.now());
    const end = addDays(firstDay, 56);
    await insertReports(server.deps, [
      ...dailyHistory(end, 56, KAPTEMBWO, "gang_crime", (d) => [0, 1, 2, 1, 0, 1, 1][d % 7] ?? 0),
      ...dailyHistory(end, 56, "w:0871", "gang_crime", (d) => (d % 5 === 0 ? 1 : 0)),
      ...dailyHistory(end, 56, NAKURU_ELSEWHERE, "gang_crime", (d) => [6, 5, 7, 4, 6, 9, 8][d % 7] ?? 0),
      ...dailyHistory(end, 56, "w:0027", "gbv", (d) => (d % 3 === 0 ? 2 : d % 3 === 1 ? 0 : 1)),
      ...dailyHistory(end, 56, "c:001", "public_order", (d) => (d % 7 === 5 ? 3 : 0)),
    ]);
  });
  afterAll(() => server?.close());

  it("raise no alert on any day, with the scheduled job running once a day", async () => {
    server.clock.advance(12 * HOUR); // 23:00 in Kenya: the whole day's reports are in
    await scheduleNextDetection(server.deps);
    for (let day = 0; day < 56; day++) {
      server.clock.advance(DAY);
      await server.worker.drain();
      expect(await alertRows(server), `day ${day}`).toEqual([]);
    }
    const runs = await server.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(and(eq(jobs.kind, ALERTS_DETECT_JOB), eq(jobs.status, "done")));
    expect(Number(runs[0]?.n)).toBe(56);
    const queued = await server.deps.db
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(and(eq(jobs.kind, ALERTS_DETECT_JOB), eq(jobs.status, "queued")));
    expect(queued.map((j) => j.runAt.getTime() - server.clock.now().getTime())).toEqual([15 * 60_000]);
  });
});

describe("a burst in one ward and a rise spread over neighbouring wards", () => {
  let server: TestServer;
  let burstIds: string[];
  let nakuruOfficer: string;
  let mombasaOfficer: string;
  beforeAll(async () => {
    server = await startTestServer();
    const fx = await seedTwoCounties(server.deps);
    mombasaOfficer = fx.users.mombasaOfficer?.id ?? "";
    nakuruOfficer = (
      await makeUser(server.deps, "officer.nakuru@test.ke", ["programme_officer"], [fx.riftOrgId], [NAKURU])
    ).id;
    const today = dayOf(server.clock.now());
    const yesterday = addDays(today, -1);
    // Baringo Central's five wards each have about one report a week on different weekdays; the rest
    // of Baringo is busy. Then one more report in each ward yesterday and today.
    const baringoCentral = ["w:0793", "w:0794", "w:0795", "w:0796", "w:0797"];
    const spread: ReportSpec[] = baringoCentral.flatMap((ward, i) => [
      ...dailyHistory(yesterday, 55, ward, "communal_conflict", (d) => (d % 7 === i && d < 52 ? 1 : 0)),
      { receivedAt: kenyaTime(yesterday, 10 + i), category: "communal_conflict", placeId: ward },
      { receivedAt: kenyaTime(today, 8, 5 * i), category: "communal_conflict", placeId: ward },
    ]);
    await insertReports(server.deps, [
      ...dailyHistory(today, 56, KAPTEMBWO, "gang_crime", (d) => (d % 7 === 3 ? 1 : 0)),
      ...dailyHistory(
        today,
        56,
        NAKURU_ELSEWHERE,
        "gang_crime",
        (d) => [10, 9, 12, 8, 11, 10, 10][d % 7] ?? 0,
      ),
      ...dailyHistory(
        today,
        56,
        "w:0781",
        "communal_conflict",
        (d) => [15, 14, 16, 15, 13, 15, 17][d % 7] ?? 0,
      ),
      ...spread,
    ]);
    burstIds = await insertReports(
      server.deps,
      Array.from({ length: 8 }, (_, k) => ({
        receivedAt: kenyaTime(today, 7, 5 * k),
        category: "gang_crime" as const,
        placeId: KAPTEMBWO,
      })),
    );
    // As after a triage: the job is requested and runs a minute later.
    await requestAlertDetection(server.deps);
    await server.worker.drain();
    expect(await alertRows(server)).toEqual([]);
    server.clock.advance(61_000);
    await server.worker.drain();
  });
  afterAll(() => server?.close());

  it("the burst raises one alert at ward level and one at sub-county level, explained in both languages", async () => {
    const raised = (await alertRows(server)).filter((a) => a.category === "gang_crime");
    expect(raised.map((a) => [a.areaId, a.level, a.status])).toEqual([
      ["s:175", "sub_county", "new"],
      ["w:0872", "ward", "new"],
    ]);
    const ward = raised.find((a) => a.level === "ward");
    expect(ward?.explanationEn).toBe(
      "8 reports of gang violence or crime in Kaptembwo ward on 23 November 2026; usually none on such a day.",
    );
    expect(ward?.explanationSw).toBe(
      "Ripoti 8 za vurugu za magenge au uhalifu katika wadi ya Kaptembwo tarehe 23 Novemba 2026; kwa kawaida hakuna kwa siku kama hiyo.",
    );
    expect(ward).toMatchObject({ observed: 8, periodStart: "2026-11-23", periodEnd: "2026-11-23" });
    expect(ward?.expected).toBeLessThan(0.5);
    expect(ward?.score).toBeGreaterThan(3);
    expect([...(ward?.reportIds ?? [])].sort()).toEqual([...burstIds].sort());
    const subCounty = raised.find((a) => a.level === "sub_county");
    expect(subCounty?.explanationEn).toMatch(
      /^8 reports of gang violence or crime in Nakuru Town West sub-county/,
    );
  });

  it("the spread shows only at sub-county level", async () => {
    const raised = (await alertRows(server)).filter((a) => a.category === "communal_conflict");
    expect(raised.map((a) => [a.areaId, a.level])).toEqual([["s:159", "sub_county"]]);
    expect(raised[0]).toMatchObject({ observed: 10, periodStart: "2026-11-22", periodEnd: "2026-11-23" });
    expect(raised[0]?.explanationEn).toMatch(
      /^10 reports of community, land or cattle conflict in Baringo Central sub-county in 2 days \(22–23 November 2026\); usually about 1 in that time\.$/,
    );
  });

  it("programme officers whose areas cover the alert are notified, no one else", async () => {
    const rows = await server.deps.db
      .select({ userId: alertNotifications.userId, areaId: alerts.areaId })
      .from(alertNotifications)
      .innerJoin(alerts, eq(alerts.id, alertNotifications.alertId));
    expect(
      rows
        .filter((r) => r.userId === nakuruOfficer)
        .map((r) => r.areaId)
        .sort(),
    ).toEqual(["s:175", "w:0872"]);
    expect(rows.filter((r) => r.userId === mombasaOfficer)).toEqual([]);
    expect(rows.every((r) => r.userId === nakuruOfficer)).toBe(true);
  });

  it("each alert is raised with an audit row by the system", async () => {
    const audit = await server.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "alert"), eq(auditLog.action, "alert.raise")));
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actorLabel === "system" && a.placePath?.startsWith("c:0"))).toBe(true);
  });
});

describe("running the job again", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await seedTwoCounties(server.deps);
    await seedBurst(server.deps, {
      placeId: KAPTEMBWO,
      backgroundPlaceId: NAKURU_ELSEWHERE,
      category: "gang_crime",
    });
  });
  afterAll(() => server?.close());

  const snapshot = async () => ({
    alerts: await alertRows(server),
    audit: (await server.deps.db.select({ seq: auditLog.seq }).from(auditLog)).length,
    notifications: (await server.deps.db.select().from(alertNotifications)).length,
  });

  it("changes nothing when nothing new happened (the job is idempotent)", async () => {
    const before = await snapshot();
    expect(before.alerts.map((a) => a.areaId)).toEqual(["s:175", "w:0872"]);
    await runAlertDetection(server.deps);
    server.clock.advance(20 * 60_000);
    await runAlertDetection(server.deps);
    expect(await snapshot()).toEqual(before);
  });

  it("a rise that goes on the next day extends the same alert instead of raising another", async () => {
    const [before] = (await alertRows(server)).filter((a) => a.level === "ward");
    server.clock.advance(DAY);
    const today = dayOf(server.clock.now());
    await insertReports(
      server.deps,
      Array.from({ length: 6 }, (_, k) => ({
        receivedAt: kenyaTime(today, 8, k),
        category: "gang_crime" as const,
        placeId: KAPTEMBWO,
      })),
    );
    const summary = await runAlertDetection(server.deps);
    expect(summary).toMatchObject({ raised: 0, updated: 2 });
    const ward = (await alertRows(server)).filter((a) => a.level === "ward");
    expect(ward).toHaveLength(1);
    expect(ward[0]).toMatchObject({
      id: before?.id,
      periodStart: "2026-11-23",
      periodEnd: "2026-11-24",
      observed: 14,
    });
    expect(ward[0]?.reportIds).toHaveLength(14);
    expect(ward[0]?.explanationEn).toMatch(
      /^14 reports of gang violence or crime in Kaptembwo ward in 2 days \(23–24 November 2026\)/,
    );
    const updates = await server.deps.db.select().from(auditLog).where(eq(auditLog.action, "alert.update"));
    expect(updates).toHaveLength(2);
  });

  it("rejected and duplicate reports are not counted", async () => {
    server.clock.advance(10 * DAY);
    const today = dayOf(server.clock.now());
    const ids = await insertReports(
      server.deps,
      Array.from({ length: 8 }, (_, k) => ({
        receivedAt: kenyaTime(today, 8, k),
        category: "gbv" as const,
        placeId: KAPTEMBWO,
      })),
    );
    await server.deps.db
      .update(reports)
      .set({ status: "rejected" })
      .where(inArray(reports.id, ids.slice(0, 4)));
    await server.deps.db
      .update(reports)
      .set({ status: "duplicate" })
      .where(inArray(reports.id, ids.slice(4, 7)));
    await runAlertDetection(server.deps);
    expect((await alertRows(server)).filter((a) => a.category === "gbv")).toEqual([]);
  });
});
