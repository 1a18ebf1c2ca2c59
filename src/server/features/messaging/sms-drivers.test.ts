// The SMS drivers at unit level, through a fake fetch (no network): each returns the gateway's id
// for the message, which its delivery reports name; Twilio is told where to report.
import { describe, expect, it } from "vitest";
import { africasTalkingSmsDriver, twilioSmsDriver } from "./sms-drivers.ts";

type Fetch = typeof fetch;

function fakeFetch(answer: () => Response) {
  const calls: { url: string; body: string }[] = [];
  const impl = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), body: String(init?.body ?? "") });
    return answer();
  }) as Fetch;
  return { impl, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const twilio = { accountSid: "AC0123", authToken: "token", from: "+15005550006" };

describe("SMS drivers", () => {
  it("Africa's Talking: the recipient's messageId is the provider id", async () => {
    const fake = fakeFetch(() =>
      json(201, {
        SMSMessageData: {
          Message: "Sent to 1/1 Total Cost: KES 0.8000",
          Recipients: [
            {
              statusCode: 101,
              number: "+254711000000",
              status: "Success",
              cost: "KES 0.8000",
              messageId: "ATXid_1",
            },
          ],
        },
      }),
    );
    const driver = africasTalkingSmsDriver(
      { username: "sandbox", apiKey: "key", apiUrl: "https://api.sandbox.africastalking.com" },
      fake.impl,
    );
    expect(await driver.send({ to: "+254711000000", body: "Asante" })).toEqual({
      ok: true,
      providerMessageId: "ATXid_1",
    });
  });

  it("Twilio: the sid is the provider id, and StatusCallback points at this server when its URL is known", async () => {
    const fake = fakeFetch(() => json(201, { sid: "SM0123" }));
    const driver = twilioSmsDriver(twilio, fake.impl, "https://baraza.example.org/");
    expect(await driver.send({ to: "+254711000000", body: "Asante" })).toEqual({
      ok: true,
      providerMessageId: "SM0123",
    });
    const sent = new URLSearchParams(fake.calls[0]?.body);
    expect(sent.get("StatusCallback")).toBe("https://baraza.example.org/channels/twilio/status");
    const withoutUrl = fakeFetch(() => json(201, { sid: "SM0124" }));
    await twilioSmsDriver(twilio, withoutUrl.impl).send({ to: "+254711000000", body: "Asante" });
    expect(new URLSearchParams(withoutUrl.calls[0]?.body).has("StatusCallback")).toBe(false);
  });

  it("a timeout is uncertain, never retried: the gateway may have taken the message", async () => {
    const timeout = (async () => {
      throw Object.assign(new Error("timed out"), { name: "TimeoutError" });
    }) as Fetch;
    expect(await twilioSmsDriver(twilio, timeout).send({ to: "+254711000000", body: "x" })).toMatchObject({
      ok: false,
      retryable: false,
      uncertain: true,
    });
    const refused = (async () => {
      throw new TypeError("fetch failed");
    }) as Fetch;
    expect(await twilioSmsDriver(twilio, refused).send({ to: "+254711000000", body: "x" })).toMatchObject({
      ok: false,
      retryable: true,
    });
  });
});
