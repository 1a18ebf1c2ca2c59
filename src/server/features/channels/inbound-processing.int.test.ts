// The inbound worker against a real database: rate limits, failing rows, ordering, two workers.

import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryDelayMs } from "../../jobs/queue.ts";
import { failReportInserts } from "../../test/db-failures.fixture.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { PHONE_INDEX_PURPOSE } from "../messaging/outbox.service.ts";
import { reports } from "../reports/reports.table.ts";
import { AT_SMS_PATH, atSms, postForm } from "./gateway-requests.fixture.ts";
import { INBOUND_PAYLOAD_PURPOSE } from "./inbound.service.ts";
import { inboundMessages } from "./inbound.table.ts";
import {
  MAX_INBOUND_ATTEMPTS,
  processInboundMessages,
  SMS_SENDER_LIMIT_PER_HOUR,
} from "./inbound-processing.service.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

let nextPhone = 722_000_100;
const newPhone = () => `+254${nextPhone++}`;
const send = (fields: Record<string, string>) => postForm(server.url, AT_SMS_PATH, fields);
const sentTo = (phone: string) => server.sms.sent.filter((m) => m.to === phone).map((m) => m.body);
const byExternalId = async (id: string) =>
  (await server.deps.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, id)))[0];

/** A stored callback whose sealed payload cannot be opened (a key lost, a row damaged by hand). */
async function insertUnreadableRow(phone: string): Promise<string> {
  const externalId = `damaged-${randomUUID()}`;
  await server.deps.db.insert(inboundMessages).values({
    gateway: "africastalking",
    kind: "sms",
    externalId,
    payloadSealed: "v1:dev:AAAAAAAAAAAAAAAA:AAAA:AAAAAAAAAAAAAAAAAAAAAA==",
    senderIndex: server.deps.vault.blindIndex(PHONE_INDEX_PURPOSE, phone),
    receivedAt: server.deps.now(),
  });
  return externalId;
}

