// The verification workflow through real HTTP: verify, correct, reject, duplicate, reopen, bulk,
// the 409s for illegal moves, duplicate proposals and the labelled examples kept for training.
import { PassThrough } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { inTransaction } from "../../deps.ts";
import { maskPhones } from "../../lib/redact.ts";
import { type Fixture, NAKURU, seedTwoCounties } from "../../test/fixtures.ts";
import { type ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { exportLabelledExamples } from "./corrections.service.ts";
import { addToReport } from "./reports.service.ts";
import { makeUser, signedIn, submit, submitAndTriage } from "./reports-test.fixture.ts";

let server: TestServer;
let fx: Fixture;
let monitor: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedTwoCounties(server.deps);
  await makeUser(server.deps, "monitor.nakuru@test.ke", ["monitor"], [fx.riftOrgId], [NAKURU]);
  monitor = await signedIn(server, "monitor.nakuru@test.ke");
});
afterAll(() => server?.close());

const FIGHT = "Vijana wanapigana Molo na mawe sasa hivi";
const triaged = (text = FIGHT, extra = {}) => submitAndTriage(server, { text, ...extra });

async function auditRows(entityId: string) {
  const result = await server.deps.db.execute(
    sql`select action, actor_label, after::text as after from audit_log where entity_id = ${entityId} order by seq`,
  );
  return (result as unknown as { rows: { action: string; actor_label: string; after: string }[] }).rows;
}

async function exported(includeConfirmed = false) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  await exportLabelledExamples(server.deps, out, { includeConfirmed });
  out.end();
  return chunks
    .join("")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe("verifying and correcting", () => {
  it("verifies as guessed: the decision is recorded with who and when, audited, and kept as a confirmed example", async () => {
    const { id } = await triaged();
    const res = await monitor.post(`/api/reports/${id}/verify`, { notes: "Confirmed by the chief" });
    expect(res.status).toBe(200);
    const report = res.body.report;
    expect(report).toMatchObject({ status: "verified", category: "public_order", urgency: "emergency" });
    expect(report.decisions).toEqual([
      expect.objectContaining({
        action: "verify",
        fromStatus: "triaged",
        toStatus: "verified",
        category: "public_order",
        place: expect.objectContaining({ name: "Molo" }),
        notes: "Confirmed by the chief",
        decidedBy: "monitor.nakuru@test.ke",
        decidedAt: server.deps.now().toISOString(),
      }),
    ]);
    const audit = (await auditRows(id)).at(-1);
    expect(audit).toMatchObject({ action: "report.verify", actor_label: "monitor.nakuru@test.ke" });
    expect(audit?.after).not.toContain("Confirmed by the chief");
    const examples = await exported(true);
    expect(examples.find((e) => e.text === FIGHT)).toMatchObject({
      category: "public_order",
      corrected: false,
    });
  });

  it("corrects the category, then verifies: the correction wins over the guess and is exported for training", async () => {
    const text = "Jana usiku vijana walipigana Molo. Nipigie 0712 345 678";
    const { id } = await triaged(text);
    const guess = (await monitor.get(`/api/reports/${id}`)).body.report.guess;
    expect(guess.category).not.toBe("election_violence");

    const corrected = await monitor.post(`/api/reports/${id}/correct`, { category: "election_violence" });
    expect(corrected.body.report).toMatchObject({ status: "triaged", category: "election_violence" });
    const verified = await monitor.post(`/api/reports/${id}/verify`, {});
    expect(verified.body.report).toMatchObject({ status: "verified", category: "election_violence" });
    expect(verified.body.report.decisions.map((d: { action: string }) => d.action)).toEqual([
      "correct",
      "verify",
    ]);

    const examples = (await exported()).filter((e) => e.text.startsWith("Jana usiku vijana"));
    expect(examples).toEqual([
      expect.objectContaining({
        category: "election_violence",
        county: "Nakuru",
        place: "Molo",
        corrected: true,
        guessed: expect.objectContaining({ category: guess.category }),
      }),
    ]);
    expect(examples[0].text).not.toContain("345");
    expect(examples[0].text).toContain("[phone hidden]");
  });

  it("needs something to correct, a known place, and a place within the user's own areas", async () => {
    const { id } = await triaged();
    expect((await monitor.post(`/api/reports/${id}/correct`, { notes: "x" })).status).toBe(400);
    const unknown = await monitor.post(`/api/reports/${id}/correct`, { placeId: "l:nowhere" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: "placeId", message: "is not a known place" }]);
    const elsewhere = await monitor.post(`/api/reports/${id}/correct`, { placeId: "c:001" });
    expect(elsewhere.status).toBe(403);
    const moved = await monitor.post(`/api/reports/${id}/correct`, {
      placeId: "l:kaptembwo",
      urgency: "high",
    });
    expect(moved.body.report).toMatchObject({ place: { id: "l:kaptembwo" }, urgency: "high" });
  });

  it("keeps a verified report verified, and its decision, when new information is triaged again", async () => {
    const { id } = await triaged();
    await monitor.post(`/api/reports/${id}/verify`, { category: "gang_crime" });
    await inTransaction(server.deps, (tx) =>
      addToReport(tx, { id }, { channel: "sms", text: "Mume ananipiga nyumbani" }),
    );
    await server.worker.drain();
    const report = (await monitor.get(`/api/reports/${id}`)).body.report;
    expect(report.guessHistory).toHaveLength(1);
    expect(report).toMatchObject({ status: "verified", category: "gang_crime" });
  });
});

