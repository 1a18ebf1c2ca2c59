// The public no-JavaScript pages through real HTTP and a real database: /report and /follow-up.
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { seedTwoCounties } from "../../test/fixtures.ts";
import { ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { MAX_PIN_FAILURES } from "../reports/receipt.service.ts";
import { reportAdditions, reports } from "../reports/reports.table.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedTwoCounties(server.deps);
});
afterAll(() => server?.close());
// Each test starts in a fresh rate-limit window.
beforeEach(() => server.clock.advance(61 * 60_000));

interface Page {
  status: number;
  html: string;
  headers: Headers;
}

async function get(path: string, language = "en"): Promise<Page> {
  const res = await fetch(`${server.url}${path}`, { headers: { "accept-language": language } });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

async function post(path: string, fields: Record<string, string>, language = "en"): Promise<Page> {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": language },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

const sendReport = (fields: Record<string, string>, language = "en") =>
  post("/report", { step: "send", lang: "en", ...fields }, language);

function receiptOf(page: Page): { reference: string; pin: string } {
  const reference = /id="reference">([^<]+)</.exec(page.html)?.[1];
  const pin = /id="pin">(\d{6})</.exec(page.html)?.[1];
  if (page.status !== 200 || !reference || !pin) throw new Error(`No receipt (HTTP ${page.status})`);
  return { reference, pin };
}

async function reportRow(reference: string) {
  const [row] = await server.deps.db.select().from(reports).where(eq(reports.reference, reference));
  if (!row) throw new Error(`No report ${reference}`);
  return row;
}

const bytes = (page: Page) => Buffer.byteLength(page.html, "utf8");

describe("the public pages", () => {
  it("are under 30 KB in both languages, with no script, even with Nairobi's place list", async () => {
    for (const lang of ["en", "sw"]) {
      const receipt = await sendReport({ text: "Maji yamefurika mtaroni", lang });
      const { reference, pin } = receiptOf(receipt);
      const pages = [
        await get(`/report?lang=${lang}`),
        await get(`/report?lang=${lang}&county=c:047`),
        await post("/report", { step: "send", lang, county: "c:047", text: "" }),
        receipt,
        await get(`/follow-up?lang=${lang}`),
        await post("/follow-up", { reference, pin, lang }),
        await post("/follow-up", { reference: "BRZ-00000", pin: "000000", lang }),
      ];
      for (const page of pages) {
        expect(page.html).toMatch(new RegExp(`^<!doctype html><html lang="${lang}">`));
        expect(bytes(page)).toBeLessThan(30 * 1024);
        expect(page.html.toLowerCase()).not.toContain("<script");
        expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      }
    }
  });

  it("speak Kiswahili by default and to Kiswahili browsers, English when the browser prefers it", async () => {
    const noPreference = await get("/report", "");
    expect(noPreference.html).toContain('<html lang="sw">');
    expect(noPreference.html).toContain("Ripoti jambo kwa usalama");
    expect(noPreference.html).toContain("Huhitaji kutaja jina lako.");
    expect(noPreference.html).not.toContain("Report something safely");
    expect(noPreference.html).not.toContain("What happened?");
    expect((await get("/report", "fr-FR, sw;q=0.5, en;q=0.3")).html).toContain('<html lang="sw">');
    const english = await get("/report", "en-GB,en;q=0.9");
    expect(english.html).toContain("You do not need to give your name.");
    expect((await get("/report?lang=sw", "en-GB")).html).toContain('<html lang="sw">');
    const followUp = await get("/follow-up", "sw-KE");
    expect(followUp.html).toContain("Fuatilia ripoti yako");
    expect(followUp.html).not.toContain("Check your report");
  });

  it("ask, next to What happened?, not to write names, phone numbers or e-mails in the text", async () => {
    const english = (await get("/report?lang=en")).html;
    expect(english).toMatch(
      /What happened\?<\/label><p class="hint">[^<]*<\/p><p class="hint" id="text-privacy">/,
    );
    expect(english).toContain("Please do not write names, phone numbers or e-mail addresses here.");
    const kiswahili = (await get("/report?lang=sw")).html;
    expect(kiswahili).toContain(
      "Tafadhali usiandike majina, nambari za simu wala anwani za barua pepe hapa.",
    );
  });

  it("answer a request the form could not have sent with a page in the resident's language, not JSON", async () => {
    const res = await fetch(`${server.url}/report`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "sw" },
      body: JSON.stringify({ text: 5 }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toContain("Hatukuweza kusoma kilichotumwa.");
  });

  it("switch language without losing what was typed and without sending anything", async () => {
    const before = await server.deps.db.$count(reports);
    const page = await post("/report", {
      lang: "en",
      switchLang: "sw",
      text: "Kuna vijana <b>wanaosajili</b>",
      place: "Kaptembwo",
      county: "c:032",
    });
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="sw">');
    expect(page.html).toContain("Kuna vijana &lt;b&gt;wanaosajili&lt;/b&gt;</textarea>");
    expect(page.html).toContain('value="Kaptembwo"');
    expect(page.html).toContain('<option value="c:032" selected>');
    expect(await server.deps.db.$count(reports)).toBe(before);
  });
});

describe("sending a report", () => {
  it("creates exactly one report and resolves 'kaptembo' in Nakuru to Kaptembwo", async () => {
    const before = await server.deps.db.$count(reports);
    const page = await sendReport({
      text: "Wezi walivunja maduka usiku",
      category: "gang_crime",
      county: "c:032",
      place: "kaptembo",
      when: "yesterday",
    });
    const { reference } = receiptOf(page);
    expect(await server.deps.db.$count(reports)).toBe(before + 1);
    const row = await reportRow(reference);
    expect(row).toMatchObject({
      channel: "web",
      locale: "en",
      category: "gang_crime",
      placeId: "l:kaptembwo",
      placeText: "kaptembo",
      occurredAtPrecision: "yesterday",
      contactSealed: null,
      consentToContact: false,
    });
    expect(row.placePath).toBe("c:032/s:175/w:0872/l:kaptembwo");
  });

  it("keeps 'Majengo' as typed without a county, and resolves it within Mombasa", async () => {
    const anywhere = await reportRow(
      receiptOf(await sendReport({ text: "Moto", place: "Majengo" })).reference,
    );
    expect([anywhere.placeId, anywhere.placeText]).toEqual([null, "Majengo"]);
    const inMombasa = await reportRow(
      receiptOf(await sendReport({ text: "Moto", place: "Majengo", county: "c:001" })).reference,
    );
    expect(inMombasa.placeId).toBe("l:majengo-mombasa");
    const unknownPlace = await reportRow(
      receiptOf(await sendReport({ text: "Moto", place: "behind the church", county: "c:001" })).reference,
    );
    expect([unknownPlace.placeId, unknownPlace.placeText]).toEqual(["c:001", "behind the church"]);
  });

  it("offers the county's places as a second step, keeping what was typed, and stores the chosen one", async () => {
    const listed = await get("/report?county=c:032");
    expect(listed.html).toContain('<option value="l:kaptembwo">Kaptembwo</option>');
    expect(listed.html).not.toContain("l:korogocho");
    const step = await post("/report", { step: "places", text: "Barabara mbovu", county: "c:032" });
    expect(step.status).toBe(200);
    expect(step.html).toContain("Barabara mbovu</textarea>");
    expect(step.html).toContain('value="l:soko-mjinga"');
    const chosen = await sendReport({ text: "Barabara mbovu", county: "c:032", locality: "l:soko-mjinga" });
    expect((await reportRow(receiptOf(chosen).reference)).placeId).toBe("l:soko-mjinga");
    const elsewhere = await sendReport({ text: "Barabara mbovu", county: "c:032", locality: "l:korogocho" });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.html).toContain("Choose a place in the county you chose, or Not in the list.");
  });

  it("offers and resolves a locality an administrator added", async () => {
    const admin = new ApiClient(server.url);
    await admin.login("admin.nakuru@test.ke", "correct horse battery");
    const added = await admin.post("/api/places", {
      name: "Kiptoo Corner",
      parentId: "s:175",
      localityKind: "landmark",
      aliases: ["kiptoo"],
    });
    expect(added.status).toBe(201);
    expect((await get("/report?county=c:032")).html).toContain(">Kiptoo Corner</option>");
    const inCounty = await sendReport({ text: "Ajali", county: "c:032", place: "kiptoo corner" });
    expect((await reportRow(receiptOf(inCounty).reference)).placeId).toBe(added.body.place.id);
    const anywhere = await sendReport({ text: "Ajali", place: "Kiptoo" });
    expect((await reportRow(receiptOf(anywhere).reference)).placeId).toBe(added.body.place.id);
  });

  it("shows each problem next to its field, keeps the input, and creates nothing", async () => {
    const before = await server.deps.db.$count(reports);
    const page = await sendReport({
      text: "   ",
      category: "arson",
      place: "Soko <Mjinga>",
      phone: "12345",
      name: "Achieng",
      date: "31/02/2026",
    });
    expect(page.status).toBe(400);
    expect(page.html).toContain("Please correct what is marked below. Nothing was sent yet.");
    expect(page.html).toContain('<p class="error" id="text-error">Write what happened.</p>');
    expect(page.html).toContain('id="category-error">Choose one of the kinds in the list.');
    expect(page.html).toContain('id="phone-error">Write a Kenyan mobile number');
    expect(page.html).toContain('id="date-error">Write the date as day/month/year');
    expect(page.html).toContain('id="consent-error">Tick this box if we may contact you');
    expect(page.html).toContain('value="Soko &lt;Mjinga&gt;"');
    expect(page.html).toContain('value="12345"');
    expect(page.html).toContain('value="Achieng"');
    expect(await server.deps.db.$count(reports)).toBe(before);
  });

  it("accepts 5,000 characters of any script with emoji, and refuses 5,001 stating the limit", async () => {
    const text = "Moto 🔥 ሰላም مرحبا 你好 ".repeat(250).slice(0, 5000);
    expect(text.length).toBe(5000);
    const accepted = await reportRow(receiptOf(await sendReport({ text })).reference);
    expect(accepted.text).toBe(text.trim());
    const tooLong = await sendReport({ text: `${"x".repeat(5001)}` });
    expect(tooLong.status).toBe(400);
    expect(tooLong.html).toContain("This is 5,001 characters long. The limit is 5,000: please shorten it.");
    const swahili = await sendReport({ text: "x".repeat(5001), lang: "sw" });
    expect(swahili.html).toContain("Hii ina herufi 5,001. Kikomo ni herufi 5,000");
  });

  it("stores contact only sealed, and never shows it on the receipt or any later page", async () => {
    const phoneTyped = "0722 000 111";
    const page = await sendReport({
      text: "Nipigieni",
      phone: phoneTyped,
      name: "Wanjiru Kamau",
      consent: "yes",
    });
    const { reference, pin } = receiptOf(page);
    const row = await reportRow(reference);
    expect(row.consentToContact).toBe(true);
    expect(row.contactSealed).not.toContain("722000111");
    expect(server.deps.vault.decrypt("reporter.phone", row.contactSealed ?? "")).toBe("+254722000111");
    expect(server.deps.vault.decrypt("reporter.name", row.contactNameSealed ?? "")).toBe("Wanjiru Kamau");
    expect(page.html).toContain("We may contact you on the number you gave.");
    const later = [
      page,
      await post("/follow-up", { reference, pin }),
      await post("/follow-up/add", { reference, pin, text: "Bado" }),
      await post("/follow-up", { reference, pin, view: "receipt", switchLang: "sw" }),
    ];
    for (const shown of later) {
      expect(shown.status).toBe(200);
      for (const secret of ["722", "0722", "Wanjiru", "Kamau"]) expect(shown.html).not.toContain(secret);
    }
  });

  it("answers 429 after 20 reports from one connection in an hour, keeping the words, and not after", async () => {
    for (let i = 0; i < 20; i++) expect((await sendReport({ text: `Ripoti ${i}` })).status).toBe(200);
    const before = await server.deps.db.$count(reports);
    const refused = await sendReport({ text: "Ripoti ya ishirini na moja" });
    expect(refused.status).toBe(429);
    expect(refused.html).toContain("Please try again in an hour");
    expect(refused.html).toContain("call 999 or 112");
    expect(refused.html).toContain("Ripoti ya ishirini na moja</textarea>");
    expect(await server.deps.db.$count(reports)).toBe(before);
    // Only a keyed hash of the address is kept, never the address.
    const keys = await queryRows<{ key: string }>(server.deps.db, sql`select key from rate_limits`);
    expect(keys.some((k) => k.key.startsWith("report.web:"))).toBe(true);
    expect(JSON.stringify(keys)).not.toContain("127.0.0.1");
    server.clock.advance(61 * 60_000);
    expect((await sendReport({ text: "Ripoti ya ishirini na moja" })).status).toBe(200);
  });
});

describe("following up with the receipt", () => {
  it("shows the status and what was written for the right reference and PIN, never cached", async () => {
    const { reference, pin } = receiptOf(await sendReport({ text: "Polisi waliomba hongo", lang: "sw" }));
    const typedLoosely = reference.toLowerCase().replace("-", " ");
    const page = await post("/follow-up", { reference: typedLoosely, pin, lang: "sw" });
    expect(page.status).toBe(200);
    expect(page.html).toContain(`Ripoti ${reference}: imepokelewa, inasubiri kukaguliwa na mtu.`);
    expect(page.html).toContain("Polisi waliomba hongo");
    for (const shown of [page, await get("/follow-up")]) {
      expect(shown.headers.get("cache-control")).toBe("no-store");
      expect(shown.headers.get("referrer-policy")).toBe("no-referrer");
    }
    const english = await post("/follow-up", { reference, pin, view: "status", switchLang: "en" });
    expect(english.html).toContain(`Report ${reference}: received, waiting to be reviewed by a person.`);
  });

  it("gives the same answer for an unknown reference and a wrong PIN, and locks after 5 wrong PINs", async () => {
    const { reference, pin } = receiptOf(await sendReport({ text: "Ghasia sokoni" }));
    const wrongPin = pin === "000000" ? "111111" : "000000";
    const unknown = await post("/follow-up", { reference: "BRZ-ZZZZZ", pin: wrongPin });
    const wrong = await post("/follow-up", { reference, pin: wrongPin });
    expect([unknown.status, wrong.status]).toEqual([400, 400]);
    const message = "We found no report with this number and PIN.";
    expect(unknown.html).toContain(message);
    expect(wrong.html).toContain(message);
    expect(wrong.html.replace(reference, "BRZ-ZZZZZ")).toBe(unknown.html);
    for (let attempt = 2; attempt < MAX_PIN_FAILURES; attempt++)
      expect((await post("/follow-up", { reference, pin: wrongPin })).status).toBe(400);
    const locked = await post("/follow-up", { reference, pin: wrongPin });
    expect(locked.status).toBe(429);
    expect(locked.html).toContain("Checking this report is paused for one hour.");
    expect((await post("/follow-up", { reference, pin })).status).toBe(429);
    server.clock.advance(61 * 60_000);
    expect((await post("/follow-up", { reference, pin })).status).toBe(200);
  });

  it("locks an unknown reference after 5 tries exactly as a known one, so the lock reveals nothing", async () => {
    const guess = "BRZ-QQQQQ";
    for (let attempt = 1; attempt < MAX_PIN_FAILURES; attempt++)
      expect((await post("/follow-up", { reference: guess, pin: "123456" })).status).toBe(400);
    const locked = await post("/follow-up", { reference: guess, pin: "123456" });
    expect(locked.status).toBe(429);
    expect(locked.html).toContain("Checking this report is paused for one hour.");
    const keys = await queryRows<{ key: string }>(server.deps.db, sql`select key from rate_limits`);
    expect(JSON.stringify(keys)).not.toContain("QQQQQ");
    server.clock.advance(61 * 60_000);
    expect((await post("/follow-up", { reference: guess, pin: "123456" })).status).toBe(400);
  });

  it("asks for a missing reference or PIN", async () => {
    const page = await post("/follow-up", { reference: "", pin: "", lang: "sw" });
    expect(page.status).toBe(400);
    expect(page.html).toContain("Andika nambari ya ripoti.");
    expect(page.html).toContain("Andika PIN ya tarakimu 6.");
  });

  it("adds information once the PIN is checked again, and lists it", async () => {
    const { reference, pin } = receiptOf(await sendReport({ text: "Mzozo wa ardhi" }));
    const row = await reportRow(reference);
    const added = await post("/follow-up/add", { reference, pin, text: "Walirudi leo asubuhi 🙏" });
    expect(added.status).toBe(200);
    expect(added.html).toContain("Thank you. We added this to your report.");
    expect(added.html).toContain("Walirudi leo asubuhi 🙏");
    expect((await post("/follow-up", { reference, pin })).html).toContain("Walirudi leo asubuhi 🙏");

    const empty = await post("/follow-up/add", { reference, pin, text: "  " });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain("Write what you want to add.");
    const wrongPin = await post("/follow-up/add", {
      reference,
      pin: pin === "000000" ? "111111" : "000000",
      text: "Should not be stored",
    });
    expect(wrongPin.status).toBe(400);
    const stored = await server.deps.db
      .select()
      .from(reportAdditions)
      .where(eq(reportAdditions.reportId, row.id))
      .orderBy(desc(reportAdditions.receivedAt));
    expect(stored.map((a) => [a.channel, a.text])).toEqual([["web", "Walirudi leo asubuhi 🙏"]]);
  });
});
