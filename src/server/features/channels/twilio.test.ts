import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildTwimlReply,
  computeTwilioSignature,
  escapeXml,
  twilioInboundSchema,
  twilioUrlVariants,
  validateTwilioSignature,
} from "./twilio.ts";

// Twilio's published example (GATEWAYS.md, "Secure webhooks").
const TOKEN = "12345";
const URL_ = "https://mycompany.com/myapp.php?foo=1&bar=2";
const PARAMS = {
  CallSid: "CA1234567890ABCDE",
  Caller: "+12349013030",
  Digits: "1234",
  From: "+12349013030",
  To: "+18005551212",
};
const PUBLISHED_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

describe("Twilio request signature", () => {
  it("reproduces Twilio's published example signature", () => {
    expect(computeTwilioSignature(TOKEN, URL_, PARAMS)).toBe(PUBLISHED_SIGNATURE);
  });

  it("does not depend on the order the parameters arrived in", () => {
    const reversed = Object.fromEntries(Object.entries(PARAMS).reverse());
    expect(computeTwilioSignature(TOKEN, URL_, reversed)).toBe(PUBLISHED_SIGNATURE);
  });

  it("accepts the published example's header", () => {
    expect(validateTwilioSignature(TOKEN, URL_, PARAMS, PUBLISHED_SIGNATURE)).toBe(true);
  });

  it("accepts a signature made over the URL with the default port, or without the port we were given", () => {
    const signedWithPort = computeTwilioSignature(
      TOKEN,
      "https://mycompany.com:443/myapp.php?foo=1&bar=2",
      PARAMS,
    );
    expect(validateTwilioSignature(TOKEN, URL_, PARAMS, signedWithPort)).toBe(true);
    expect(
      validateTwilioSignature(
        TOKEN,
        "https://mycompany.com:443/myapp.php?foo=1&bar=2",
        PARAMS,
        PUBLISHED_SIGNATURE,
      ),
    ).toBe(true);
  });

  it("lists the URL as given, with the scheme's port and without a port", () => {
    expect(twilioUrlVariants("http://h.test/sms?x=1")).toEqual([
      "http://h.test/sms?x=1",
      "http://h.test:80/sms?x=1",
    ]);
    expect(twilioUrlVariants("https://h.test:8443/sms")).toEqual([
      "https://h.test:8443/sms",
      "https://h.test/sms",
    ]);
    expect(twilioUrlVariants("not a url")).toEqual(["not a url"]);
  });

  it.each([
    ["a changed parameter", { ...PARAMS, Digits: "1235" }, URL_, TOKEN],
    ["an added parameter", { ...PARAMS, Body: "hi" }, URL_, TOKEN],
    ["another URL", PARAMS, "https://mycompany.com/myapp.php?foo=1&bar=3", TOKEN],
    ["another token", PARAMS, URL_, "54321"],
  ])("rejects the header after %s", (_, params, url, token) => {
    expect(validateTwilioSignature(token, url, params, PUBLISHED_SIGNATURE)).toBe(false);
  });

  it("rejects a missing, empty, truncated or non-ASCII header, and an empty auth token", () => {
    expect(validateTwilioSignature(TOKEN, URL_, PARAMS, undefined)).toBe(false);
    expect(validateTwilioSignature(TOKEN, URL_, PARAMS, "")).toBe(false);
    expect(validateTwilioSignature(TOKEN, URL_, PARAMS, PUBLISHED_SIGNATURE.slice(0, -1))).toBe(false);
    expect(validateTwilioSignature(TOKEN, URL_, PARAMS, "\u{1F600}".repeat(7))).toBe(false);
    expect(validateTwilioSignature("", URL_, PARAMS, computeTwilioSignature("", URL_, PARAMS))).toBe(false);
  });

  it("signs repeated parameters once per distinct value, in sorted order", () => {
    const repeated = computeTwilioSignature(TOKEN, URL_, { MediaUrl: ["b", "a", "b"] });
    expect(repeated).toBe(computeTwilioSignature(TOKEN, `${URL_}MediaUrlaMediaUrlb`, {}));
  });

  it("signs UTF-8 text, so a Kiswahili message with emoji validates", () => {
    const params = { Body: "Msaada \u{1F622} caf\u00e9", From: "+254712345678" };
    const header = computeTwilioSignature(TOKEN, URL_, params);
    expect(validateTwilioSignature(TOKEN, URL_, params, header)).toBe(true);
    expect(validateTwilioSignature(TOKEN, URL_, { ...params, Body: "Msaada caf\u00e9" }, header)).toBe(false);
  });

  it("accepts exactly the header it computes, for any parameters", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 })),
        (params) => {
          const header = computeTwilioSignature(TOKEN, URL_, params);
          expect(validateTwilioSignature(TOKEN, URL_, params, header)).toBe(true);
          expect(validateTwilioSignature(TOKEN, URL_, { ...params, zzExtra: "1" }, header)).toBe(false);
        },
      ),
    );
  });
});

