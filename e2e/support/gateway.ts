// Gateway callbacks a journey needs, sent as the real gateway sends them.
import { expect } from "vitest";

/** What Africa's Talking POSTs for an incoming SMS (form-encoded); the server must acknowledge it. */
export async function smsArrives(baseUrl: string, id: string, from: string, text: string): Promise<void> {
  const res = await fetch(`${baseUrl}/channels/africastalking/sms`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      from,
      to: "22345",
      text,
      date: new Date().toISOString(),
      id,
      linkId: `link-${id}`,
      networkCode: "63902",
    }).toString(),
  });
  expect(res.status).toBe(200);
}
