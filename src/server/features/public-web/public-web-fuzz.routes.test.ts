// Fuzzing the public pages with hostile bytes in every field: control characters, lone surrogates,
// broken percent-encoding, repeated fields, odd bodies. Never a 5xx; and every POST /report that was
// answered with a receipt made exactly one stored report, and nothing else made one.
import { isNotNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { seedTwoCounties } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { webReportReceipts } from "./public-web.table.ts";
import { countReports, formTokenOf, publicPages, receiptOf } from "./public-web-test.fixture.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedTwoCounties(server.deps);
});
afterAll(() => server?.close());

const { get, post } = publicPages(() => server);
const SEED = 20261208;
const RUNS = 50;

const SPECIALS = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009f",
  "\u202e",
  "\u2066",
  "\ud800",
  "\udfff",
  "\r\n",
  "\t",
  "🔥",
  "<b>",
  "&amp;",
  '"',
  "%",
  "+",
  "=",
];
const unit = fc.oneof(
  fc.constantFrom(...SPECIALS),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }),
);
/** Percent-encoded as UTF-8; a lone surrogate, which UTF-8 cannot carry, as its WTF-8 bytes. */
function encode(text: string): string {
  return Array.from(text)
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(char);
      const bytes = [0xed, 0xa0 | ((code >> 6) & 0x1f), 0x80 | (code & 0x3f)];
      return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    })
    .join("");
}
/** Hostile text, encoded as a browser would (nearly: see `encode`). */
const hostileText = fc.string({ unit, maxLength: 30 }).map(encode);
/** Bytes no browser would send: broken and overlong percent sequences, NUL, stray separators. */
const rawGarbage = fc
  .array(
    fc.constantFrom(
      "%",
      "%0",
      "%00",
      "%FF",
      "%E0%A4",
      "%ED%A0%80",
      "%C0%80",
      "%zz",
      "%E2%80%AE",
      "+",
      "Moto",
    ),
    {
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(""));
const hostile = fc.oneof(hostileText, rawGarbage);
/** Mostly a value the form would send, so that reports get filed; now and then a hostile one. */
const withSane = (sane: string[], hostileWeight = 1) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...sane.map(encode)), weight: 8 },
    { arbitrary: hostile, weight: hostileWeight },
  );

const REPORT_FIELDS = {
  text: withSane(["Wezi sokoni", "Moto mtaani"]),
  category: withSane(["gang_crime", "unknown", ""]),
  county: withSane(["c:032", ""]),
  place: withSane(["Kaptembwo", ""]),
  when: withSane(["today", "unknown"]),
  date: withSane(["21/11/2026", ""]),
  phone: withSane([""]),
  name: withSane([""]),
  consent: withSane([""]),
  locality: withSane([""]),
  switchLang: withSane([""]),
  lang: withSane(["en", "sw"]),
  step: withSane(["send", "send", "send", "places"]),
};

/** Some fields left out, some repeated, each with a sane or hostile value. */
function formBody(
  fields: Record<string, fc.Arbitrary<string>>,
  extra: fc.Arbitrary<[string, string][]>,
  required: string[] = [],
) {
  const entries = Object.entries(fields).map(([name, value]) =>
    fc
      .array(value, { minLength: required.includes(name) ? 1 : 0, maxLength: 2 })
      .map((values) => values.map((v): [string, string] => [name, v])),
  );
  return fc
    .tuple(fc.tuple(...entries), extra)
    .map(([lists, more]) => [...lists.flat(), ...more].map(([k, v]) => `${k}=${v}`).join("&"));
}

describe("the public pages under hostile input", () => {
  it("POST /report never answers 5xx, and each receipt it redirects to is exactly one stored report", async () => {
    const token = formTokenOf(await get("/report?lang=en"));
    const tokenField = fc.oneof(
      fc.constant<[string, string][]>([["formToken", token]]),
      fc.constant<[string, string][]>([]),
      hostile.map((v): [string, string][] => [["formToken", v]]),
    );
    const receipts = new Set<string>();
    const before = await countReports(server);
    await fc.assert(
      fc.asyncProperty(formBody(REPORT_FIELDS, tokenField), fc.boolean(), async (body, twice) => {
        // A fresh hour each time, so that the per-connection limit does not hide the filing path.
        server.clock.advance(61 * 60_000);
        for (const _ of twice ? [1, 2] : [1]) {
          const page = await post("/report", body, { redirect: "manual" });
          expect(page.status, body).toBeLessThan(500);
          if (page.status !== 303) continue;
          expect(page.location).toMatch(/^\/report\/receipt\/[0-9a-f]{64}\?lang=(en|sw)$/);
          receipts.add(page.location?.split("?")[0] ?? "");
          expect(receiptOf(await get(page.location ?? "")).reference).toMatch(/^BRZ-/);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(receipts.size).toBeGreaterThan(10);
    expect(await countReports(server)).toBe(before + receipts.size);
    const spent = await server.deps.db.$count(webReportReceipts, isNotNull(webReportReceipts.reportId));
    expect(spent).toBe(receipts.size);
    const [distinct] = await queryRows<{ n: number }>(
      server.deps.db,
      sql`select count(distinct report_id)::int as n from web_report_receipts`,
    );
    expect(distinct?.n).toBe(receipts.size);
  });

  it("POST /follow-up and /follow-up/add never answer 5xx", async () => {
    const { reference, pin } = receiptOf(await post("/report", { step: "send", lang: "en", text: "Mzozo" }));
    const fields = {
      reference: withSane([reference, "BRZ-ZZZZZ"]),
      pin: withSane([pin, pin, pin, "000000"]),
      lang: withSane(["en", "sw"]),
      switchLang: withSane(["", "en"]),
      view: withSane(["entry", "status", "receipt"]),
      // The addition is where hostile text can reach the database: fuzzed half the time.
      text: withSane(["Walirudi leo"], 8),
    };
    await fc.assert(
      fc.asyncProperty(
        formBody(fields, fc.constant([]), ["reference", "pin", "text"]),
        fc.constantFrom("/follow-up", "/follow-up/add"),
        async (body, path) => {
          server.clock.advance(61 * 60_000);
          const page = await post(path, body);
          expect(page.status, `${path} ${body}`).toBeLessThan(500);
          expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("answers any JSON body, whatever its shape, without a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom("/report", "/follow-up"),
        async (value, path) => {
          const res = await fetch(`${server.url}${path}`, {
            method: "POST",
            redirect: "manual",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(value),
          });
          await res.arrayBuffer();
          expect(res.status).toBeLessThan(500);
        },
      ),
      { seed: SEED, numRuns: 30 },
    );
  });
});