describe("rejecting, reopening and illegal moves", () => {
  it("rejects only with a reason, which is recorded and audited", async () => {
    const { id } = await triaged("Hii ni test tu ya simu Molo");
    const missing = await monitor.post(`/api/reports/${id}/reject`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["reason"]);
    const res = await monitor.post(`/api/reports/${id}/reject`, { reason: "A test message" });
    expect(res.body.report.status).toBe("rejected");
    expect(res.body.report.decisions[0]).toMatchObject({ action: "reject", reason: "A test message" });
    expect((await auditRows(id)).at(-1)?.after).toContain("A test message");
  });

  it("asks the alerts to count again a minute after a decision, since a rejected report no longer counts", async () => {
    const { id } = await triaged("Vijana wanapigana Molo tena leo");
    server.clock.advance(2 * 60_000);
    await server.worker.drain();
    const requested = () =>
      queryRows<{ run_at: string | Date }>(
        server.deps.db,
        sql`select run_at from jobs where dedupe_key = 'alerts.detect:requested' and status = 'queued'`,
      );
    expect(await requested()).toEqual([]);
    expect((await monitor.post(`/api/reports/${id}/reject`, { reason: "Not in our area" })).status).toBe(200);
    const [job] = await requested();
    expect(new Date(job?.run_at ?? 0).getTime()).toBe(server.clock.now().getTime() + 60_000);
  });

  it("answers 409 with what to do for moves the workflow does not allow", async () => {
    const untriaged = await submit(server, { text: FIGHT, channel: "web", placeId: NAKURU });
    const early = await monitor.post(`/api/reports/${untriaged.id}/verify`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/has not been triaged yet.*Wait a few seconds/);
    await server.worker.drain();

    const { id } = await triaged();
    expect((await monitor.post(`/api/reports/${id}/reopen`, { reason: "mistake" })).status).toBe(409);
    await monitor.post(`/api/reports/${id}/verify`, {});
    const twice = await monitor.post(`/api/reports/${id}/verify`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/already verified on .*Reopen it first/);
    expect((await monitor.post(`/api/reports/${id}/reject`, { reason: "changed my mind" })).status).toBe(409);
  });

  it("reopens a decided report with a reason, after which it can be decided again", async () => {
    const { id } = await triaged();
    await monitor.post(`/api/reports/${id}/reject`, { reason: "Looked like a prank" });
    const reopened = await monitor.post(`/api/reports/${id}/reopen`, { reason: "The chief confirmed it" });
    expect(reopened.body.report.status).toBe("triaged");
    const verified = await monitor.post(`/api/reports/${id}/verify`, {});
    expect(verified.body.report.decisions.map((d: { toStatus: string }) => d.toStatus)).toEqual([
      "rejected",
      "triaged",
      "verified",
    ]);
  });

  it("lets an administrator read reports but not decide on them", async () => {
    const { id } = await triaged();
    const admin = await signedIn(server, "admin.nakuru@test.ke");
    expect((await admin.get(`/api/reports/${id}`)).status).toBe(200);
    expect((await admin.post(`/api/reports/${id}/verify`, {})).status).toBe(403);
  });
});

