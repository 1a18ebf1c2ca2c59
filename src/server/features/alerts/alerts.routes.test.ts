// The alerts API: scoped list and detail, the audited lifecycle, labels and notifications.
import { PassThrough } from "node:stream";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertDetail, AlertListResponse, AlertView } from "../../../common/contracts/alerts.ts";
import { type Fixture, MOMBASA, makeUser, NAKURU, seedTwoCounties, signedIn } from "../../test/fixtures.ts";
import { ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
import { reports } from "../reports/reports.table.ts";
import { insertReports, kenyaTime, seedBurst } from "./alerts.fixture.ts";
import { alertLabels, alerts } from "./alerts.table.ts";
import { runAlertDetection } from "./alerts-job.service.ts";
import { dayOf } from "./days.ts";
import { exportAlertLabels } from "./labels-export.ts";

let server: TestServer;
let fx: Fixture;
let nakuru: ApiClient;
let mombasa: ApiClient;
let nakuruWard: AlertView;
let mombasaWard: AlertView;

async function auditFor(alertId: string) {
  return server.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "alert"), eq(auditLog.entityId, alertId)))
    .orderBy(auditLog.seq);
}

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedTwoCounties(server.deps);
  await makeUser(server.deps, "officer.nakuru@test.ke", ["programme_officer"], [fx.riftOrgId], [NAKURU]);
  await makeUser(
    server.deps,
    "me.both@test.ke",
    ["me_officer"],
    [fx.riftOrgId, fx.coastOrgId],
    [NAKURU, MOMBASA],
  );
  await seedBurst(server.deps, {
    placeId: "l:kaptembwo",
    backgroundPlaceId: "w:0880",
    category: "gang_crime",
  });
  await seedBurst(server.deps, { placeId: "w:0027", backgroundPlaceId: "w:0016", category: "gang_crime" });
  nakuru = await signedIn(server, "officer.nakuru@test.ke");
  mombasa = await signedIn(server, "officer.mombasa@test.ke");
  const nakuruList = (await nakuru.get<AlertListResponse>("/api/alerts")).body;
  const mombasaList = (await mombasa.get<AlertListResponse>("/api/alerts")).body;
  nakuruWard = nakuruList.alerts.find((a) => a.area.level === "ward") as AlertView;
  mombasaWard = mombasaList.alerts.find((a) => a.area.level === "ward") as AlertView;
});
afterAll(() => server?.close());