describe("processing stored SMS", () => {
  it(`a sender over ${SMS_SENDER_LIMIT_PER_HOUR} messages an hour is told once to wait; the rest is stored but not acted on`, async () => {
    const from = newPhone();
    const ids: string[] = [];
    for (let i = 0; i < SMS_SENDER_LIMIT_PER_HOUR + 2; i++) {
      const sms = atSms({ from, text: `Ujumbe nambari ${i + 1} kuhusu wizi Kayole` });
      ids.push(sms.id as string);
      expect((await send(sms)).status).toBe(200);
      server.clock.advance(1000); // a person's texts arrive one after another, not in the same instant
    }
    await server.worker.drain();
    const rows = await server.deps.db
      .select()
      .from(inboundMessages)
      .where(inArray(inboundMessages.externalId, ids));
    const outcomes = ids.map((id) => rows.find((r) => r.externalId === id)?.outcome);
    // Each names an incident word, so none reads as a continuation: each is a report of its own.
    expect(outcomes.slice(0, SMS_SENDER_LIMIT_PER_HOUR)).toEqual(
      Array(SMS_SENDER_LIMIT_PER_HOUR).fill("report"),
    );
    expect(outcomes.slice(SMS_SENDER_LIMIT_PER_HOUR)).toEqual(["rate_limited", "rate_limited"]);
    const waits = sentTo(from).filter((body) => body.startsWith("Baraza: umetuma jumbe nyingi"));
    expect(waits).toHaveLength(1);
    expect(sentTo(from)).toHaveLength(SMS_SENDER_LIMIT_PER_HOUR + 1);

    // STOP is honoured even over the limit; an hour later the sender is heard again.
    await send(atSms({ from, text: "ACHA" }));
    await server.worker.drain();
    expect(sentTo(from).at(-1)).toBe("Baraza: hutapokea SMS zaidi kutoka kwetu. Tuma ANZA kupokea tena.");
    server.clock.advance(61 * 60_000);
    const later = atSms({ from, text: "Wizi umeendelea Kayole leo" });
    await send(later);
    await server.worker.drain();
    expect((await byExternalId(later.id as string))?.outcome).toBe("report");
  });

  /** Lets each backoff pass on the test clock and runs the worker, once per remaining attempt. */
  async function retryUntilSetAside() {
    for (let attempt = 1; attempt < MAX_INBOUND_ATTEMPTS; attempt++) {
      server.clock.advance(retryDelayMs(attempt));
      await server.worker.drain();
    }
  }

  it("a row that cannot be read is set aside at once with what to do, and never blocks other senders", async () => {
    const damaged = await insertUnreadableRow(newPhone());
    const healthy = atSms({ from: newPhone(), text: "Maandamano yamezuka Mlolongo" });
    await send(healthy);
    await server.worker.drain();
    expect((await byExternalId(healthy.id as string))?.outcome).toBe("report");
    const failed = await byExternalId(damaged);
    expect(failed).toMatchObject({ attempts: 1, outcome: "failed" });
    expect(failed?.processedAt).not.toBeNull();
    expect(failed?.lastError).toContain("cannot be opened with this server's vault keys");
    expect(failed?.lastError).toContain("BARAZA_VAULT_KEYS");
  });

  it("a message the database refuses for its data fails after one attempt, with a reason that quotes none of it", async () => {
    const from = newPhone();
    const failing = await failReportInserts(server.deps, {
      marker: "[refused-data]",
      sqlState: "22P02",
      message: 'invalid input syntax for type integer: "%s"',
    });
    const sms = atSms({ from, text: "Mimi ni Grace Wambui 0722123456 [refused-data]" });
    await send(sms);
    await server.worker.drain();
    await failing.stop();
    const row = await byExternalId(sms.id as string);
    expect(row).toMatchObject({ outcome: "failed", attempts: 1 });
    expect(row?.lastError).toMatch(/^The database cannot store this message as it is: invalid input syntax/);
    expect(row?.lastError).toContain("SQLSTATE 22P02");
    expect(row?.lastError).toContain("press Try again");
    expect(row?.lastError).not.toMatch(/Grace|0722123456|722123456|Failed query|params/);
  });

  it("an SMS stored with a NUL before the edge cleaned text becomes a report, not a failure", async () => {
    const phone = newPhone();
    const externalId = `stored-with-nul-${randomUUID()}`;
    const payload = { from: phone, phone, to: "22345", text: "Wizi\u0000 Kayole usiku", extra: {} };
    await server.deps.db.insert(inboundMessages).values({
      gateway: "africastalking",
      kind: "sms",
      externalId,
      payloadSealed: server.deps.vault.encrypt(INBOUND_PAYLOAD_PURPOSE, JSON.stringify(payload)),
      senderIndex: server.deps.vault.blindIndex(PHONE_INDEX_PURPOSE, phone),
      receivedAt: server.deps.now(),
    });
    await server.worker.drain();
    const row = await byExternalId(externalId);
    expect(row?.outcome, row?.lastError ?? "").toBe("report");
    const [report] = await server.deps.db
      .select()
      .from(reports)
      .where(eq(reports.id, row?.reportId ?? ""));
    expect(report?.text).toBe("Wizi Kayole usiku");
  });

  it("a passing database failure is retried with growing pauses and then succeeds", async () => {
    const from = newPhone();
    const failing = await failReportInserts(server.deps, {
      marker: "[serialization]",
      sqlState: "40001",
      message: "could not serialize access due to concurrent update",
    });
    const sms = atSms({ from, text: "Wizi Kayole usiku [serialization]" });
    await send(sms);
    await server.worker.drain();
    const retrying = await byExternalId(sms.id as string);
    expect(retrying).toMatchObject({ processedAt: null, outcome: null, attempts: 1 });
    expect(retrying?.lastError).toBe("could not serialize access due to concurrent update (SQLSTATE 40001)");
    // Nothing happens again until the backoff has passed.
    await server.worker.drain();
    expect((await byExternalId(sms.id as string))?.attempts).toBe(1);
    server.clock.advance(retryDelayMs(1));
    await server.worker.drain();
    expect((await byExternalId(sms.id as string))?.attempts).toBe(2);
    await failing.stop();
    server.clock.advance(retryDelayMs(2));
    await server.worker.drain();
    expect(await byExternalId(sms.id as string)).toMatchObject({
      outcome: "report",
      attempts: 3,
      lastError: null,
    });
    expect(sentTo(from)).toHaveLength(1);
  });

  it("a sender's later message waits for their earlier one, so a follow-up never overtakes its report", async () => {
    const from = newPhone();
    const failing = await failReportInserts(server.deps, {
      marker: "[outage]",
      sqlState: "08006",
      message: "connection failure",
    });
    const first = atSms({ from, text: "Vijana wamevamia duka [outage]" });
    await send(first);
    server.clock.advance(1000);
    const next = atSms({ from, text: "Vijana wamerudi tena usiku huu" });
    await send(next);
    await server.worker.drain();
    expect((await byExternalId(next.id as string))?.processedAt).toBeNull();
    await retryUntilSetAside();
    await failing.stop();
    expect(await byExternalId(first.id as string)).toMatchObject({
      outcome: "failed",
      attempts: MAX_INBOUND_ATTEMPTS,
    });
    await server.worker.drain();
    expect((await byExternalId(next.id as string))?.outcome).toBe("report");
  });

  it("two workers at once process every message exactly once", async () => {
    const messages = Array.from({ length: 24 }, (_, i) =>
      atSms({ from: newPhone(), text: `Tukio la ${i + 1}: ghasia sokoni Githurai` }),
    );
    for (const sms of messages) await send(sms);
    const ids = messages.map((m) => m.id as string);
    const [a, b] = await Promise.all([
      processInboundMessages(server.deps, 10),
      processInboundMessages(server.deps, 10),
    ]);
    expect((a ?? 0) + (b ?? 0)).toBeGreaterThan(0);
    await server.worker.drain();
    const rows = await server.deps.db
      .select()
      .from(inboundMessages)
      .where(inArray(inboundMessages.externalId, ids));
    expect(rows.every((r) => r.outcome === "report" && r.attempts === 1)).toBe(true);
    const made = await server.deps.db
      .select({ id: reports.id })
      .from(reports)
      .where(
        inArray(
          reports.inboundMessageId,
          rows.map((r) => r.id),
        ),
      );
    expect(made).toHaveLength(messages.length);
  });
});
