// Post/Redirect/Get with a one-time form token (issue 12, finding 6): a refresh of the receipt or
// a second post of the same form never files the report twice, and the receipt shows the PIN for a
// short window only, sealed meanwhile.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { scheduleJobsCleanup } from "../../jobs/cleanup.ts";
import { seedTwoCounties } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { webReportReceipts } from "./public-web.table.ts";
import { countReports, formTokenOf, publicPages, receiptOf, reportRow } from "./public-web-test.fixture.ts";
import { RECEIPT_MINUTES, SPENT_TOKENS_KEPT_DAYS } from "./web-receipt.service.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedTwoCounties(server.deps);
});
afterAll(() => server?.close());
beforeEach(() => server.clock.advance(61 * 60_000));

const { get, post } = publicPages(() => server);
const MINUTE = 60_000;

/** A fresh form's token, as a browser gets it from GET /report. */
const freshToken = async (lang = "en") => formTokenOf(await get(`/report?lang=${lang}`));
const send = (fields: Record<string, string>) =>
  post("/report", { step: "send", lang: "en", ...fields }, { redirect: "manual" });

describe("sending the report form", () => {
  it("embeds a random one-time token, and redirects (303) to a receipt page instead of answering with it", async () => {
    const token = await freshToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await freshToken()).not.toBe(token);
    const sent = await send({ text: "Wizi sokoni", formToken: token });
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/^\/report\/receipt\/[0-9a-f]{64}\?lang=en$/);
    expect(sent.location).not.toContain(token);
    expect(sent.html).not.toMatch(/\d{6}/);
  });

  it("files one report for two posts of the same form, and sends both to the same receipt", async () => {
    const before = await countReports(server);
    const formToken = await freshToken();
    const first = await send({ text: "Vijana wanapigana", formToken });
    const second = await send({ text: "Vijana wanapigana", formToken });
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.location).toBe(first.location);
    expect(await countReports(server)).toBe(before + 1);
  });

  it("files one report for two posts of the same form sent at once (double click)", async () => {
    const before = await countReports(server);
    const formToken = await freshToken();
    const both = await Promise.all([
      send({ text: "Moto mtaani", formToken }),
      send({ text: "Moto mtaani", formToken }),
    ]);
    expect(both.map((p) => p.status)).toEqual([303, 303]);
    expect(both[1]?.location).toBe(both[0]?.location);
    expect(await countReports(server)).toBe(before + 1);
  });

  it("shows the same reference and PIN on every refresh of the receipt, filing nothing more", async () => {
    const sent = await send({ text: "Barabara imefungwa", formToken: await freshToken() });
    const before = await countReports(server);
    const once = await get(sent.location ?? "");
    const again = await get(sent.location ?? "");
    expect(receiptOf(again)).toEqual(receiptOf(once));
    expect(await countReports(server)).toBe(before);
    const row = await reportRow(server, receiptOf(once).reference);
    expect(row.text).toBe("Barabara imefungwa");
    expect(once.headers.get("cache-control")).toBe("no-store");
    expect(once.headers.get("referrer-policy")).toBe("no-referrer");
    expect(once.html).toContain("this page shows the PIN for 30 minutes only");
  });

  it("keeps the PIN only sealed, and stores neither the token nor the receipt address", async () => {
    const formToken = await freshToken();
    const sent = await send({ text: "Hongo barabarani", formToken });
    const { pin, reference } = receiptOf(await get(sent.location ?? ""));
    const receiptId = /receipt\/([0-9a-f]+)/.exec(sent.location ?? "")?.[1] ?? "";
    const rows = await queryRows<Record<string, unknown>>(
      server.deps.db,
      sql`select * from web_report_receipts`,
    );
    const stored = JSON.stringify(rows);
    for (const secret of [formToken, receiptId, reference]) expect(stored).not.toContain(secret);
    const sealed = await server.deps.db
      .select({ s: webReportReceipts.receiptSealed })
      .from(webReportReceipts);
    const opened = sealed.map((r) => (r.s ? server.deps.vault.decrypt("web.receipt", r.s) : ""));
    expect(opened.some((plain) => plain.includes(pin) && plain.includes(reference))).toBe(true);
  });

  it("shows no PIN after the window, says how to check with reference and PIN, and still files nothing twice", async () => {
    const formToken = await freshToken("sw");
    const fields = { text: "Ghasia sokoni", lang: "sw", formToken };
    const sent = await send(fields);
    const { pin, reference } = receiptOf(await get(sent.location ?? ""));
    server.clock.advance((RECEIPT_MINUTES + 1) * MINUTE);
    const expired = await get(sent.location ?? "", "en");
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('<html lang="sw">');
    expect(expired.html).toContain("nambari ya ripoti na PIN huonyeshwa kwa dakika 30 tu");
    expect(expired.html).toContain('href="/follow-up?lang=sw"');
    for (const secret of [pin, reference]) expect(expired.html).not.toContain(secret);
    const before = await countReports(server);
    const resent = await send(fields);
    expect(resent.location).toBe(sent.location);
    expect(await countReports(server)).toBe(before);
    expect((await post("/follow-up", { reference, pin, lang: "en" })).status).toBe(200);
  });

  it("answers an address that never was a receipt like an expired one", async () => {
    for (const id of ["0".repeat(64), "not-a-receipt", `${"a".repeat(63)}<`]) {
      const page = await get(`/report/receipt/${encodeURIComponent(id)}?lang=en`);
      expect(page.status).toBe(410);
      expect(page.html).toContain("the report number and PIN are shown for 30 minutes only");
      expect(Buffer.byteLength(page.html)).toBeLessThan(30 * 1024);
      expect(page.html.toLowerCase()).not.toContain("<script");
    }
  });
});

