// Outgoing messages that did not go out for sure: listed for national staff without recipient or
// text, and settled by a person: sent again, or recorded as sent after checking.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTwoCounties, signedIn } from "../../test/fixtures.ts";
import { type ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
import { AT_SMS_PATH, atSms, postForm } from "../channels/gateway-requests.fixture.ts";
import { PHONE_INDEX_PURPOSE } from "./outbox.service.ts";
import { outboundMessages } from "./outbox.table.ts";

let server: TestServer;
let national: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  await seedTwoCounties(server.deps);
  national = await signedIn(server, "national@test.ke");
});
afterAll(() => server?.close());

let nextPhone = 722_500_100;

/**
 * A resident's SMS report whose receipt the gateway refused (`failed`) or lost mid-send
 * (`uncertain`). Returns the receipt's outbox id and the resident's number.
 */
async function undeliveredReceipt(how: "failed" | "uncertain"): Promise<{ id: string; phone: string }> {
  const phone = `+254${nextPhone++}`;
  expect(
    (
      await postForm(
        server.url,
        AT_SMS_PATH,
        atSms({ from: phone, text: "Wizi wa mifugo Likoni jana usiku" }),
      )
    ).status,
  ).toBe(200);
  server.sms.failNext({
    ok: false,
    retryable: false,
    ...(how === "uncertain" && { uncertain: true }),
    // As Twilio answers a refused number: quoting it.
    error:
      how === "uncertain"
        ? "socket hang up"
        : `HTTP 400: The 'To' number ${phone} is not a valid phone number.`,
  });
  await server.worker.drain();
  const [receipt] = await server.deps.db
    .select({ id: outboundMessages.id, status: outboundMessages.status })
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.recipientIndex, server.deps.vault.blindIndex(PHONE_INDEX_PURPOSE, phone)),
        eq(outboundMessages.purpose, "report.receipt"),
      ),
    );
  expect(receipt?.status).toBe(how);
  return { id: receipt?.id ?? "", phone };
}

const listed = async () => (await national.get("/api/messaging/undelivered")).body;

describe("outgoing messages that did not go out for sure", () => {
  it("are listed with their purpose, report reference and error, never the recipient or the text", async () => {
    const { id, phone } = await undeliveredReceipt("failed");
    const body = await listed();
    const row = body.messages.find((m: { id: string }) => m.id === id);
    expect(row).toMatchObject({
      channel: "sms",
      status: "failed",
      purpose: "report.receipt",
      lastError: "HTTP 400: The 'To' number [phone] is not a valid phone number.",
    });
    expect(row.reportReference).toMatch(/^BRZ-/);
    const text = JSON.stringify(body);
    expect(text).not.toContain(phone.slice(4));
    expect(text).not.toContain("ripoti");
  });

  it("an error stored before masking existed is masked when shown", async () => {
    const { id, phone } = await undeliveredReceipt("failed");
    await server.deps.db
      .update(outboundMessages)
      .set({ lastError: `Invalid destination ${phone}` })
      .where(eq(outboundMessages.id, id));
    const row = (await listed()).messages.find((m: { id: string }) => m.id === id);
    expect(row.lastError).toBe("Invalid destination [phone]");
  });

  it("a failed one is sent again when asked, reaches the resident, and the resend is audited", async () => {
    const { id, phone } = await undeliveredReceipt("failed");
    const before = server.sms.sent.filter((m) => m.to === phone).length;
    const res = await national.post(`/api/messaging/undelivered/${id}/resend`);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await server.worker.drain();
    expect(server.sms.sent.filter((m) => m.to === phone)).toHaveLength(before + 1);
    const [row] = await server.deps.db.select().from(outboundMessages).where(eq(outboundMessages.id, id));
    expect(row?.status).toBe("sent");
    const audit = await server.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "outbound.resend")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { status: "failed" }, after: { status: "pending" } });
    expect((await listed()).messages.map((m: { id: string }) => m.id)).not.toContain(id);
  });

  it("an uncertain one can be recorded as sent after checking, and is then not sent again", async () => {
    const { id, phone } = await undeliveredReceipt("uncertain");
    const res = await national.post(`/api/messaging/undelivered/${id}/confirm-sent`);
    expect(res.status).toBe(202);
    await server.worker.drain();
    const [row] = await server.deps.db.select().from(outboundMessages).where(eq(outboundMessages.id, id));
    expect(row?.status).toBe("sent");
    expect(server.sms.sent.filter((m) => m.to === phone)).toHaveLength(0);
    const again = await national.post(`/api/messaging/undelivered/${id}/resend`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("is sent now");
  });

  it("a failed one cannot be recorded as sent: the gateway said it was not (409)", async () => {
    const { id } = await undeliveredReceipt("failed");
    const res = await national.post(`/api/messaging/undelivered/${id}/confirm-sent`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain("this one failed");
  });

  it("county staff get 403 saying why; unknown or malformed ids 404; a bad limit 400", async () => {
    const { id } = await undeliveredReceipt("failed");
    const county = await signedIn(server, "admin.nakuru@test.ke");
    const refused = await county.get("/api/messaging/undelivered");
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("whole country");
    expect((await county.post(`/api/messaging/undelivered/${id}/resend`)).status).toBe(403);
    expect((await national.post("/api/messaging/undelivered/not-an-id/resend")).status).toBe(404);
    expect(
      (await national.post("/api/messaging/undelivered/7d5c3f7e-8a51-4b8e-9a55-2f0cbd3e0e11/resend")).status,
    ).toBe(404);
    expect((await national.get("/api/messaging/undelivered?limit=500")).status).toBe(400);
  });
});
