// The triage job and the staff inbox list, through real HTTP and a real database.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../deps.ts";
import { enqueueJob } from "../../jobs/queue.ts";
import { type Fixture, MOMBASA, NAKURU, seedTwoCounties } from "../../test/fixtures.ts";
import { ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { addToReport, TRIAGE_JOB } from "./reports.service.ts";
import { reports } from "./reports.table.ts";
import { makeUser, signedIn, submit, submitAndTriage } from "./reports-test.fixture.ts";
import { reportTriage } from "./verification.table.ts";

let server: TestServer;
let fx: Fixture;
let nakuruMonitor: ApiClient;
let national: ApiClient;
const HOUR = 3_600_000;

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedTwoCounties(server.deps);
  await makeUser(server.deps, "monitor.nakuru@test.ke", ["monitor"], [fx.riftOrgId], [NAKURU]);
  await makeUser(server.deps, "monitor.kenya@test.ke", ["monitor"], [fx.riftOrgId, fx.coastOrgId], ["ke"]);
  nakuruMonitor = await signedIn(server, "monitor.nakuru@test.ke");
  national = await signedIn(server, "monitor.kenya@test.ke");
});
afterAll(() => server?.close());

async function auditActions(entityId: string) {
  const result = await server.deps.db.execute(
    sql`select action, actor_label from audit_log where entity_id = ${entityId} order by seq`,
  );
  return (result as unknown as { rows: { action: string; actor_label: string }[] }).rows;
}

describe("the triage job", () => {
  it("turns a new SMS report into a triaged one with a stored guess, its evidence and a system audit row", async () => {
    const { id } = await submit(server, {
      text: "Saa hii kuna majambazi Kaptembwo wanavunja maduka na panga tusaidieni",
      phone: "+254711000001",
    });
    expect((await nakuruMonitor.get(`/api/reports/${id}`)).status).toBe(404);
    await server.worker.drain();

    const res = await nakuruMonitor.get(`/api/reports/${id}`);
    expect(res.status).toBe(200);
    const report = res.body.report;
    expect(report.status).toBe("triaged");
    expect(report.guess).toMatchObject({ category: "gang_crime", urgency: "emergency" });
    expect(report.guess.place).toMatchObject({ id: "l:kaptembwo", name: "Kaptembwo" });
    expect(report).toMatchObject({ category: "gang_crime", urgency: "emergency", hasContact: true });
    const majambazi = report.guess.evidence.find((e: { term: string }) => e.term === "majambazi");
    expect(majambazi).toMatchObject({ kind: "category", source: "text" });
    expect(report.text.slice(majambazi.start, majambazi.end)).toBe("majambazi");
    expect(report.guess.evidence.some((e: { kind: string }) => e.kind === "place")).toBe(true);
    expect(await auditActions(id)).toEqual([
      { action: "report.submit", actor_label: "resident (sms)" },
      { action: "report.triage", actor_label: "system" },
    ]);
  });

  it("keeps a web reporter's own answers over the guess: their place scopes the report", async () => {
    const { id } = await submitAndTriage(server, {
      channel: "web",
      locale: "en",
      text: "Mtaro umeziba Rhonda na maji machafu yanaingia nyumbani",
      category: "public_order",
      placeId: MOMBASA,
    });
    expect((await nakuruMonitor.get(`/api/reports/${id}`)).status).toBe(404);
    const report = (await national.get(`/api/reports/${id}`)).body.report;
    expect(report.guess).toMatchObject({ category: "service_delivery", place: { name: "Rhonda" } });
    expect(report.resident).toMatchObject({ category: "public_order", place: { id: MOMBASA } });
    expect(report).toMatchObject({ status: "triaged", category: "public_order", place: { id: MOMBASA } });
  });

  it("triages again when information is added, keeps the earlier guess as history, and ignores a re-delivered job", async () => {
    const { id } = await submitAndTriage(server, { text: "Kuna shida kubwa hapa", phone: "+254711000002" });
    let report = (await national.get(`/api/reports/${id}`)).body.report;
    expect(report.guess).toMatchObject({ category: "other", place: null });

    await inTransaction(server.deps, (tx) =>
      addToReport(tx, { id }, { channel: "sms", text: "Majambazi wanavunja maduka Kaptembwo sasa hivi" }),
    );
    await server.worker.drain();
    report = (await nakuruMonitor.get(`/api/reports/${id}`)).body.report;
    expect(report.guess).toMatchObject({ category: "gang_crime", place: { name: "Kaptembwo" } });
    expect(report.guessHistory.map((g: { category: string }) => g.category)).toEqual(["other"]);
    const addition = report.additions[0];
    const inAddition = report.guess.evidence.find((e: { source: string }) => e.source === addition.id);
    expect(addition.text.slice(inAddition.start, inAddition.end)).toBe(inAddition.term);

    await inTransaction(server.deps, (tx) => enqueueJob(tx, TRIAGE_JOB, { reportId: id }));
    await server.worker.drain();
    expect(await server.deps.db.$count(reportTriage, eq(reportTriage.reportId, id))).toBe(2);
  });

  it("triages empty, huge, binary-ish and emoji-only texts to other, routine and no place without failing", async () => {
    const texts = ["", "sawa tu ".repeat(1280), "\u0001\u0002\u0003\ufffd".repeat(50), "😀🔥🙏🏽😭"];
    const ids: string[] = [];
    for (const [i, text] of texts.entries()) {
      // Straight into the table: the intake services refuse some of these, a gateway may not.
      const [row] = await server.deps.db
        .insert(reports)
        .values({
          reference: `BRZ-ODD${i}`,
          channel: "sms",
          text,
          locale: "sw",
          receivedAt: server.deps.now(),
          updatedAt: server.deps.now(),
        })
        .returning({ id: reports.id });
      ids.push(row?.id ?? "");
      await inTransaction(server.deps, (tx) => enqueueJob(tx, TRIAGE_JOB, { reportId: row?.id }));
    }
    await server.worker.drain();
    const guesses = await Promise.all(
      ids.map(async (id) => (await national.get(`/api/reports/${id}`)).body.report),
    );
    expect(guesses.map((r) => [r.status, r.guess.category, r.guess.urgency, r.guess.place])).toEqual([
      ["triaged", "other", "routine", null],
      ["triaged", "other", "routine", null],
      ["triaged", "other", "routine", null],
      ["triaged", "other", "routine", null],
    ]);
  });
});