describe("listing and reading alerts", () => {
  it("an officer sees the alerts in their areas, newest open first, with a map of their sub-counties", async () => {
    const res = await nakuru.get<AlertListResponse>("/api/alerts");
    expect(res.status).toBe(200);
    expect(res.body.alerts.map((a) => [a.area.id, a.status])).toEqual(
      expect.arrayContaining([
        ["w:0872", "new"],
        ["s:175", "new"],
      ]),
    );
    expect(res.body.alerts).toHaveLength(2);
    expect(nakuruWard.area).toMatchObject({
      name: "Kaptembwo",
      label: "Kaptembwo, Nakuru Town West, Nakuru",
    });
    expect(nakuruWard.explanation.en).toMatch(/^8 reports of gang violence or crime in Kaptembwo ward/);
    expect(nakuruWard.explanation.sw).toMatch(
      /^Ripoti 8 za vurugu za magenge au uhalifu katika wadi ya Kaptembwo/,
    );
    expect(res.body.map.points.every((p) => p.level === "sub_county")).toBe(true);
    expect(res.body.map.points.some((p) => p.name === "Nakuru Town West")).toBe(true);
  });

  it("Nakuru staff never see a Mombasa alert: not listed, and 404 when asked for directly", async () => {
    const list = await nakuru.get<AlertListResponse>("/api/alerts?status=open");
    expect(list.body.alerts.every((a) => a.area.path.startsWith("c:032/"))).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(mombasaWard.id);
    expect((await nakuru.get(`/api/alerts/${mombasaWard.id}`)).status).toBe(404);
    expect((await nakuru.post(`/api/alerts/${mombasaWard.id}/acknowledge`)).status).toBe(404);
    expect((await nakuru.post(`/api/alerts/${mombasaWard.id}/dismiss`, { reason: "not ours" })).status).toBe(
      404,
    );
    expect((await nakuru.get("/api/alerts/not-a-uuid")).status).toBe(404);
  });

  it("filters by status, category and level; a bad filter is refused naming the field", async () => {
    const wards = await nakuru.get<AlertListResponse>(
      "/api/alerts?level=ward&category=gang_crime&status=new",
    );
    expect(wards.body.alerts.map((a) => a.area.id)).toEqual(["w:0872"]);
    expect((await nakuru.get<AlertListResponse>("/api/alerts?category=gbv")).body.alerts).toEqual([]);
    const bad = await nakuru.get("/api/alerts?level=village");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe("level");
  });

  it("the detail has the daily series with its usual range, and the reports behind it without contact fields", async () => {
    const res = await nakuru.get<AlertDetail>(`/api/alerts/${nakuruWard.id}`);
    expect(res.status).toBe(200);
    const { series, reports: behind } = res.body;
    expect(series.length).toBe(43);
    const last = series.at(-1);
    expect(last).toMatchObject({ date: dayOf(server.clock.now()), count: 8, inPeriod: true });
    expect(last?.usualMax).toBeLessThan(8);
    expect(series.filter((d) => d.inPeriod)).toHaveLength(1);
    expect(behind).toHaveLength(8);
    expect(behind[0]).toMatchObject({
      category: "gang_crime",
      place: { id: "l:kaptembwo", name: "Kaptembwo" },
    });
    expect(Object.keys(behind[0] ?? {}).sort()).toEqual(
      ["category", "excerpt", "id", "place", "receivedAt", "reference", "status"].sort(),
    );
  });

  it("roles without alerts.manage are refused", async () => {
    const responder = await signedIn(server, "ocs.nakuru@test.ke");
    expect((await responder.get("/api/alerts")).status).toBe(403);
    expect((await responder.get(`/api/alerts/${nakuruWard.id}`)).status).toBe(403);
    expect((await new ApiClient(server.url).get("/api/alerts")).status).toBe(401);
  });
});