describe("what is never lost", () => {
  it("files a report sent without a token (or with a forged one), still redirecting to its receipt", async () => {
    const before = await countReports(server);
    for (const formToken of [undefined, "forged", "A".repeat(22)]) {
      const sent = await send({ text: "Fomu ya zamani", ...(formToken && { formToken }) });
      expect(sent.status).toBe(303);
      expect(receiptOf(await get(sent.location ?? "")).reference).toMatch(/^BRZ-/);
    }
    expect(await countReports(server)).toBe(before + 3);
  });

  it("files a different report typed into an old form whose token was spent, with its own receipt", async () => {
    const formToken = await freshToken();
    const first = await send({ text: "Ripoti ya kwanza", formToken });
    const before = await countReports(server);
    const second = await send({ text: "Ripoti nyingine kabisa", formToken });
    expect(second.status).toBe(303);
    expect(second.location).not.toBe(first.location);
    expect(await countReports(server)).toBe(before + 1);
    expect((await reportRow(server, receiptOf(await get(second.location ?? "")).reference)).text).toBe(
      "Ripoti nyingine kabisa",
    );
  });

  it("keeps the token through a language switch and a corrected form, and gives a fresh one once spent", async () => {
    const formToken = await freshToken();
    const switched = await post("/report", { lang: "en", switchLang: "sw", text: "Moto", formToken });
    expect(formTokenOf(switched)).toBe(formToken);
    const invalid = await post("/report", { step: "send", lang: "en", text: " ", formToken });
    expect(invalid.status).toBe(400);
    expect(formTokenOf(invalid)).toBe(formToken);
    await send({ text: "Moto", formToken });
    const after = await post("/report", { lang: "en", step: "places", text: "Moto", formToken });
    expect(formTokenOf(after)).not.toBe(formToken);
  });

  it("forgets expired receipts and, after a week, spent tokens in the daily clean-up, any number of times", async () => {
    await send({ text: "Ripoti ya kusafishwa", formToken: await freshToken() });
    server.clock.advance((SPENT_TOKENS_KEPT_DAYS + 1) * 24 * 60 * MINUTE);
    await scheduleJobsCleanup(server.deps);
    server.clock.advance(24 * 60 * MINUTE);
    await server.worker.drain();
    expect(await server.deps.db.$count(webReportReceipts)).toBe(0);
    await send({ text: "Ripoti mpya", formToken: await freshToken() });
    server.clock.advance(24 * 60 * MINUTE);
    await server.worker.drain();
    const rows = await server.deps.db.select().from(webReportReceipts);
    expect(rows.map((r) => r.receiptSealed)).toEqual([null]);
  });
});