describe("the inbox list", () => {
  const created: Record<string, string> = {};
  beforeAll(async () => {
    server.clock.advance(24 * HOUR);
    const add = async (key: string, text: string, extra: Record<string, unknown> = {}) => {
      created[key] = (await submitAndTriage(server, { text, ...extra })).id;
      server.clock.advance(HOUR);
    };
    await add("drain", "Mtaro umeziba Rhonda na maji machafu yanaingia nyumbani");
    await add("fightOld", "Vijana wanapigana Molo na mawe sasa hivi");
    await add("police", "Jana polisi walimpiga kijana Kaptembwo na kumnyang'anya simu");
    await add("fightNew", "Majambazi wanavunja maduka Kaptembwo sasa hivi tusaidieni");
    await add("web", "Mume wangu ananipiga kila siku Kaptembwo", { channel: "web", locale: "en" });
    // A day passed on the test clock: the sessions expired.
    nakuruMonitor = await signedIn(server, "monitor.nakuru@test.ke");
    national = await signedIn(server, "monitor.kenya@test.ke");
  });

  const since = () => new Date(server.deps.now().getTime() - 6 * HOUR).toISOString();

  it("lists the reports in scope, most urgent first and newest first within an urgency, with the total", async () => {
    const res = await nakuruMonitor.get(`/api/reports?from=${encodeURIComponent(since())}`);
    expect(res.status).toBe(200);
    expect(res.body.reports.map((r: { id: string }) => r.id)).toEqual([
      created.fightNew,
      created.fightOld,
      created.web,
      created.police,
      created.drain,
    ]);
    expect(res.body.total).toBe(5);
    const first = res.body.reports[0];
    expect(first).toMatchObject({
      urgency: "emergency",
      status: "triaged",
      channel: "sms",
      hasContact: false,
    });
    expect(first.guess.evidence.length).toBeGreaterThan(0);
    expect(Object.keys(first)).not.toContain("contactSealed");
  });

  it("pages through the list", async () => {
    const page = (n: number) =>
      nakuruMonitor.get(`/api/reports?from=${encodeURIComponent(since())}&pageSize=2&page=${n}`);
    const pages = await Promise.all([1, 2, 3].map(page));
    expect(pages.map((p) => p.body.reports.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.body.total)).toEqual([5, 5, 5]);
    expect(pages[1]?.body.reports[0].id).toBe(created.web);
  });

  it("filters by category, urgency, status, channel, place and date", async () => {
    const ids = async (query: string) =>
      (await nakuruMonitor.get(`/api/reports?from=${encodeURIComponent(since())}&${query}`)).body.reports.map(
        (r: { id: string }) => r.id,
      );
    expect(await ids("category=police_misconduct,gbv")).toEqual([created.web, created.police]);
    expect(await ids("urgency=emergency")).toEqual([created.fightNew, created.fightOld]);
    expect(await ids("channel=web")).toEqual([created.web]);
    expect(await ids("placeId=l:rhonda")).toEqual([created.drain]);
    expect(await ids("status=verified")).toEqual([]);
    expect(await ids("status=new,triaged&urgency=routine")).toEqual([created.drain]);
    const twoHoursAgo = new Date(server.deps.now().getTime() - 2.5 * HOUR).toISOString();
    expect(await ids(`to=${encodeURIComponent(twoHoursAgo)}`)).toEqual([
      created.fightOld,
      created.police,
      created.drain,
    ]);
  });

  it("refuses unknown filter values, naming the field", async () => {
    const res = await nakuruMonitor.get("/api/reports?category=riots&from=last-week&placeId=c:999");
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["category.0", "from"]);
    const unknownPlace = await nakuruMonitor.get("/api/reports?placeId=c:999");
    expect(unknownPlace.status).toBe(400);
    expect(unknownPlace.body.error.message).toContain("c:999");
  });

  it("shows a report without any place only to nationwide staff", async () => {
    const { id } = await submitAndTriage(server, { text: "thanks for the meeting yesterday" });
    expect((await nakuruMonitor.get(`/api/reports/${id}`)).status).toBe(404);
    expect(
      (await nakuruMonitor.get("/api/reports?pageSize=100")).body.reports.map((r: { id: string }) => r.id),
    ).not.toContain(id);
    expect((await national.get(`/api/reports/${id}`)).body.report.place).toBeNull();
  });

  it("is closed to roles without reports.read, and a malformed id is simply not found", async () => {
    const responder = await signedIn(server, "ocs.nakuru@test.ke");
    expect((await responder.get("/api/reports")).status).toBe(403);
    expect((await responder.get(`/api/reports/${created.police}`)).status).toBe(403);
    expect((await nakuruMonitor.get("/api/reports/not-a-uuid")).status).toBe(404);
    expect((await new ApiClient(server.url).get("/api/reports")).status).toBe(401);
  });
});
