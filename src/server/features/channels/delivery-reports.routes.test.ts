// Delivery reports: Africa's Talking delivery-report callbacks and Twilio status callbacks reach
// the outbox row they are about, settle uncertain sends, and never move a final outcome back.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTwoCounties, signedIn } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
import { PHONE_INDEX_PURPOSE } from "../messaging/outbox.service.ts";
import { outboundMessages } from "../messaging/outbox.table.ts";
import {
  AT_SMS_PATH,
  atSms,
  errorMessage,
  postForm,
  twilioSignatureHeader,
} from "./gateway-requests.fixture.ts";

const CHANNEL_TOKEN = "callback-token-for-tests-0123456789";
const TWILIO_TOKEN = "twilio-auth-token-for-tests";
const PUBLIC_URL = "https://baraza.example.org";
const AT_DELIVERY = `/channels/africastalking/delivery?token=${CHANNEL_TOKEN}`;
const TWILIO_STATUS = "/channels/twilio/status";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    BARAZA_CHANNEL_TOKEN: CHANNEL_TOKEN,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    BARAZA_PUBLIC_URL: PUBLIC_URL,
  });
  await seedTwoCounties(server.deps);
});
afterAll(() => server?.close());

type Gateway = "africastalking" | "twilio";
let nextPhone = 722_600_100;

/**
 * A resident's SMS report and the receipt the outbox sent them through `gateway` (or left
 * uncertain: the send broke off). Returns the receipt's row and the resident's number.
 */
async function receipt(gateway: Gateway, how: "sent" | "uncertain" = "sent") {
  const phone = `+254${nextPhone++}`;
  const inbound = atSms({ from: phone, text: "Vijana wanapigana Kaptembwo sasa hivi" });
  expect((await postForm(server.url, `${AT_SMS_PATH}?token=${CHANNEL_TOKEN}`, inbound)).status).toBe(200);
  server.sms.name = gateway;
  if (how === "uncertain")
    server.sms.failNext({ ok: false, retryable: false, uncertain: true, error: "socket hang up" });
  await server.worker.drain();
  const row = await receiptRow(phone);
  expect(row.status).toBe(how);
  return { id: row.id, providerId: row.providerMessageId ?? "", phone };
}

async function receiptRow(phone: string) {
  const [row] = await server.deps.db
    .select()
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.recipientIndex, server.deps.vault.blindIndex(PHONE_INDEX_PURPOSE, phone)),
        eq(outboundMessages.purpose, "report.receipt"),
      ),
    );
  if (!row) throw new Error("no receipt");
  return row;
}

const rowById = async (id: string) =>
  (await server.deps.db.select().from(outboundMessages).where(eq(outboundMessages.id, id)))[0];

const auditOf = (id: string) =>
  server.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "outbound_message"), eq(auditLog.entityId, id)));

const auditCount = async () => (await server.deps.db.select({ n: count() }).from(auditLog))[0]?.n;

const atReport = (fields: Record<string, string>, path = AT_DELIVERY) =>
  postForm(server.url, path, { networkCode: "63902", retryCount: "0", ...fields });

/** A Twilio status callback, signed as Twilio signs it (unless a header is given). */
function twilioStatus(fields: Record<string, string>, headers?: Record<string, string>) {
  const params = {
    AccountSid: `AC${"0".repeat(32)}`,
    From: "+254700000100",
    ApiVersion: "2010-04-01",
    SmsStatus: fields.MessageStatus ?? "",
    ...fields,
  };
  return postForm(
    server.url,
    TWILIO_STATUS,
    params,
    headers ?? twilioSignatureHeader(TWILIO_TOKEN, `${PUBLIC_URL}${TWILIO_STATUS}`, params),
  );
}