describe("duplicates", () => {
  it("proposes a similar report of the same place and category, and never merges it by itself", async () => {
    server.clock.advance(3 * 24 * 3_600_000);
    monitor = await signedIn(server, "monitor.nakuru@test.ke");
    const first = await triaged("Majambazi wanavunja maduka Kaptembwo sasa hivi tusaidieni");
    server.clock.advance(20 * 60_000);
    const second = await triaged("majambazi wamevunja maduka kaptembo saa hii tusaidie");
    const unrelated = await triaged("Majambazi wameiba simu ya mama Kaptembwo wiki iliyopita");
    const elsewhere = await triaged("Majambazi wanavunja maduka Molo sasa hivi tusaidieni");

    const detail = (await monitor.get(`/api/reports/${second.id}`)).body.report;
    const proposed = detail.duplicateCandidates.map((c: { id: string }) => c.id);
    expect(proposed).toContain(first.id);
    expect(proposed).not.toContain(unrelated.id);
    expect(proposed).not.toContain(elsewhere.id);
    expect(detail.duplicateCandidates[0]).toMatchObject({ id: first.id, reference: first.reference });
    expect(detail.duplicateCandidates[0].similarity).toBeGreaterThan(0.35);
    expect(detail.status).toBe("triaged");
  });

  it("marks a duplicate of the original (also when pointed at another duplicate), never of itself", async () => {
    const original = await triaged("Wezi wa ng'ombe wamevamia Molo usiku wakachukua ng'ombe kumi");
    const copy = await triaged("wezi wa ngombe wamevamia molo usiku wakachukua ngombe kumi");
    const third = await triaged("Wezi wa ng'ombe wamevamia Molo, ng'ombe kumi zimeibwa");
    expect((await monitor.post(`/api/reports/${copy.id}/duplicate`, { duplicateOfId: copy.id })).status).toBe(
      400,
    );
    const marked = await monitor.post(`/api/reports/${copy.id}/duplicate`, { duplicateOfId: original.id });
    expect(marked.body.report).toMatchObject({
      status: "duplicate",
      duplicateOf: { id: original.id, reference: original.reference },
    });
    const chained = await monitor.post(`/api/reports/${third.id}/duplicate`, { duplicateOfId: copy.id });
    expect(chained.body.report.duplicateOf.id).toBe(original.id);
    const back = await monitor.post(`/api/reports/${original.id}/duplicate`, { duplicateOfId: copy.id });
    expect(back.status).toBe(409);
    expect((await monitor.get(`/api/reports/${original.id}`)).body.report.duplicateCandidates).toEqual([]);
  });
});

describe("bulk decisions", () => {
  it("decides each report on its own and says which could not move", async () => {
    const a = await triaged();
    const b = await triaged();
    await monitor.post(`/api/reports/${b.id}/verify`, {});
    const mombasa = await triaged("Likoni kuna majambazi wanaiba watu usiku");
    const noReason = await monitor.post("/api/reports/bulk", { ids: [a.id], action: "reject" });
    expect(noReason.status).toBe(400);
    const res = await monitor.post("/api/reports/bulk", { ids: [a.id, b.id, mombasa.id], action: "verify" });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { id: a.id, ok: true, status: "verified" },
      { id: b.id, ok: false, error: expect.stringMatching(/already verified/) },
      { id: mombasa.id, ok: false, error: "The report was not found." },
    ]);
  });
});

describe("labelled examples", () => {
  it("masks phone numbers in every common format", () => {
    expect(maskPhones("piga +254712345678 au 0712 345 678 au 712-345-678, si 2026")).toBe(
      "piga [phone] au [phone] au [phone], si 2026",
    );
  });
});
