// What residents are told about a report, and who may ask: through the web /follow-up, SMS STATUS
// and USSD "check a report", on real HTTP. A report says "received" until a person decides on it
// (the automatic triage changes nothing); a status is told to the phone that made the report, or
// to anyone with the receipt PIN, and to nobody else; failed checks lock without ever telling a
// guesser whether a code exists. The code reads BRZ-XXXXX on every channel.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ResidentStatus, statusMessage, t } from "../../../common/messages.ts";
import type { ApiClient, TestServer } from "../../test/harness.ts";
import { KAPTEMBWO, startWithOfficerAndOcs } from "../cases/cases-test.fixture.ts";
import { MAX_PIN_FAILURES } from "../reports/receipt.service.ts";
import { reports } from "../reports/reports.table.ts";
import { AT_SMS_PATH, AT_USSD_PATH, atSms, atUssd, postForm } from "./gateway-requests.fixture.ts";

let server: TestServer;
let officer: ApiClient;
beforeAll(async () => {
  ({ server, officer } = await startWithOfficerAndOcs());
});
afterAll(() => server?.close());

let nextPhone = 722_700_100;
const newPhone = () => `+254${nextPhone++}`;
const sentTo = (phone: string) => server.sms.sent.filter((m) => m.to === phone).map((m) => m.body);
const CODE = /BRZ-[0-9A-Z]{5}/;

interface Receipt {
  reference: string;
  pin: string;
}

/** The web form, followed as a browser would (a redirect to the receipt included). */
async function webReport(text: string): Promise<Receipt & { page: string }> {
  const res = await postForm(server.url, "/report", { step: "send", lang: "en", county: "c:032", text });
  const reference = /id="reference">([^<]+)</.exec(res.text)?.[1] as string;
  const pin = /id="pin">(\d{6})</.exec(res.text)?.[1] as string;
  expect(reference, `web receipt (HTTP ${res.status})`).toBeTruthy();
  return { reference, pin, page: res.text };
}

/** One SMS, handled by the worker (which also runs triage); returns the reply it got. */
async function sms(from: string, text: string): Promise<string> {
  expect((await postForm(server.url, AT_SMS_PATH, atSms({ from, text }))).status).toBe(200);
  await server.worker.drain();
  return sentTo(from).at(-1) ?? "";
}

async function ussd(phone: string, inputs: string[]): Promise<string> {
  const sessionId = `ATUid_${randomUUID()}`;
  let last = "";
  for (let hop = 0; hop <= inputs.length; hop++)
    last = (
      await postForm(server.url, AT_USSD_PATH, atUssd(sessionId, phone, inputs.slice(0, hop).join("*")))
    ).text;
  return last;
}

const receiptIn = (text: string): Receipt => ({
  reference: CODE.exec(text)?.[0] as string,
  pin: /PIN (\d{6})/.exec(text)?.[1] as string,
});

const followUpLine = async ({ reference, pin }: Receipt) => {
  const page = await postForm(server.url, "/follow-up", { reference, pin, lang: "en" });
  return /<p id="status"><strong>([^<]*)<\/strong><\/p>/.exec(page.text)?.[1];
};

/** What each channel tells a resident holding the receipt, asking from a phone of their own. */
async function seenEverywhere(receipt: Receipt) {
  return {
    web: await followUpLine(receipt),
    sms: await sms(newPhone(), `STATUS ${receipt.reference} ${receipt.pin}`),
    ussd: (await ussd(newPhone(), ["1", "2", receipt.reference, receipt.pin])).replace(/^END /, ""),
  };
}

async function expectEverywhere(receipt: Receipt, status: ResidentStatus) {
  const line = statusMessage("en", receipt.reference, status);
  expect(await seenEverywhere(receipt)).toEqual({ web: line, sms: line, ussd: line });
}

const reportId = async (reference: string) =>
  (await server.deps.db.select({ id: reports.id }).from(reports).where(eq(reports.reference, reference)))[0]
    ?.id as string;

describe("what a resident is told", () => {
  it("is 'received' on every channel after web, SMS and USSD reports, also once triage ran, until a person decides", async () => {
    const web = await webReport("A gang is attacking shops with pangas at Kaptembwo market");
    const byUssd = receiptIn(
      await ussd(newPhone(), ["1", "1", "2", "nakuru", "kaptembwo", "1", "1", "1", "0"]),
    );
    // Straight after sending, before any background work.
    await expectEverywhere(web, "received");
    await expectEverywhere(byUssd, "received");
    const bySms = receiptIn(await sms(newPhone(), "Gang attacking shops with pangas at Kaptembwo market"));
    await server.worker.drain();
    const [triaged] = await server.deps.db.select().from(reports).where(eq(reports.reference, web.reference));
    expect(triaged?.status).toBe("triaged");
    for (const receipt of [web, bySms, byUssd]) await expectEverywhere(receipt, "received");

    const id = await reportId(web.reference);
    const corrected = await officer.post(`/api/reports/${id}/correct`, {
      placeId: KAPTEMBWO,
      category: "gang_crime",
    });
    expect(corrected.status).toBe(200);
    await expectEverywhere(web, "in_review");
    expect((await officer.post(`/api/reports/${id}/verify`, {})).status).toBe(200);
    await expectEverywhere(web, "case_open");
    expect(statusMessage("en", web.reference, "case_open")).toContain("passed to the responders");

    const smsId = await reportId(bySms.reference);
    await officer.post(`/api/reports/${smsId}/correct`, { placeId: KAPTEMBWO });
    const rejected = await officer.post(`/api/reports/${smsId}/reject`, { reason: "Could not confirm it" });
    expect(rejected.status).toBe(200);
    await expectEverywhere(bySms, "not_taken_forward");
  });
});

