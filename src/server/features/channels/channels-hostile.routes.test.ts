// Hostile and odd input at the gateway edge (issue 12, findings 4, 8 and 10): a control character
// or an odd optional field never costs a resident their message. Callbacks are cleaned, stored and
// processed; only a callback that cannot be stored at all is refused, saying what is missing.
import { randomUUID } from "node:crypto";
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
import { INBOUND_PAYLOAD_PURPOSE } from "./inbound.service.ts";
import { inboundMessages } from "./inbound.table.ts";

const TWILIO_TOKEN = "twilio-auth-token-for-hostile-tests";
const PUBLIC_URL = "https://baraza.example.org";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TWILIO_AUTH_TOKEN: TWILIO_TOKEN, BARAZA_PUBLIC_URL: PUBLIC_URL });
});
afterAll(() => server?.close());

let nextPhone = 712_800_100;
const newPhone = () => `+254${nextPhone++}`;
const sendAt = (fields: Record<string, string>) => postForm(server.url, AT_SMS_PATH, fields);
const sendTwilio = (params: Record<string, string>) =>
  postForm(
    server.url,
    TWILIO_SMS_PATH,
    params,
    twilioSignatureHeader(TWILIO_TOKEN, `${PUBLIC_URL}${TWILIO_SMS_PATH}`, params),
  );
const sentTo = (phone: string) => server.sms.sent.filter((m) => m.to === phone).map((m) => m.body);

async function stored(externalId: string) {
  const [row] = await server.deps.db
    .select()
    .from(inboundMessages)
    .where(eq(inboundMessages.externalId, externalId));
  return row;
}
const payloadOf = (row: { payloadSealed: string } | undefined) =>
  JSON.parse(server.deps.vault.decrypt(INBOUND_PAYLOAD_PURPOSE, row?.payloadSealed ?? ""));
async function reportOf(externalId: string) {
  const row = await stored(externalId);
  const [report] = await server.deps.db
    .select()
    .from(reports)
    .where(eq(reports.id, row?.reportId ?? randomUUID()));
  return report;
}

describe("control characters in SMS (findings 4 and 10)", () => {
  it("a NUL in the message id is acknowledged, stored under the cleaned id, and a retry is recognised", async () => {
    const from = newPhone();
    const id = `nul\u0000id-${randomUUID()}`;
    const sms = atSms({ from, id, text: "Wizi wa mifugo Olenguruone usiku" });
    const first = await sendAt(sms);
    expect(first.status, first.text).toBe(200);
    expect(first.json).toEqual({ ok: true, duplicate: false });
    expect((await sendAt(sms)).json).toEqual({ ok: true, duplicate: true });

    const cleanId = id.replace("\u0000", "");
    await server.worker.drain();
    expect(await stored(cleanId)).toMatchObject({ outcome: "report", attempts: 1, lastError: null });
    expect(sentTo(from)).toEqual([expect.stringMatching(/^Baraza: ripoti imepokelewa/)]);
  });

  it("a NUL and other control characters in the text are removed; the report is made and answered at the first attempt", async () => {
    const from = newPhone();
    const sms = atSms({ from, text: "Vijana\u0000 wanapigana\u0007 Kaptembwo\u001b stage\u202e sasa" });
    expect((await sendAt(sms)).status).toBe(200);
    expect(payloadOf(await stored(sms.id as string)).text).toBe("Vijana wanapigana Kaptembwo stage sasa");

    await server.worker.drain();
    expect(await stored(sms.id as string)).toMatchObject({ outcome: "report", attempts: 1, lastError: null });
    expect((await reportOf(sms.id as string))?.text).toBe("Vijana wanapigana Kaptembwo stage sasa");
    expect(sentTo(from)).toEqual([expect.stringMatching(/^Baraza: ripoti imepokelewa/)]);
  });

  it("a NUL in a sender, a linkId or an unknown field is removed, never a 500", async () => {
    const from = newPhone();
    const sms: Record<string, string> = {
      ...atSms({ from: `${from}\u0000`, text: "Moto umezuka Gikomba sokoni" }),
      linkId: "0309\u00004450",
      cost: "KES\u0000 0.8",
    };
    expect((await sendAt(sms)).status).toBe(200);
    const payload = payloadOf(await stored(sms.id as string));
    expect(payload).toMatchObject({ from, phone: from, extra: { linkId: "03094450", cost: "KES 0.8" } });
    await server.worker.drain();
    expect((await stored(sms.id as string))?.outcome).toBe("report");
    expect(sentTo(from)).toHaveLength(1);
  });

  it("a signed Twilio message with a NUL in its text and id is stored cleaned and answered", async () => {
    const from = newPhone();
    const sid = `SM${randomUUID().replace(/-/g, "")}`;
    const params = {
      ...twilioSms({ from, body: "Kuna\u0000 vurugu Likoni feri sasa" }),
      MessageSid: `${sid}\u0000`,
    };
    const res = await sendTwilio(params);
    expect(res.status, res.text).toBe(200);
    await server.worker.drain();
    expect(await stored(sid)).toMatchObject({ gateway: "twilio", outcome: "report", attempts: 1 });
    expect((await reportOf(sid))?.text).toBe("Kuna vurugu Likoni feri sasa");
    expect(sentTo(from)).toEqual([expect.stringMatching(/^Baraza: ripoti imepokelewa/)]);
  });
});

