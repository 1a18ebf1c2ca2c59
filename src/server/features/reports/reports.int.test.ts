// submitReport, the receipt check, the job queue and the outbox against a real database.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../deps.ts";
import { jobs } from "../../jobs/jobs.table.ts";
import { enqueueJob, runDueJobs } from "../../jobs/queue.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { caseAwareStatusByReference } from "../cases/feedback.service.ts";
import { smsOptOuts } from "../channels/inbound.table.ts";
import { deliverDueMessages, enqueueSms, PHONE_INDEX_PURPOSE } from "../messaging/outbox.service.ts";
import { outboundMessages } from "../messaging/outbox.table.ts";
import { checkReceipt, MAX_PIN_FAILURES } from "./receipt.service.ts";
import { addToReport, findRecentReportFrom, submitReport, TRIAGE_JOB } from "./reports.service.ts";
import { reportAdditions, reports } from "./reports.table.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const PHONE = "+254712345678";

describe("submitReport", () => {
  it("stores the report with a reference, seals the contact, audits it and queues triage, in one transaction", async () => {
    const { deps } = server;
    const submitted = await inTransaction(deps, (tx) =>
      submitReport(tx, {
        channel: "web",
        text: "Vijana wamepigwa na karao Kaptembwo jana usiku",
        locale: "sw",
        placeId: "c:032",
        phone: PHONE,
        name: "Wanjiku",
        consentToContact: true,
        withPin: true,
      }),
    );
    expect(submitted.reference).toMatch(/^BRZ-[0-9A-Z]{5}$/);
    expect(submitted.pin).toMatch(/^\d{6}$/);
    const [row] = await deps.db.select().from(reports).where(eq(reports.id, submitted.id));
    expect(row?.placePath).toBe(submitted.placePath);
    expect(row?.contactSealed).not.toContain("712345678");
    expect(row?.contactNameSealed).not.toContain("Wanjiku");
    expect(row?.pinHash).not.toContain(submitted.pin);
    expect(deps.vault.decrypt("reporter.phone", row?.contactSealed ?? "")).toBe(PHONE);

    const audit = await deps.db.execute(
      sql`select action, after::text as after from audit_log where entity_id = ${submitted.id}`,
    );
    const auditRows = (audit as unknown as { rows: { action: string; after: string }[] }).rows;
    expect(auditRows.map((r) => r.action)).toEqual(["report.submit"]);
    expect(auditRows[0]?.after).not.toMatch(/712345678|Wanjiku/);

    const queued = await deps.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `triage:${submitted.id}`));
    expect(queued.map((j) => j.kind)).toEqual([TRIAGE_JOB]);
  });

  it("keeps nothing when the transaction fails after the insert", async () => {
    const { deps } = server;
    const before = await deps.db.$count(reports);
    await expect(
      inTransaction(deps, async (tx) => {
        await submitReport(tx, { channel: "web", text: "something happened", locale: "en" });
        throw new Error("the reply could not be queued");
      }),
    ).rejects.toThrow("could not be queued");
    expect(await deps.db.$count(reports)).toBe(before);
  });

  it("refuses empty text and unknown places with a message a person can act on", async () => {
    const { deps } = server;
    await expect(
      inTransaction(deps, (tx) => submitReport(tx, { channel: "web", text: "  ", locale: "en" })),
    ).rejects.toThrow(/text is empty/);
    await expect(
      inTransaction(deps, (tx) =>
        submitReport(tx, { channel: "web", text: "x", locale: "en", placeId: "c:999" }),
      ),
    ).rejects.toThrow(/no place with id "c:999"/);
  });

  it("finds the sender's recent report for a follow-up SMS and attaches the addition", async () => {
    const { deps } = server;
    const submitted = await inTransaction(deps, (tx) =>
      submitReport(tx, {
        channel: "sms",
        text: "Wezi wameiba ng'ombe",
        locale: "sw",
        phone: "+254722000111",
      }),
    );
    const found = await findRecentReportFrom(deps, "+254722000111", 30 * 60_000);
    expect(found?.reference).toBe(submitted.reference);
    await inTransaction(deps, (tx) =>
      addToReport(tx, { id: submitted.id }, { channel: "sms", text: "Ni huko Molo" }),
    );
    const additions = await deps.db
      .select()
      .from(reportAdditions)
      .where(eq(reportAdditions.reportId, submitted.id));
    expect(additions.map((a) => a.text)).toEqual(["Ni huko Molo"]);
    server.clock.advance(31 * 60_000);
    expect(await findRecentReportFrom(deps, "+254722000111", 30 * 60_000)).toBeNull();
  });
});

describe("the receipt check", () => {
  it("accepts the right PIN, answers unknown references and wrong PINs alike, and locks after repeated wrong PINs", async () => {
    const { deps } = server;
    const { reference, pin } = await inTransaction(deps, (tx) =>
      submitReport(tx, { channel: "web", text: "Threats at the market", locale: "en", withPin: true }),
    );
    const wrong = pin === "000000" ? "111111" : "000000";
    expect((await checkReceipt(deps, reference.toLowerCase(), pin ?? "")).ok).toBe(true);
    expect(await checkReceipt(deps, "BRZ-ZZZZZ", "123456")).toEqual({ ok: false, reason: "no_match" });
    for (let i = 1; i < MAX_PIN_FAILURES; i++)
      expect(await checkReceipt(deps, reference, wrong)).toEqual({ ok: false, reason: "no_match" });
    expect(await checkReceipt(deps, reference, wrong)).toEqual({ ok: false, reason: "locked" });
    expect(await checkReceipt(deps, reference, pin ?? "")).toEqual({ ok: false, reason: "locked" });
    server.clock.advance(61 * 60_000);
    expect((await checkReceipt(deps, reference, pin ?? "")).ok).toBe(true);
    expect(await caseAwareStatusByReference(deps, reference.replace("-", " "))).toBe("received");
    expect(await caseAwareStatusByReference(deps, "BRZ-ZZZZZ")).toBeNull();
  });
});