describe("who may ask about a report", () => {
  it("answers the reporting phone without a PIN, a stranger only with the PIN, and a stranger without it as for an unknown code", async () => {
    const reporter = newPhone();
    const receipt = receiptIn(await sms(reporter, "Wezi wamevunja duka Kaptembwo usiku"));
    const line = statusMessage("sw", receipt.reference, "received");
    expect(await sms(reporter, `HALI ${receipt.reference}`)).toBe(line);
    const stranger = newPhone();
    expect(await sms(stranger, `HALI ${receipt.reference}`)).toBe(t("sw", "statusNoMatch"));
    expect(await sms(newPhone(), "HALI BRZ-ZZZZZ")).toBe(t("sw", "statusNoMatch"));
    expect(await sms(stranger, `HALI ${receipt.reference} ${receipt.pin}`)).toBe(line);
  });

  it("locks 13 rapid STATUS queries from a stranger, saying the same for a real code as for an unknown one", async () => {
    const reporter = newPhone();
    const real = receiptIn(await sms(reporter, "Fighting at Kaptembwo stage, two people hurt")).reference;
    const replies = async (reference: string) => {
      const stranger = newPhone();
      const seen: string[] = [];
      for (let i = 0; i < 13; i++) seen.push(await sms(stranger, `STATUS ${reference}`));
      return seen;
    };
    const forReal = await replies(real);
    const forUnknown = await replies("BRZ-ZZZZ9");
    expect(forReal).toEqual(forUnknown);
    expect(forReal.slice(0, MAX_PIN_FAILURES - 1)).toEqual(
      Array(MAX_PIN_FAILURES - 1).fill(t("en", "statusNoMatch")),
    );
    expect(forReal.slice(MAX_PIN_FAILURES - 1)).toEqual(
      Array(14 - MAX_PIN_FAILURES).fill(t("en", "statusLocked")),
    );
    for (const reply of forReal) expect(reply).not.toContain(real);
    // The reporting phone is still answered.
    expect(await sms(reporter, `STATUS ${real}`)).toBe(statusMessage("en", real, "received"));
  });

  it("counts a locked code against the sender the same way whether the code exists or not", async () => {
    const real = receiptIn(await sms(newPhone(), "Fighting at Kaptembwo stage, two people hurt")).reference;
    const afterLock = async (code: string, next: string) => {
      // Locked by five strangers, one try each; then one more stranger keeps trying it.
      for (let i = 0; i < MAX_PIN_FAILURES; i++) await sms(newPhone(), `STATUS ${code}`);
      const sender = newPhone();
      const seen: string[] = [];
      for (let i = 0; i < MAX_PIN_FAILURES - 1; i++) seen.push(await sms(sender, `STATUS ${code}`));
      seen.push(await sms(sender, `STATUS ${next}`));
      return seen;
    };
    const forReal = await afterLock(real, "BRZ-ZZZZ7");
    expect(forReal).toEqual(await afterLock("BRZ-ZZZZ8", "BRZ-ZZZZ6"));
    expect(forReal.at(-1)).toBe(t("en", "statusLocked"));
  });

  it("locks a sender who tries many codes, even when it then sends a right code and PIN", async () => {
    const receipt = receiptIn(await sms(newPhone(), "Fighting at Kaptembwo stage, two people hurt"));
    const guesser = newPhone();
    for (const code of ["BRZ-ZZZZ1", "BRZ-ZZZZ2", "BRZ-ZZZZ3", "BRZ-ZZZZ4", "BRZ-ZZZZ5"])
      await sms(guesser, `STATUS ${code} 123456`);
    expect(await sms(guesser, `STATUS ${receipt.reference} ${receipt.pin}`)).toBe(t("en", "statusLocked"));
    server.clock.advance(61 * 60_000);
    expect(await sms(guesser, `STATUS ${receipt.reference} ${receipt.pin}`)).toBe(
      statusMessage("en", receipt.reference, "received"),
    );
  });
});

describe("the report code", () => {
  it("reads BRZ-XXXXX on the web receipt, in the SMS receipt and on the last USSD screen, and is accepted however typed", async () => {
    const web = await webReport("Barabara imeharibiwa na mvua Kaptembwo");
    const smsReply = await sms(newPhone(), "Barabara imeharibiwa na mvua Kaptembwo");
    const ussdScreen = await ussd(newPhone(), ["1", "1", "2", "nakuru", "kaptembwo", "1", "1", "1", "0"]);
    for (const shown of [web.page, smsReply, ussdScreen]) {
      expect(shown).toMatch(/BRZ-[0-9A-Z]{5}\b/);
      expect(shown).not.toMatch(/BRZ(?!-[0-9A-Z]{5}\b)/);
    }
    const typed = web.reference.replace("-", "").toLowerCase().replaceAll("0", "o").replaceAll("1", "l");
    expect(await followUpLine({ reference: typed, pin: web.pin })).toBe(
      statusMessage("en", web.reference, "received"),
    );
    const byUssd = receiptIn(ussdScreen);
    expect(
      await sms(newPhone(), `status ${byUssd.reference.replace("-", " ").toLowerCase()} ${byUssd.pin}`),
    ).toBe(statusMessage("en", byUssd.reference, "received"));
  });
});