describe("control characters in USSD (findings 4 and 10)", () => {
  it("a NUL in the free-text description is removed at the edge and the report is stored", async () => {
    const sessionId = `ATUid_${randomUUID()}`;
    const phone = newPhone();
    // The description is the last step of the menu, after when, contact and the confirmation.
    const inputs = ["1", "1", "2", "nairobi", "kayole", "1", "1", "1", "Fight\u0000 near the\u0001 stage"];
    let last = "";
    for (let hop = 0; hop <= inputs.length; hop++) {
      const res = await postForm(
        server.url,
        AT_USSD_PATH,
        atUssd(sessionId, phone, inputs.slice(0, hop).join("*")),
      );
      expect(res.status, res.text).toBe(200);
      expect(res.text).toMatch(/^(CON|END) /);
      last = res.text;
    }
    expect(last).toMatch(/^END Thank you\. Report sent\./);
    const report = await reportOf(`ussd:${sessionId}`);
    expect(report?.text).toBe("Fight near the stage");
  });

  it("a NUL in the session id or the number answers the menu, not a 500", async () => {
    const res = await postForm(server.url, AT_USSD_PATH, atUssd("ATUid_\u0000x", `${newPhone()}\u0000`, ""));
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^CON Baraza/);
  });
});

describe("odd optional fields are kept, not refused (finding 8)", () => {
  it("a 300-character linkId, an odd date and unknown fields are stored and the report is made", async () => {
    const from = newPhone();
    const linkId = "7".repeat(300);
    const sms: Record<string, string> = {
      ...atSms({ from, text: "Wezi wamevunja duka Kawangware", linkId, date: "03/05/2026 6:04" }),
      networkCode: "63902-extended-code-that-is-long",
      cost: "KES 0.8000",
    };
    const res = await sendAt(sms);
    expect(res.status, res.text).toBe(200);
    const payload = payloadOf(await stored(sms.id as string));
    expect(payload.extra).toMatchObject({ linkId, dateAsSent: "03/05/2026 6:04", cost: "KES 0.8000" });
    expect(payload.extra.networkCode).toBe("63902-extended-code-");
    await server.worker.drain();
    expect((await stored(sms.id as string))?.outcome).toBe("report");
    expect(sentTo(from)).toHaveLength(1);
  });

  it("a sender that is a name, and a missing shortcode, date or text, are still stored and answered", async () => {
    const named = { ...atSms({ from: "Safaricom", text: "Ujumbe kutoka mtandao" }) };
    const bare = { from: newPhone(), id: randomUUID() };
    expect((await sendAt(named)).status).toBe(200);
    expect((await sendAt(bare)).status).toBe(200);
    await server.worker.drain();
    expect((await stored(named.id as string))?.outcome).toBe("report");
    expect((await stored(bare.id))?.outcome).toBe("empty");
    expect(sentTo(bare.from)).toEqual([expect.stringMatching(/^Baraza: /)]);
  });

  it("a very long message id is kept as a stable key: the retry is still recognised", async () => {
    const sms = atSms({ from: newPhone(), text: "Maandamano Mlolongo", id: `id-${"x".repeat(5000)}` });
    expect((await sendAt(sms)).json).toEqual({ ok: true, duplicate: false });
    expect((await sendAt(sms)).json).toEqual({ ok: true, duplicate: true });
  });

  it("a Twilio message with only the deprecated SmsSid and no AccountSid is stored", async () => {
    const from = newPhone();
    const {
      MessageSid: sid,
      AccountSid: _account,
      SmsMessageSid: _old,
      ...params
    } = twilioSms({
      from,
      body: "Wizi Githurai 45",
    });
    expect((await sendTwilio(params)).status).toBe(200);
    await server.worker.drain();
    expect((await stored(sid as string))?.outcome).toBe("report");
  });

  it("a callback that cannot be stored (no sender, no id) is refused with a 400 that says what is missing", async () => {
    const res = await sendAt({ text: "Kuna vurugu", linkId: "1" });
    expect(res.status).toBe(400);
    expect(errorFields(res)).toEqual(["from", "id"]);
    expect(errorMessage(res)).toContain("id: is required: the gateway's id tells a retried callback");
    const onlyControls = await sendAt(atSms({ from: newPhone(), text: "x", id: "\u0000\u0001" }));
    expect(onlyControls.status).toBe(400);
    expect(errorFields(onlyControls)).toEqual(["id"]);
    const ussd = await postForm(server.url, AT_USSD_PATH, { text: "1" });
    expect(ussd.status).toBe(400);
    expect(errorFields(ussd)).toEqual(["phoneNumber", "sessionId"]);
  });
});
