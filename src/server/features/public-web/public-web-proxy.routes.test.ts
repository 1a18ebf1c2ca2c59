// The public form's per-connection limit behind a reverse proxy (BARAZA_TRUST_PROXY): with the proxy
// trusted each resident has their own limit; without it, a forged X-Forwarded-For changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/harness.ts";

const LIMIT_PER_HOUR = 20;
let direct: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  direct = await startTestServer();
  proxied = await startTestServer({ BARAZA_TRUST_PROXY: "1" });
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
});

async function report(server: TestServer, forwardedFor: string, text: string): Promise<number> {
  const res = await fetch(`${server.url}/report`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forwardedFor },
    body: new URLSearchParams({ step: "send", lang: "en", text }).toString(),
  });
  await res.arrayBuffer();
  return res.status;
}

describe("the public form behind a proxy", () => {
  it("with the proxy trusted, limits each resident by their own address", async () => {
    for (let i = 0; i < LIMIT_PER_HOUR; i++)
      expect(await report(proxied, "203.0.113.7", `Ripoti ya kwanza ${i}`)).toBe(200);
    expect(await report(proxied, "203.0.113.7", "Moja zaidi")).toBe(429);
    expect(await report(proxied, "203.0.113.8", "Mkazi mwingine nyuma ya proxy ileile")).toBe(200);
  });

  it("without a trusted proxy, a forged X-Forwarded-For does not escape the limit", async () => {
    for (let i = 0; i < LIMIT_PER_HOUR; i++)
      expect(await report(direct, `198.51.100.${i}`, `Ripoti ${i}`)).toBe(200);
    expect(await report(direct, "198.51.100.250", "Anwani mpya ya kughushi")).toBe(429);
  });
});