describe("Africa's Talking delivery reports", () => {
  it("Success records the message delivered, audited once; the same report again changes nothing", async () => {
    const sent = await receipt("africastalking");
    const report = { id: sent.providerId, status: "Success", phoneNumber: sent.phone };
    const res = await atReport(report);
    expect(res.status).toBe(200);
    expect(await rowById(sent.id)).toMatchObject({
      status: "sent",
      deliveryOutcome: "delivered",
      deliveryStatus: "Success",
      deliveryFailureReason: null,
      deliveryReportedAt: server.clock.now(),
    });
    server.clock.advance(60_000);
    expect((await atReport(report)).status).toBe(200);
    expect((await rowById(sent.id))?.deliveryReportedAt).toEqual(
      new Date(server.clock.now().getTime() - 60_000),
    );
    const audit = await auditOf(sent.id);
    expect(audit.map((a) => a.action)).toEqual(["outbound.delivery_report"]);
    expect(audit[0]?.actorLabel).toBe("gateway:africastalking");
    expect(JSON.stringify(audit)).not.toContain(sent.phone.slice(4));
  });

  it("Failed marks the message failed with the gateway's reason, shown on Outgoing messages for a resend", async () => {
    const sent = await receipt("africastalking");
    await atReport({ id: sent.providerId, status: "Buffered", phoneNumber: sent.phone });
    expect(await rowById(sent.id)).toMatchObject({ status: "sent", deliveryOutcome: "pending" });
    const res = await atReport({
      id: sent.providerId,
      status: "Failed",
      failureReason: "UserInBlackList",
      phoneNumber: sent.phone,
    });
    expect(res.status).toBe(200);
    expect(await rowById(sent.id)).toMatchObject({
      status: "failed",
      deliveryOutcome: "failed",
      deliveryFailureReason: "UserInBlackList",
    });
    const actions = (await auditOf(sent.id)).map((a) => a.action);
    expect(actions).toEqual(["outbound.delivery_report", "outbound.delivery_failed"]);

    const national = await signedIn(server, "national@test.ke");
    const listed = (await national.get("/api/messaging/undelivered")).body;
    const row = listed.messages.find((m: { id: string }) => m.id === sent.id);
    expect(row).toMatchObject({
      status: "failed",
      delivery: {
        outcome: "failed",
        status: "Failed",
        failureReason: "UserInBlackList",
        reportedAt: server.clock.now().toISOString(),
      },
    });
    expect(JSON.stringify(listed)).not.toContain(sent.phone.slice(4));
    // Sent again, it is a new message for the gateway: the old report no longer applies.
    expect((await national.post(`/api/messaging/undelivered/${sent.id}/resend`)).status).toBe(202);
    expect(await rowById(sent.id)).toMatchObject({ providerMessageId: null, deliveryOutcome: null });
  });

  it("a late Sent after Success does not move a final outcome back", async () => {
    const sent = await receipt("africastalking");
    await atReport({ id: sent.providerId, status: "Success" });
    const before = await auditCount();
    for (const status of ["Sent", "Submitted", "Failed"])
      expect((await atReport({ id: sent.providerId, status })).status).toBe(200);
    expect(await rowById(sent.id)).toMatchObject({ status: "sent", deliveryStatus: "Success" });
    expect(await auditCount()).toBe(before);
  });

  it("settles an uncertain send by the gateway's word, matched by its recipient, and audits it", async () => {
    const lost = await receipt("africastalking", "uncertain");
    const res = await atReport({
      id: "ATXid_03cb5ecf11ce748794c0f9a85c276259",
      status: "Success",
      phoneNumber: lost.phone,
    });
    expect(res.status).toBe(200);
    expect(await rowById(lost.id)).toMatchObject({
      status: "sent",
      providerMessageId: "ATXid_03cb5ecf11ce748794c0f9a85c276259",
      deliveryOutcome: "delivered",
    });
    const [settled] = await auditOf(lost.id);
    expect(settled).toMatchObject({
      action: "outbound.delivery_settled",
      before: { status: "uncertain" },
      after: { status: "sent", deliveryOutcome: "delivered", matchedBy: "recipient" },
    });
    expect(JSON.stringify(settled)).not.toContain(lost.phone.slice(4));
  });

  it("a report about no known message gets 200 and changes nothing", async () => {
    const sent = await receipt("africastalking");
    const outboxBefore = await server.deps.db.select().from(outboundMessages);
    const auditBefore = await auditCount();
    const reports: Record<string, string>[] = [
      { id: "ATXid_unknown", status: "Failed", failureReason: "DeliveryFailure", phoneNumber: sent.phone },
      { id: "ATXid_unknown_2", status: "Success", phoneNumber: "+254799999999" },
    ];
    for (const report of reports) expect((await atReport(report)).status).toBe(200);
    expect(await server.deps.db.select().from(outboundMessages)).toEqual(outboxBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it("logs a report about no known message by a hash of its id, never the id or the number", async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(JSON.stringify(args));
    const log = server.deps.log;
    server.deps.log = { ...log, info: capture, warn: capture, error: capture } as typeof log;
    try {
      await atReport({ id: "ATXid_never_sent_7741", status: "Failed", phoneNumber: "+254733445566" });
    } finally {
      server.deps.log = log;
    }
    expect(lines.join("\n")).toMatch(/idHash/);
    expect(lines.join("\n")).not.toMatch(/ATXid_never_sent_7741|733445566/);
  });

  it("without the callback token, or with a wrong one, is refused (403) as the incoming-SMS callback is", async () => {
    const sent = await receipt("africastalking");
    for (const path of [
      "/channels/africastalking/delivery",
      "/channels/africastalking/delivery?token=wrong",
    ]) {
      const res = await atReport({ id: sent.providerId, status: "Failed" }, path);
      expect(res.status).toBe(403);
      expect(errorMessage(res)).toContain("BARAZA_CHANNEL_TOKEN");
    }
    expect(await rowById(sent.id)).toMatchObject({ status: "sent", deliveryOutcome: null });
  });

  it("hostile bytes never answer 5xx: control characters are removed, and a report without an id is a 400", async () => {
    const sent = await receipt("africastalking");
    expect((await atReport({ id: "nul\u0000id", status: "Success" })).status).toBe(200);
    expect((await atReport({ id: sent.providerId, status: "Succ\u0000ess\u001b" })).status).toBe(200);
    expect(await rowById(sent.id)).toMatchObject({ deliveryOutcome: "delivered", deliveryStatus: "Success" });
    const raw = Buffer.from("id=%00%ff%fe&status=%00&phoneNumber=%00%2B2547", "latin1");
    const refused = await postForm(server.url, AT_DELIVERY, raw);
    expect(refused.status).toBe(400);
    expect(errorMessage(refused)).toContain("status is required");
    const missing = await atReport({ status: "Success" });
    expect(missing.status).toBe(400);
    expect(errorMessage(missing)).toContain("id is required");
  });
});

describe("Twilio status callbacks", () => {
  it("delivered and failed reach the message they are about, when correctly signed", async () => {
    const one = await receipt("twilio");
    expect(
      (await twilioStatus({ MessageSid: one.providerId, MessageStatus: "sent", To: one.phone })).status,
    ).toBe(200);
    expect(
      (await twilioStatus({ MessageSid: one.providerId, MessageStatus: "delivered", To: one.phone })).status,
    ).toBe(200);
    expect(await rowById(one.id)).toMatchObject({
      status: "sent",
      deliveryOutcome: "delivered",
      deliveryStatus: "delivered",
    });

    const two = await receipt("twilio");
    const res = await twilioStatus({
      MessageSid: two.providerId,
      MessageStatus: "undelivered",
      ErrorCode: "30003",
      To: two.phone,
    });
    expect(res.status).toBe(200);
    expect(await rowById(two.id)).toMatchObject({
      status: "failed",
      deliveryOutcome: "failed",
      deliveryFailureReason: "Twilio error 30003",
    });
  });

  it("a missing or wrong signature is refused (403) and changes nothing", async () => {
    const sent = await receipt("twilio");
    const fields = { MessageSid: sent.providerId, MessageStatus: "failed", ErrorCode: "30008" };
    const refusedHeaders: Record<string, string>[] = [{}, { "x-twilio-signature": "bm90IGEgc2lnbmF0dXJl" }];
    for (const headers of refusedHeaders) {
      const res = await twilioStatus(fields, headers);
      expect(res.status).toBe(403);
      expect(errorMessage(res)).toContain("X-Twilio-Signature");
    }
    expect(await rowById(sent.id)).toMatchObject({ status: "sent", deliveryOutcome: null });
  });

  it("an uncertain send the gateway reports failed becomes failed (to send again), audited", async () => {
    const lost = await receipt("twilio", "uncertain");
    const sid = `SM${"a".repeat(32)}`;
    expect(
      (await twilioStatus({ MessageSid: sid, MessageStatus: "failed", ErrorCode: "30006", To: lost.phone }))
        .status,
    ).toBe(200);
    expect(await rowById(lost.id)).toMatchObject({ status: "failed", providerMessageId: sid });
    expect((await auditOf(lost.id)).map((a) => [a.action, (a.after as { status: string }).status])).toEqual([
      ["outbound.delivery_settled", "failed"],
    ]);
    // The same callback again: nothing new.
    expect(
      (await twilioStatus({ MessageSid: sid, MessageStatus: "failed", ErrorCode: "30006", To: lost.phone }))
        .status,
    ).toBe(200);
    expect(await auditOf(lost.id)).toHaveLength(1);
  });

  it("a NUL in the sid gets 200 and matches nothing", async () => {
    const auditBefore = await auditCount();
    expect((await twilioStatus({ MessageSid: "SM\u0000", MessageStatus: "delivered" })).status).toBe(200);
    expect(await auditCount()).toBe(auditBefore);
  });
});