describe("the lifecycle", () => {
  it("new → acknowledged → actioned, each step audited, illegal moves answered 409", async () => {
    const subCounty = (await nakuru.get<AlertListResponse>("/api/alerts?level=sub_county")).body.alerts[0];
    const id = subCounty?.id ?? "";
    const early = await nakuru.post(`/api/alerts/${id}/action`, { note: "Too early" });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/Acknowledge the alert before/);

    const ack = await nakuru.post<{ alert: AlertView }>(`/api/alerts/${id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.alert).toMatchObject({
      status: "acknowledged",
      acknowledgedBy: "officer.nakuru@test.ke",
    });
    expect((await nakuru.post(`/api/alerts/${id}/acknowledge`)).status).toBe(409);

    const done = await nakuru.post<{ alert: AlertView }>(`/api/alerts/${id}/action`, {
      note: "Peace committee met the youth group leaders in Kaptembwo",
    });
    expect(done.body.alert).toMatchObject({ status: "actioned", closedBy: "officer.nakuru@test.ke" });
    expect((await nakuru.post(`/api/alerts/${id}/dismiss`, { reason: "changed my mind" })).status).toBe(409);

    const audit = await auditFor(id);
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([
      ["alert.raise", "system"],
      ["alert.acknowledge", "officer.nakuru@test.ke"],
      ["alert.action", "officer.nakuru@test.ke"],
    ]);
    expect(audit[2]?.after).toMatchObject({ status: "actioned" });
    expect(audit[2]?.placePath).toBe("c:032/s:175");
  });

  it("a dismissal needs a reason, is kept as a labelled example and can be exported", async () => {
    server.clock.advance(60_000); // labels export in the order they were made
    const missing = await nakuru.post(`/api/alerts/${nakuruWard.id}/dismiss`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0].path).toBe("reason");
    const res = await nakuru.post<{ alert: AlertView }>(`/api/alerts/${nakuruWard.id}/dismiss`, {
      reason: "One family's dispute reported by many neighbours",
    });
    expect(res.status).toBe(200);
    expect(res.body.alert).toMatchObject({
      status: "dismissed",
      dismissReason: "One family's dispute reported by many neighbours",
    });
    const [label] = await server.deps.db
      .select()
      .from(alertLabels)
      .where(eq(alertLabels.alertId, nakuruWard.id));
    expect(label).toMatchObject({
      outcome: "dismissed",
      areaId: "w:0872",
      observed: 8,
      labelledByLabel: "officer.nakuru@test.ke",
    });
    expect(label?.series).toHaveLength(28);
    expect(label?.series.at(-1)).toMatchObject({ count: 8 });

    const out = new PassThrough();
    const chunks: string[] = [];
    out.on("data", (c: Buffer) => chunks.push(c.toString()));
    expect(await exportAlertLabels(server.deps, out)).toBe(2);
    const lines = chunks
      .join("")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.outcome, l.area])).toEqual([
      ["actioned", "s:175"],
      ["dismissed", "w:0872"],
    ]);
    expect(lines[1].reason).toBe("One family's dispute reported by many neighbours");
  });

  it("a dismissed rise that goes on is updated, not raised again", async () => {
    server.clock.advance(24 * 3_600_000);
    const today = dayOf(server.clock.now());
    await insertReports(
      server.deps,
      Array.from({ length: 6 }, (_, k) => ({
        receivedAt: kenyaTime(today, 8, k),
        category: "gang_crime" as const,
        placeId: "l:kaptembwo",
      })),
    );
    await runAlertDetection(server.deps);
    const wards = await server.deps.db.select().from(alerts).where(eq(alerts.areaId, "w:0872"));
    expect(wards.map((a) => [a.status, a.observed, a.periodEnd])).toEqual([["dismissed", 14, today]]);
  });
});

describe("notifications", () => {
  beforeAll(async () => {
    // The lifecycle tests moved the clock past the sessions' lifetime.
    nakuru = await signedIn(server, "officer.nakuru@test.ke");
    mombasa = await signedIn(server, "officer.mombasa@test.ke");
  });

  it("each officer covering the area is notified; reading one marks it read, with an audit row", async () => {
    const both = await signedIn(server, "me.both@test.ke");
    const mine = await both.get("/api/alerts/notifications");
    expect(mine.status).toBe(200);
    expect(mine.body.notifications.map((n: { areaLabel: string }) => n.areaLabel).sort()).toEqual(
      [
        "Kaptembwo, Nakuru Town West, Nakuru",
        "Mvita, Mombasa",
        "Nakuru Town West, Nakuru",
        expect.stringMatching(/, Mvita, Mombasa$/),
      ].sort(),
    );
    expect(mine.body.notifications.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);

    const marked = await both.post("/api/alerts/notifications/read", { alertIds: [mombasaWard.id] });
    expect(marked.body).toEqual({ marked: 1 });
    const after = await both.get("/api/alerts/notifications");
    const read = after.body.notifications.filter((n: { readAt: string | null }) => n.readAt !== null);
    expect(read.map((n: { alertId: string }) => n.alertId)).toEqual([mombasaWard.id]);
    expect((await both.post("/api/alerts/notifications/read", {})).body).toEqual({ marked: 3 });
    const audit = await server.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "alert.notifications_read"));
    expect(audit).toHaveLength(2);
  });

  it("acting on an alert marks the actor's own notification read", async () => {
    const mine = (await nakuru.get("/api/alerts/notifications")).body.notifications;
    expect(mine.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    const mombasaMine = (await mombasa.get("/api/alerts/notifications")).body.notifications;
    expect(mombasaMine).toHaveLength(2);
    expect(JSON.stringify(mombasaMine)).not.toContain("Nakuru");
  });

  it("notifications never carry reporters' contact details", async () => {
    const [anyReport] = await server.deps.db.select({ n: sql<number>`count(*)::int` }).from(reports);
    expect(Number(anyReport?.n)).toBeGreaterThan(0);
    const body = JSON.stringify((await nakuru.get(`/api/alerts/${nakuruWard.id}`)).body);
    for (const field of ["contact", "phone", "reporterIndex", "pin"]) expect(body).not.toContain(field);
  });
});
