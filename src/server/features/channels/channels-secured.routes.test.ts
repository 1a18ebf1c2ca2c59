// Gateway secrets: the ?token= on Africa's Talking callbacks and Twilio's request signature.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { reports } from "../reports/reports.table.ts";
import {
  AT_SMS_PATH,
  AT_USSD_PATH,
  atSms,
  atUssd,
  errorFields,
  errorMessage,
  postForm,
  TWILIO_SMS_PATH,
  twilioSignatureHeader,
  twilioSms,
} from "./gateway-requests.fixture.ts";
import { inboundMessages } from "./inbound.table.ts";

const CHANNEL_TOKEN = "callback-token-for-tests-0123456789";
const TWILIO_TOKEN = "twilio-auth-token-for-tests";
const PUBLIC_URL = "https://baraza.example.org";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    BARAZA_CHANNEL_TOKEN: CHANNEL_TOKEN,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    BARAZA_PUBLIC_URL: PUBLIC_URL,
  });
});
afterAll(() => server?.close());

const stored = async (externalId: string) =>
  server.deps.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, externalId));

describe("Africa's Talking callbacks when a callback token is configured", () => {
  it("refuses an SMS callback without the token or with a wrong one, and stores nothing", async () => {
    const sms = atSms({ from: "+254711000001", text: "Wizi Kayole" });
    for (const query of [
      "",
      "?token=wrong",
      `?token=${CHANNEL_TOKEN}x`,
      `?token=${CHANNEL_TOKEN.slice(1)}`,
    ]) {
      const res = await postForm(server.url, `${AT_SMS_PATH}${query}`, sms);
      expect(res.status).toBe(403);
      expect(errorMessage(res)).toContain("BARAZA_CHANNEL_TOKEN");
    }
    expect(await stored(sms.id as string)).toHaveLength(0);
    const accepted = await postForm(server.url, `${AT_SMS_PATH}?token=${CHANNEL_TOKEN}`, sms);
    expect(accepted.status).toBe(200);
    expect(await stored(sms.id as string)).toHaveLength(1);
  });

  it("refuses a USSD hop with the wrong token and serves the menu with the right one", async () => {
    const hop = atUssd("ATUid_token_test", "+254711000002", "");
    expect((await postForm(server.url, `${AT_USSD_PATH}?token=nope`, hop)).status).toBe(403);
    const res = await postForm(server.url, `${AT_USSD_PATH}?token=${CHANNEL_TOKEN}`, hop);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^CON Baraza/);
  });
});

describe("Twilio incoming messages", () => {
  const signed = (params: Record<string, string>, path = TWILIO_SMS_PATH) =>
    twilioSignatureHeader(TWILIO_TOKEN, `${PUBLIC_URL}${path}`, params);

  it("a correctly signed message is stored, answered with empty TwiML, and replied to through the outbox", async () => {
    const params = twilioSms({ from: "+254711000003", body: "There is a fight at Kibera Olympic stage now" });
    const res = await postForm(server.url, TWILIO_SMS_PATH, params, signed(params));
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/xml/);
    expect(res.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const [row] = await stored(params.MessageSid as string);
    expect(row).toMatchObject({ gateway: "twilio", kind: "sms" });

    await server.worker.drain();
    const [processed] = await stored(params.MessageSid as string);
    const [report] = await server.deps.db
      .select()
      .from(reports)
      .where(eq(reports.id, processed?.reportId ?? ""));
    expect(report).toMatchObject({ channel: "sms", locale: "en" });
    const replies = server.sms.sent.filter((m) => m.to === "+254711000003");
    expect(replies.map((m) => m.body)).toEqual([expect.stringMatching(/^Baraza: report received/)]);
  });

  it("checks the signature over the URL with its query string, and accepts a foreign sender", async () => {
    const path = `${TWILIO_SMS_PATH}?source=twilio`;
    const params = twilioSms({ from: "+447700900123", body: "Habari, kuna vurugu Likoni feri" });
    const res = await postForm(server.url, path, params, signed(params, path));
    expect(res.status).toBe(200);
    const wrongUrl = twilioSms({ from: "+447700900123", body: "Same text" });
    expect((await postForm(server.url, path, wrongUrl, signed(wrongUrl))).status).toBe(403);
  });

  it("refuses a missing, wrong or replayed-with-changes signature, and stores nothing", async () => {
    const params = twilioSms({ from: "+254711000004", body: "Original text" });
    const header = signed(params);
    const tampered = { ...params, Body: "Changed text" };
    const attempts = [
      await postForm(server.url, TWILIO_SMS_PATH, params),
      await postForm(server.url, TWILIO_SMS_PATH, params, { "x-twilio-signature": "AAAA" }),
      await postForm(server.url, TWILIO_SMS_PATH, tampered, header),
      await postForm(server.url, TWILIO_SMS_PATH, params, twilioSignatureHeader("other", PUBLIC_URL, params)),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403]);
    expect(errorMessage(attempts[0] as (typeof attempts)[number])).toContain("X-Twilio-Signature");
    expect(await stored(params.MessageSid as string)).toHaveLength(0);
  });

  it("a signed message without any message id is refused with a 400 naming it", async () => {
    const {
      MessageSid: _sid,
      SmsSid: _smsSid,
      SmsMessageSid: _smsMessageSid,
      AccountSid: _account,
      ...params
    } = twilioSms({ from: "+254711000005", body: "x" });
    const res = await postForm(server.url, TWILIO_SMS_PATH, params, signed(params));
    expect(res.status).toBe(400);
    expect(errorFields(res)).toEqual(["MessageSid"]);
  });

  it("a message Twilio delivers twice makes one report", async () => {
    const params = twilioSms({ from: "+254711000006", body: "Wezi wamevamia nyumba Githurai 45" });
    for (let i = 0; i < 2; i++)
      expect((await postForm(server.url, TWILIO_SMS_PATH, params, signed(params))).status).toBe(200);
    await server.worker.drain();
    const rows = await stored(params.MessageSid as string);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.outcome).toBe("report");
  });
});
