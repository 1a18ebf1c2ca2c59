import { describe, expect, it } from "vitest";
import { parseInput } from "../../lib/errors.ts";
import {
  atDeliveryReportSchema,
  atInboundSmsSchema,
  atSmsExtra,
  atUssdSchema,
  buildAtSendSmsRequest,
  formatUssdResponse,
  parseAtDate,
  parseAtSendSmsResponse,
} from "./africastalking.ts";

// The public test fixture quoted in GATEWAYS.md (RapidPro's AT receiver), as a form body.
const COURIER_FIXTURE =
  "linkId=03090445075804249226&text=Msg&to=21512&id=ec9adc86-51d5-4bc8-8eb0-d8ab0bb53dc3&date=2017-05-03T06%3A04%3A45Z&from=%2B254791541111";
const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

function problemsOf(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } },
  body: unknown,
) {
  try {
    parseInput(schema as never, body, "callback");
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("Africa's Talking inbound SMS callback", () => {
  it("parses the published fixture, and keeps its date as an ISO date", () => {
    const fields = form(COURIER_FIXTURE);
    const sms = atInboundSmsSchema.parse(fields);
    expect(sms).toEqual({
      from: "+254791541111",
      to: "21512",
      text: "Msg",
      date: "2017-05-03T06:04:45Z",
      id: "ec9adc86-51d5-4bc8-8eb0-d8ab0bb53dc3",
      linkId: "03090445075804249226",
      networkCode: undefined,
    });
    expect(atSmsExtra(sms, fields)).toEqual({
      date: "2017-05-03T06:04:45.000Z",
      linkId: "03090445075804249226",
      networkCode: undefined,
    });
  });

  it("keeps unknown fields such as cost, a date in another form as sent, and treats an empty linkId as absent", () => {
    const fields = {
      ...form(COURIER_FIXTURE),
      cost: "KES 0.8",
      linkId: "",
      date: "03/05/2017",
      networkCode: "63902",
    };
    const sms = atInboundSmsSchema.parse(fields);
    expect(sms.linkId).toBeUndefined();
    expect(atSmsExtra(sms, fields)).toEqual({
      cost: "KES 0.8",
      date: undefined,
      dateAsSent: "03/05/2017",
      linkId: undefined,
      networkCode: "63902",
    });
  });

  it("cuts over-long optional fields instead of refusing the message", () => {
    const sms = atInboundSmsSchema.parse({
      ...form(COURIER_FIXTURE),
      linkId: "9".repeat(5000),
      networkCode: "6".repeat(50),
    });
    expect(sms.linkId).toHaveLength(1000);
    expect(sms.networkCode).toHaveLength(20);
  });

  it("accepts a numeric message id as text, as the fetch API returns it", () => {
    expect(atInboundSmsSchema.parse({ ...form(COURIER_FIXTURE), id: "15071" }).id).toBe("15071");
  });

  it("keeps an empty text and a 10 KB text with emoji, so that each gets its own reply", () => {
    expect(atInboundSmsSchema.parse({ ...form(COURIER_FIXTURE), text: "" }).text).toBe("");
    const long = "Wezi \u{1F600} ".repeat(1500);
    expect(atInboundSmsSchema.parse({ ...form(COURIER_FIXTURE), text: long }).text).toBe(long);
  });

  it("refuses only what cannot be stored, saying why each field is needed", () => {
    const message = problemsOf(atInboundSmsSchema, { from: " ", text: "x", date: "yesterday" });
    expect(message).toContain("from: is required: the sender is needed to store the message");
    expect(message).toContain(
      "id: is required: the gateway's id tells a retried callback from a new message",
    );
    expect(message).not.toContain("date");
    expect(message).not.toContain("to:");
  });

  it("accepts a sender that is not a phone number (a name or a short code)", () => {
    expect(atInboundSmsSchema.parse({ ...form(COURIER_FIXTURE), from: "AFRICASTKNG" }).from).toBe(
      "AFRICASTKNG",
    );
  });

  it("replaces a very long id by a stable digest", () => {
    const parse = (id: string) => atInboundSmsSchema.parse({ ...form(COURIER_FIXTURE), id }).id;
    const long = "x".repeat(300);
    expect(parse(long)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(parse(long)).toBe(parse(long));
    expect(parse(`${long}y`)).not.toBe(parse(long));
  });

  it("rejects a body that is not an object at all", () => {
    expect(atInboundSmsSchema.safeParse("text=hi").success).toBe(false);
    expect(atInboundSmsSchema.safeParse(null).success).toBe(false);
  });
});

describe("parseAtDate", () => {
  it.each([
    ["2017-05-03T06:04:45Z", "2017-05-03T06:04:45.000Z"],
    ["2017-05-03 06:04:45", "2017-05-03T06:04:45.000Z"],
    ["2018-03-19T08:34:18.445Z", "2018-03-19T08:34:18.445Z"],
  ])("reads %j as UTC", (raw, iso) => {
    expect(parseAtDate(raw)?.toISOString()).toBe(iso);
  });

  it.each([
    "",
    "2017-02-30 06:04:45",
    "2017-05-03",
    "03/05/2017 06:04",
    "2017-05-03T06:04:45+03:00",
    "2017-13-01 00:00:00",
  ])("rejects %j", (raw) => {
    expect(parseAtDate(raw)).toBeNull();
  });
});

describe("Africa's Talking USSD callback", () => {
  const hop = {
    sessionId: "ATUid_1",
    serviceCode: "*384*1234#",
    phoneNumber: "+254712345678",
    networkCode: "63902",
  };

  it("treats a missing text as the first hop and keeps the * history as sent", () => {
    expect(atUssdSchema.parse(hop).text).toBe("");
    expect(atUssdSchema.parse({ ...hop, text: "1*2*BRZ7KX2" }).text).toBe("1*2*BRZ7KX2");
  });

  it("accepts a callback without networkCode and drops unknown fields", () => {
    const { networkCode: _, ...withoutNetwork } = hop;
    const parsed = atUssdSchema.parse({ ...withoutNetwork, text: "1", extra: "x" });
    expect(parsed).toEqual({
      sessionId: "ATUid_1",
      serviceCode: "*384*1234#",
      phoneNumber: "+254712345678",
      text: "1",
    });
  });

  it("names the missing session id and number, and nothing else", () => {
    const message = problemsOf(atUssdSchema, { text: "1" });
    expect(message).toContain("sessionId: is required");
    expect(message).toContain("phoneNumber: is required");
    expect(message).not.toContain("serviceCode");
  });
});

describe("formatUssdResponse", () => {
  it("starts a continuing screen with CON and a last screen with END", () => {
    expect(formatUssdResponse({ screen: "1 English\n2 Kiswahili", end: false })).toBe(
      "CON 1 English\n2 Kiswahili",
    );
    expect(formatUssdResponse({ screen: "Asante.", end: true })).toBe("END Asante.");
  });

  it("cuts an over-long screen to the 182-character hard cap and removes what handsets cannot show", () => {
    const body = formatUssdResponse({
      screen: `\u201cKayole\u201d \u{1F600} ${"x".repeat(300)}`,
      end: false,
    });
    expect(body.startsWith('CON "Kayole"  x')).toBe(true);
    expect(body.length).toBe(4 + 182);
  });
});

describe("Africa's Talking delivery reports", () => {
  it.each([
    ["Success", "delivered"],
    ["Sent", "pending"],
    ["Submitted", "pending"],
    ["Buffered", "pending"],
    ["Rejected", "failed"],
    ["Failed", "failed"],
    ["Expired", "failed"],
  ])("maps status %s to %s", (status, outcome) => {
    const report = atDeliveryReportSchema.parse({ id: "ATXid_1", status, phoneNumber: "+254712345678" });
    expect(report.outcome).toBe(outcome);
  });

  it("keeps the failure reason and a numeric retry count", () => {
    const report = atDeliveryReportSchema.parse({
      id: "ATXid_03cb5ecf11ce748794c0f9a85c276259",
      status: "Failed",
      phoneNumber: "+254712345678",
      networkCode: "63902",
      failureReason: "UserInBlackList",
      retryCount: "2",
    });
    expect(report).toMatchObject({ failureReason: "UserInBlackList", retryCount: 2, outcome: "failed" });
  });

  it("names an unknown status and a non-numeric retry count", () => {
    const message = problemsOf(atDeliveryReportSchema, {
      id: "ATXid_1",
      status: "Delivered",
      retryCount: "two",
    });
    expect(message).toContain("status: must be one of Sent, Submitted");
    expect(message).toContain("retryCount: must be a number");
  });
});

describe("Africa's Talking send-SMS request", () => {
  const base = {
    baseUrl: "https://api.example.test/",
    apiKey: "k3y",
    username: "baraza",
    message: "Asante & karibu",
  };

  it("builds the form-encoded bulk request with JSON accepted", () => {
    const request = buildAtSendSmsRequest({
      ...base,
      to: ["+254712345678", "+254733000000"],
      from: "BARAZA",
    });
    expect(request.url).toBe("https://api.example.test/version1/messaging");
    expect(request.headers).toEqual({
      apiKey: "k3y",
      Accept: "application/json",
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      username: "baraza",
      to: "+254712345678,+254733000000",
      message: "Asante & karibu",
      from: "BARAZA",
      bulkSMSMode: "1",
    });
  });

  it("makes a premium reply when a linkId is echoed", () => {
    const request = buildAtSendSmsRequest({
      ...base,
      to: ["+254712345678"],
      linkId: "0309",
      keyword: "BRZ",
      enqueue: true,
    });
    const fields = Object.fromEntries(new URLSearchParams(request.body));
    expect(fields).toMatchObject({ bulkSMSMode: "0", linkId: "0309", keyword: "BRZ", enqueue: "1" });
    expect(fields).not.toHaveProperty("from");
  });

  it("refuses a message with no recipient", () => {
    expect(() => buildAtSendSmsRequest({ ...base, to: [] })).toThrow(/recipient/);
  });
});

describe("Africa's Talking send-SMS response", () => {
  const recipient = (statusCode: number, status: string, messageId = "ATXid_1") => ({
    statusCode,
    number: "+254711000111",
    status,
    cost: statusCode < 200 ? "KES 0.8000" : "0",
    messageId,
  });
  const response = (...recipients: unknown[]) => ({
    SMSMessageData: { Message: "Sent to 1/1 Total Cost: KES 0.8000", Recipients: recipients },
  });

  it("accepts the SDK's sample answer", () => {
    expect(parseAtSendSmsResponse(response(recipient(101, "Success", "ATPid_SampleTxnId123")))).toEqual({
      ok: true,
      recipients: [
        { number: "+254711000111", accepted: true, messageId: "ATPid_SampleTxnId123", cost: "KES 0.8000" },
      ],
    });
  });

  it("treats 100 and 102 as accepted and ignores unknown fields such as messageParts", () => {
    const result = parseAtSendSmsResponse(
      response({ ...recipient(100, "Success"), messageParts: 1 }, recipient(102, "Queued", "ATXid_2")),
    );
    expect(result.ok).toBe(true);
    expect(result.recipients.every((r) => r.accepted)).toBe(true);
  });

  it("names the reason for each failed recipient and fails when none was accepted", () => {
    expect(parseAtSendSmsResponse(response(recipient(406, "UserInBlacklist", "None")))).toEqual({
      ok: false,
      reason: "UserInBlacklist",
      recipients: [{ number: "+254711000111", accepted: false, reason: "UserInBlacklist" }],
    });
    const mixed = parseAtSendSmsResponse(
      response(recipient(101, "Success"), recipient(403, "InvalidPhoneNumber", "None")),
    );
    expect(mixed.ok).toBe(true);
    expect(mixed.recipients[1]).toEqual({
      number: "+254711000111",
      accepted: false,
      reason: "InvalidPhoneNumber",
    });
  });

  it("falls back to the status text, then the code, for a status code it does not know", () => {
    expect(
      parseAtSendSmsResponse(response(recipient(409, "DoNotDisturbRejection", "None"))).recipients[0],
    ).toMatchObject({
      reason: "DoNotDisturbRejection",
    });
    const { status: _, ...noStatus } = recipient(499, "", "None");
    expect(parseAtSendSmsResponse(response(noStatus)).recipients[0]).toMatchObject({
      reason: "StatusCode499",
    });
  });

  it("reads the reason from Message when there are no recipients", () => {
    expect(
      parseAtSendSmsResponse({ SMSMessageData: { Message: "InvalidSenderId", Recipients: [] } }),
    ).toEqual({
      ok: false,
      reason: "InvalidSenderId",
      recipients: [],
    });
  });

  it.each([null, "The supplied authentication is invalid", {}, { SMSMessageData: { Recipients: "x" } }])(
    "reports an unexpected answer %j without throwing",
    (json) => {
      expect(parseAtSendSmsResponse(json)).toEqual({
        ok: false,
        reason: "UnexpectedResponse",
        recipients: [],
      });
    },
  );
});