describe("the job queue", () => {
  it("runs a job once, retries a failing one with backoff, and ignores a duplicate key while queued", async () => {
    const { deps } = server;
    const seen: string[] = [];
    let failuresLeft = 1;
    const handlers = {
      "test.echo": async (_: unknown, payload: Record<string, unknown>) => {
        if (payload.flaky && failuresLeft-- > 0) throw new Error("temporary");
        seen.push(String(payload.word));
      },
    };
    await inTransaction(deps, async (tx) => {
      await enqueueJob(tx, "test.echo", { word: "a" }, { dedupeKey: "echo-a" });
      await enqueueJob(tx, "test.echo", { word: "a-again" }, { dedupeKey: "echo-a" });
      await enqueueJob(tx, "test.echo", { word: "b", flaky: true });
    });
    expect(await runDueJobs(deps, handlers)).toBe(2);
    expect(seen).toEqual(["a"]);
    expect(await runDueJobs(deps, handlers)).toBe(0); // b waits for its retry time
    server.clock.advance(5_000);
    expect(await runDueJobs(deps, handlers)).toBe(1);
    expect(seen).toEqual(["a", "b"]);
  });
});

describe("the outbox", () => {
  it("stores message bodies sealed (a receipt's PIN is not in the table) and still sends rows stored plain before", async () => {
    const { deps, sms } = server;
    sms.sent.length = 0;
    const body = "Baraza: report BRZ-7KX2Q received. PIN 482913.";
    await inTransaction(deps, (tx) =>
      enqueueSms(tx, { to: PHONE, body, purpose: "report.receipt", dedupeKey: "sealed-1" }),
    );
    const [row] = await deps.db
      .select({ body: outboundMessages.body })
      .from(outboundMessages)
      .where(eq(outboundMessages.dedupeKey, "sealed-1"));
    expect(row?.body).not.toContain("482913");
    expect(row?.body).not.toContain("BRZ-7KX2Q");
    await inTransaction(deps, (tx) =>
      enqueueSms(tx, { to: PHONE, body: "placeholder", purpose: "test", dedupeKey: "plain-1" }),
    );
    await deps.db
      .update(outboundMessages)
      .set({ body: "Baraza: stored before bodies were sealed" })
      .where(eq(outboundMessages.dedupeKey, "plain-1"));
    await deliverDueMessages(deps);
    // Both were due at the same instant, so the order they go in is not defined.
    expect(sms.sent.map((m) => m.body).sort()).toEqual(
      [body, "Baraza: stored before bodies were sealed"].sort(),
    );
    sms.sent.length = 0;
  });

  it("sends each message once, retries retryable failures, marks a died-mid-send message uncertain, and honours STOP", async () => {
    const { deps, sms } = server;
    sms.sent.length = 0;
    await inTransaction(deps, async (tx) => {
      expect(await enqueueSms(tx, { to: PHONE, body: "one", purpose: "test", dedupeKey: "m1" })).toBe(true);
      expect(await enqueueSms(tx, { to: PHONE, body: "one again", purpose: "test", dedupeKey: "m1" })).toBe(
        false,
      );
    });
    await deliverDueMessages(deps);
    await deliverDueMessages(deps);
    expect(sms.sent).toEqual([{ to: PHONE, body: "one" }]);

    sms.failNext({ ok: false, retryable: true, error: "HTTP 503" });
    await inTransaction(deps, (tx) => enqueueSms(tx, { to: PHONE, body: "two", purpose: "test" }));
    await deliverDueMessages(deps);
    expect(sms.sent).toHaveLength(1);
    server.clock.advance(5_000);
    await deliverDueMessages(deps);
    expect(sms.sent.map((m) => m.body)).toEqual(["one", "two"]);

    // A process that died between claiming and recording the result leaves the row in `sending`.
    await inTransaction(deps, (tx) =>
      enqueueSms(tx, { to: PHONE, body: "three", purpose: "test", dedupeKey: "m3" }),
    );
    await deps.db
      .update(outboundMessages)
      .set({ status: "sending", leaseUntil: deps.now() })
      .where(eq(outboundMessages.dedupeKey, "m3"));
    server.clock.advance(1_000);
    await deliverDueMessages(deps);
    const [three] = await deps.db.select().from(outboundMessages).where(eq(outboundMessages.dedupeKey, "m3"));
    expect(three?.status).toBe("uncertain");
    expect(sms.sent.map((m) => m.body)).toEqual(["one", "two"]);

    await deps.db
      .insert(smsOptOuts)
      .values({ phoneIndex: deps.vault.blindIndex(PHONE_INDEX_PURPOSE, PHONE), optedOutAt: deps.now() });
    await inTransaction(deps, (tx) =>
      enqueueSms(tx, { to: PHONE, body: "four", purpose: "test", dedupeKey: "m4" }),
    );
    await deliverDueMessages(deps);
    const [four] = await deps.db.select().from(outboundMessages).where(eq(outboundMessages.dedupeKey, "m4"));
    expect(four?.status).toBe("suppressed");
    expect(sms.sent).toHaveLength(2);
  });
});