describe("Twilio inbound message webhook", () => {
  const sid = (prefix: string) => `${prefix}${"0123456789abcdef".repeat(2)}`;
  const webhook = {
    MessageSid: sid("SM"),
    SmsSid: sid("SM"),
    AccountSid: sid("AC"),
    From: "+254712345678",
    To: "+15005550006",
    Body: "Vijana wanapigana",
    NumMedia: "0",
    NumSegments: "1",
    SmsStatus: "received",
    ApiVersion: "2010-04-01",
    FromCountry: "KE",
  };

  it("parses the documented parameters and drops the rest, where the resident is included", () => {
    expect(twilioInboundSchema.parse(webhook)).toEqual({
      MessageSid: sid("SM"),
      AccountSid: sid("AC"),
      MessagingServiceSid: undefined,
      From: "+254712345678",
      To: "+15005550006",
      Body: "Vijana wanapigana",
      NumMedia: "0",
      NumSegments: "1",
      OptOutType: undefined,
    });
  });

  it("treats a missing body (a picture message) as empty text", () => {
    const { Body: _, ...withoutBody } = webhook;
    expect(twilioInboundSchema.parse({ ...withoutBody, NumMedia: "1" })).toMatchObject({
      Body: "",
      NumMedia: "1",
    });
  });

  it("takes the id from the deprecated SmsSid when MessageSid is missing, and keeps an odd one", () => {
    const { MessageSid: _, ...old } = webhook;
    expect(twilioInboundSchema.parse(old).MessageSid).toBe(sid("SM"));
    expect(twilioInboundSchema.parse({ ...webhook, MessageSid: "SM1", NumMedia: "lots" })).toMatchObject({
      MessageSid: "SM1",
      NumMedia: "lots",
    });
  });

  it("refuses only a message without an id or a sender, saying why", () => {
    const { MessageSid: _, SmsSid: _old, ...noId } = webhook;
    const result = twilioInboundSchema.safeParse({ ...noId, From: undefined });
    expect(result.success).toBe(false);
    const problems = result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(problems).toEqual([
      "MessageSid: is required: the gateway's MessageSid tells a retried callback from a new message",
      "From: is required: the sender is needed to store the message",
    ]);
  });
});

describe("TwiML reply", () => {
  it("wraps the reply in Response and Message", () => {
    expect(buildTwimlReply("Asante")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Asante</Message></Response>',
    );
  });

  it("answers with an empty Response when there is nothing to say", () => {
    expect(buildTwimlReply(null)).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it("escapes markup so that a reply cannot inject TwiML", () => {
    expect(buildTwimlReply("</Message><Redirect>https://evil</Redirect> & \"x\" 'y'")).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>&lt;/Message&gt;&lt;Redirect&gt;https://evil&lt;/Redirect&gt; &amp; &quot;x&quot; &apos;y&apos;</Message></Response>',
    );
  });

  it("removes control characters XML cannot carry and keeps emoji", () => {
    expect(escapeXml("a\u0000b\u0007c\nd \u{1F600}")).toBe("abc\nd \u{1F600}");
  });
});
