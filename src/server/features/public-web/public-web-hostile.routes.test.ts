// Hostile input on the public pages: control characters (NUL from a copy-paste), over-long and
// repeated fields, broken percent-encoding, wrong types. A resident always gets a page they can act
// on, in the language they posted, with what they typed kept; never a 500, never a half-stored report.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seedTwoCounties } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { reportAdditions } from "../reports/reports.table.ts";
import { countReports, publicPages, receiptOf, reportRow } from "./public-web-test.fixture.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedTwoCounties(server.deps);
});
afterAll(() => server?.close());
beforeEach(() => server.clock.advance(61 * 60_000));

const { get, post } = publicPages(() => server);
const NUL = "\u0000";
const CONTROL_EN =
  "Your text contains characters that cannot be stored (e.g. from copy-paste). Please retype it.";
const CONTROL_SW = "Maandishi yako yana herufi ambazo haziwezi kuhifadhiwa";

describe("control characters in the report form", () => {
  it("refuse NUL in the text with 400 in English when English was posted, keeping the rest, storing nothing", async () => {
    const before = await countReports(server);
    const page = await post(
      "/report",
      { step: "send", lang: "en", text: `Fight at the${NUL} market`, place: "Kaptembwo" },
      { language: "sw" },
    );
    expect(page.status).toBe(400);
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain(CONTROL_EN);
    expect(page.html).toContain("Fight at the market</textarea>");
    expect(page.html).toContain('value="Kaptembwo"');
    expect(page.html).not.toContain(NUL);
    expect(await countReports(server)).toBe(before);
  });

  it("refuse it in Kiswahili when Kiswahili was posted, whatever the browser prefers", async () => {
    const before = await countReports(server);
    const page = await post(
      "/report",
      {
        step: "send",
        lang: "sw",
        text: "Vita sokoni",
        name: `Ach${NUL}ieng`,
        consent: "yes",
        phone: "0712345678",
      },
      { language: "en-GB" },
    );
    expect(page.status).toBe(400);
    expect(page.html).toContain('<html lang="sw">');
    expect(page.html).toContain(CONTROL_SW);
    expect(page.html).toContain('value="Achieng"');
    expect(await countReports(server)).toBe(before);
  });

  it("refuse other controls (bidi override, DEL, C1) the same way, in any field, also when switching language", async () => {
    const attempts: Record<string, string>[] = [
      { step: "send", lang: "en", text: "Moto \u202Esokoni" },
      { step: "send", lang: "en", text: "Moto", place: "Soko\u007F" },
      { step: "places", lang: "en", text: "Moto\u0085", county: "c:032" },
      { switchLang: "sw", lang: "en", text: "Moto", date: `21/11/2026${NUL}` },
    ];
    for (const fields of attempts) {
      const page = await post("/report", fields);
      expect(page.status).toBe(400);
      expect(page.html).toContain(fields.switchLang ? CONTROL_SW : CONTROL_EN);
    }
  });
});

describe("control characters at /follow-up", () => {
  it("answer 400 (not 500) in the posted language, keeping the typed reference without the bad bytes", async () => {
    for (const [lang, message] of [
      ["en", CONTROL_EN],
      ["sw", CONTROL_SW],
    ] as const) {
      const page = await post("/follow-up", { reference: `BRZ-${NUL}7KX2Q`, pin: "123456", lang });
      expect(page.status).toBe(400);
      expect(page.html).toContain(`<html lang="${lang}">`);
      expect(page.html).toContain(message);
      expect(page.html).toContain('value="BRZ-7KX2Q"');
    }
    expect(
      (await post("/follow-up", { reference: "BRZ-7KX2Q", pin: `12${NUL}3456`, lang: "en" })).status,
    ).toBe(400);
  });

  it("refuse an addition with NUL, keep it (cleaned) in the box, and add nothing", async () => {
    const { reference, pin } = receiptOf(await post("/report", { step: "send", lang: "en", text: "Mzozo" }));
    const row = await reportRow(server, reference);
    const page = await post("/follow-up/add", { reference, pin, lang: "en", text: `Walirudi${NUL} leo` });
    expect(page.status).toBe(400);
    expect(page.html).toContain(CONTROL_EN);
    expect(page.html).toContain("Walirudi leo</textarea>");
    const added = await server.deps.db.$count(reportAdditions, eq(reportAdditions.reportId, row.id));
    expect(added).toBe(0);
  });
});

describe("other hostile input", () => {
  it("takes the first of repeated fields, and files exactly one report", async () => {
    const before = await countReports(server);
    const page = await post("/report", [
      ["step", "send"],
      ["lang", "en"],
      ["lang", "sw"],
      ["text", "Wizi sokoni"],
      ["text", "Second copy"],
    ]);
    const row = await reportRow(server, receiptOf(page).reference);
    expect([row.text, row.locale]).toEqual(["Wizi sokoni", "en"]);
    expect(await countReports(server)).toBe(before + 1);
  });

  it("answers an over-long text (beyond any field limit) with the form and its limit, keeping the words", async () => {
    const text = "x".repeat(150_000);
    const page = await post("/report", { step: "send", lang: "sw", text });
    expect(page.status).toBe(400);
    expect(page.html).toContain("Hii ina herufi 150,000. Kikomo ni herufi 5,000");
    expect(page.html).toContain(`${text}</textarea>`);
  });

  it("never fails on broken percent-encoding", async () => {
    for (const body of [
      "step=send&lang=en&text=%FF%FE%FD",
      "step=send&lang=en&text=Moto%E0%A4%",
      "step=send&lang=en&text=%&place=%zz",
      "step=send&lang=en&text=%ED%A0%80surrogate",
    ]) {
      const page = await post("/report", body, { redirect: "manual" });
      expect(page.status, body).toBeLessThan(500);
    }
    const followUp = await post("/follow-up", "reference=%FF%00&pin=%E0%A4&lang=en");
    expect(followUp.status).toBe(400);
    expect(followUp.html).toContain('<html lang="en">');
  });

  it("answers a body the form could not have sent with a page in the posted language", async () => {
    const res = await fetch(`${server.url}/report`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "sw" },
      body: JSON.stringify({ text: { nested: true }, lang: "en" }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("We could not read what was sent.");
  });

  it("without a language field, answers in the browser's language and still files the report", async () => {
    const before = await countReports(server);
    const page = await post("/report", { step: "send", text: "Hakuna lugha" }, { language: "sw" });
    expect(page.html).toContain('<html lang="sw">');
    expect(receiptOf(page).reference).toMatch(/^BRZ-/);
    expect(await countReports(server)).toBe(before + 1);
    expect((await get("/report?lang=xx", "en")).html).toContain('<html lang="en">');
  });
});
