// Incoming SMS that processing gave up on: seen by national staff without sender or text, run again on request.
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failReportInserts } from "../../test/db-failures.fixture.ts";
import { seedTwoCounties, signedIn } from "../../test/fixtures.ts";
import { ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
import { AT_SMS_PATH, atSms, postForm } from "./gateway-requests.fixture.ts";
import { inboundMessages } from "./inbound.table.ts";
import { MAX_INBOUND_ATTEMPTS } from "./inbound-processing.service.ts";

let server: TestServer;
let national: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  await seedTwoCounties(server.deps);
  national = await signedIn(server, "national@test.ke");
});
afterAll(() => server?.close());

let nextPhone = 722_400_100;

/**
 * A stored SMS set aside as failed, as the worker leaves one after MAX_INBOUND_ATTEMPTS failures
 * during an outage that outlasted the retries. Stored through the real gateway route first.
 */
async function failedSms(text: string): Promise<{ id: string; phone: string }> {
  const phone = `+254${nextPhone++}`;
  const sms = atSms({ from: phone, text });
  expect((await postForm(server.url, AT_SMS_PATH, sms)).status).toBe(200);
  const [row] = await server.deps.db
    .update(inboundMessages)
    .set({
      processedAt: server.deps.now(),
      outcome: "failed",
      attempts: MAX_INBOUND_ATTEMPTS,
      lastError: "connection terminated unexpectedly",
    })
    .where(and(eq(inboundMessages.externalId, String(sms.id)), isNull(inboundMessages.processedAt)))
    .returning({ id: inboundMessages.id });
  expect(row, "the message was still waiting to be processed").toBeDefined();
  return { id: row?.id ?? "", phone };
}

describe("incoming SMS that could not be processed", () => {
  it("are listed for national staff with when and what went wrong, never the sender or the text", async () => {
    const { id, phone } = await failedSms("Wizi wa pikipiki Kayole usiku wa jana");
    const res = await national.get("/api/channels/failed");
    expect(res.status).toBe(200);
    const listed = res.body.messages.find((m: { id: string }) => m.id === id);
    expect(listed).toMatchObject({
      gateway: "africastalking",
      kind: "sms",
      attempts: MAX_INBOUND_ATTEMPTS,
      lastError: "connection terminated unexpectedly",
    });
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(phone.slice(4));
    expect(text).not.toContain("Kayole");
  });

  it("a message that can never succeed is listed after one attempt, with a reason staff can act on", async () => {
    const phone = `+254${nextPhone++}`;
    const failing = await failReportInserts(server.deps, {
      marker: "[refused]",
      sqlState: "22021",
      message: 'invalid byte sequence for encoding "UTF8": 0x00 in "%s"',
    });
    const sms = atSms({ from: phone, text: "Naitwa Peter Kamau, wizi Kayole [refused]" });
    expect((await postForm(server.url, AT_SMS_PATH, sms)).status).toBe(200);
    await server.worker.drain();
    await failing.stop();
    const res = await national.get("/api/channels/failed");
    const [row] = await server.deps.db
      .select({ id: inboundMessages.id })
      .from(inboundMessages)
      .where(eq(inboundMessages.externalId, String(sms.id)));
    const listed = res.body.messages.find((m: { id: string }) => m.id === row?.id);
    expect(listed).toMatchObject({ attempts: 1 });
    expect(listed.lastError).toBe(
      'The database cannot store this message as it is: invalid byte sequence for encoding "UTF8": 0x00 in "…" (SQLSTATE 22021). Retrying will not help until the cause is fixed; then press Try again.',
    );
    expect(JSON.stringify(res.body)).not.toMatch(/Peter|Kamau|Kayole/);
  });

  it("run again when asked: the report is made, the resident is answered, and the retry is audited", async () => {
    const { id, phone } = await failedSms("Vijana wanavuta bangi karibu na shule ya Kaptembwo");
    const retried = await national.post(`/api/channels/failed/${id}/retry`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(202);
    // Queued again: it counts as waiting until the worker takes it.
    const waiting = (await national.get("/api/channels/failed")).body.waiting;
    expect(waiting.count).toBeGreaterThanOrEqual(1);
    expect(waiting.oldestReceivedAt).not.toBeNull();
    await server.worker.drain();
    const [row] = await server.deps.db.select().from(inboundMessages).where(eq(inboundMessages.id, id));
    // One fresh attempt, and it worked.
    expect(row).toMatchObject({ outcome: "report", attempts: 1 });
    expect(row?.reportId).toBeTruthy();
    expect(server.sms.sent.filter((m) => m.to === phone)).toHaveLength(1);
    const audit = await server.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "inbound.retry")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorLabel: "national@test.ke", before: { outcome: "failed" } });
    const after = (await national.get("/api/channels/failed")).body;
    expect(after.messages.map((m: { id: string }) => m.id)).not.toContain(id);
    expect(after.waiting).toEqual({ count: 0, oldestReceivedAt: null });
  });

  it("a message that is not failed any more answers 409, and an unknown or malformed id 404", async () => {
    const { id } = await failedSms("Ujumbe wa majaribio");
    expect((await national.post(`/api/channels/failed/${id}/retry`)).status).toBe(202);
    const again = await national.post(`/api/channels/failed/${id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("not failed any more");
    expect(
      (await national.post("/api/channels/failed/7d5c3f7e-8a51-4b8e-9a55-2f0cbd3e0e11/retry")).status,
    ).toBe(404);
    expect((await national.post("/api/channels/failed/not-an-id/retry")).status).toBe(404);
  });

  it("staff who cover one county, and roles without the permission, get 403 saying why", async () => {
    const { id } = await failedSms("Ujumbe kutoka Likoni");
    const county = await signedIn(server, "admin.nakuru@test.ke");
    const refused = await county.get("/api/channels/failed");
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("whole country");
    expect((await county.post(`/api/channels/failed/${id}/retry`)).status).toBe(403);
    const responder = await signedIn(server, "ocs.nakuru@test.ke");
    expect((await responder.get("/api/channels/failed")).status).toBe(403);
    expect((await new ApiClient(server.url).get("/api/channels/failed")).status).toBe(401);
    const [row] = await server.deps.db.select().from(inboundMessages).where(eq(inboundMessages.id, id));
    expect(row?.outcome).toBe("failed");
  });

  it("a limit outside 1 to 200 answers 400 naming the field", async () => {
    const res = await national.get("/api/channels/failed?limit=0");
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("limit");
  });
});
