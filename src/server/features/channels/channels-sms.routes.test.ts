// Africa's Talking SMS callbacks through real HTTP, and what the worker makes of them.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { outboundMessages } from "../messaging/outbox.table.ts";
import { reportAdditions, reports } from "../reports/reports.table.ts";
import {
  AT_SMS_PATH,
  atSms,
  errorFields,
  errorMessage,
  postForm,
  TWILIO_SMS_PATH,
  twilioSms,
} from "./gateway-requests.fixture.ts";
import { INBOUND_PAYLOAD_PURPOSE } from "./inbound.service.ts";
import { inboundMessages } from "./inbound.table.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

let nextPhone = 712_000_100;
/** A sender of its own per test, so that follow-up windows and rate limits do not cross tests. */
const newPhone = () => `+254${nextPhone++}`;

const send = (fields: Record<string, string>) => postForm(server.url, AT_SMS_PATH, fields);
const sentTo = (phone: string) => server.sms.sent.filter((m) => m.to === phone).map((m) => m.body);

async function inboundByExternalId(externalId: string) {
  return server.deps.db.select().from(inboundMessages).where(eq(inboundMessages.externalId, externalId));
}
async function reportOf(externalId: string) {
  const [inbound] = await inboundByExternalId(externalId);
  if (!inbound?.reportId) return undefined;
  const [report] = await server.deps.db.select().from(reports).where(eq(reports.id, inbound.reportId));
  return report;
}

describe("Africa's Talking SMS intake", () => {
  it("a Kiswahili report is stored sealed, answered 200 at once, and becomes a report with a Kiswahili receipt", async () => {
    const from = newPhone();
    const sms = atSms({ from, text: "Vijana wamevamia soko la Kayole usiku wa leo, watu wamejeruhiwa" });
    const res = await send(sms);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, duplicate: false });

    const [stored] = await inboundByExternalId(sms.id as string);
    expect(stored?.processedAt).toBeNull();
    expect(stored?.payloadSealed).not.toContain(from.slice(4));
    expect(stored?.payloadSealed).not.toContain("Kayole");
    const payload = JSON.parse(
      server.deps.vault.decrypt(INBOUND_PAYLOAD_PURPOSE, stored?.payloadSealed ?? ""),
    );
    expect(payload).toMatchObject({ from, phone: from, text: sms.text, to: "40123" });

    await server.worker.drain();
    const report = await reportOf(sms.id as string);
    // A PIN too, in the receipt, so that the reporter can follow up from another phone.
    expect(report).toMatchObject({ channel: "sms", locale: "sw", text: sms.text });
    expect(report?.pinHash).toMatch(/^p1:/);
    expect(server.deps.vault.decrypt("reporter.phone", report?.contactSealed ?? "")).toBe(from);
    const [reply] = sentTo(from);
    expect(reply).toContain("ripoti imepokelewa");
    expect(reply).toMatch(new RegExp(`Nambari ${report?.reference} PIN \\d{6}\\.`));
    const [processed] = await inboundByExternalId(sms.id as string);
    expect(processed).toMatchObject({ outcome: "report", attempts: 1, lastError: null });
  });

  it("an English report gets an English receipt, and a Sheng one a Kiswahili receipt", async () => {
    const english = newPhone();
    const sheng = newPhone();
    await send(atSms({ from: english, text: "There is a gang robbing people near the market at night" }));
    await send(atSms({ from: sheng, text: "Maze mbogi ya karao wamecatch wasee mtaani bila sababu" }));
    await server.worker.drain();
    expect(sentTo(english)[0]).toMatch(/^Baraza: report received\. Code BRZ-/);
    expect(sentTo(sheng)[0]).toMatch(/^Baraza: ripoti imepokelewa\. Nambari BRZ-/);
  });

  it("a callback the gateway repeats is acknowledged each time but makes one report and one reply", async () => {
    const from = newPhone();
    const sms = atSms({ from, text: "Wizi wa mifugo Olenguruone jana usiku" });
    const answers = await Promise.all([send(sms), send(sms), send(sms)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.json.duplicate === false)).toHaveLength(1);
    await server.worker.drain();
    expect((await send(sms)).json).toEqual({ ok: true, duplicate: true });
    await server.worker.drain();
    expect(await inboundByExternalId(sms.id as string)).toHaveLength(1);
    const [{ count }] = (await server.deps.db
      .select({ count: sql<number>`count(*)::int` })
      .from(reports)
      .where(eq(reports.text, sms.text as string))) as [{ count: number }];
    expect(count).toBe(1);
    expect(sentTo(from)).toHaveLength(1);
  });

  it("a continuation within the follow-up window is added to the report; after the window it is a new report", async () => {
    const from = newPhone();
    const first = atSms({ from, text: "Fighting between two groups at Kaptembwo stage" });
    await send(first);
    await server.worker.drain();
    server.clock.advance(10 * 60_000);
    const more = atSms({ from, text: "Pia wamechoma kibanda kimoja" });
    await send(more);
    await server.worker.drain();
    const report = await reportOf(first.id as string);
    const [addition] = await inboundByExternalId(more.id as string);
    expect(addition).toMatchObject({ outcome: "addition", reportId: report?.id });
    const additions = await server.deps.db
      .select()
      .from(reportAdditions)
      .where(eq(reportAdditions.reportId, report?.id ?? ""));
    expect(additions.map((a) => a.text)).toEqual(["Pia wamechoma kibanda kimoja"]);
    expect(sentTo(from)[1]).toBe(
      `Baraza: tumeongeza kwenye ripoti ${report?.reference}. Kama ni tukio jipya, ituma tena ukianza na MPYA.`,
    );

    server.clock.advance(31 * 60_000);
    const later = atSms({ from, text: "Another fight today at the same stage" });
    await send(later);
    await server.worker.drain();
    const [afterWindow] = await inboundByExternalId(later.id as string);
    expect(afterWindow?.outcome).toBe("report");
    expect(afterWindow?.reportId).not.toBe(report?.id);
  });

  it("STATUS is answered in the language it was asked in, from the reporting phone, with a PIN, or not at all", async () => {
    const reporter = newPhone();
    const sms = atSms({ from: reporter, text: "Polisi wanadai hongo kwa boda boda Githurai" });
    await send(sms);
    await server.worker.drain();
    const reference = (await reportOf(sms.id as string))?.reference as string;
    const pin = /PIN (\d{6})/.exec(sentTo(reporter)[0] ?? "")?.[1] as string;
    server.clock.advance(40 * 60_000);
    await send(atSms({ from: reporter, text: `hali ${reference.replace("-", "").toLowerCase()}` }));
    const asker = newPhone();
    await send(atSms({ from: asker, text: `STATUS ${reference} ${pin}` }));
    await send(atSms({ from: asker, text: `STATUS ${reference}` }));
    await send(atSms({ from: asker, text: "STATUS BRZ-ZZZZZ" }));
    await send(atSms({ from: asker, text: "HALI" }));
    await server.worker.drain();
    expect(sentTo(reporter).at(-1)).toBe(`Ripoti ${reference}: imepokelewa, inasubiri kukaguliwa na mtu.`);
    // The outbox sends in its own order.
    expect(sentTo(asker).sort()).toEqual(
      [
        "Baraza: tuma HALI na nambari ya ripoti yako, kwa mfano HALI BRZ-7KX2Q. Kutoka simu nyingine ongeza PIN: HALI BRZ-7KX2Q 123456.",
        "Baraza: we could not match that code and PIN. Send STATUS and the code from the phone you reported with, or STATUS code PIN from any phone.",
        "Baraza: we could not match that code and PIN. Send STATUS and the code from the phone you reported with, or STATUS code PIN from any phone.",
        `Report ${reference}: received, waiting to be reviewed by a person.`,
      ].sort(),
    );
  });

  it("STOP is confirmed, then nothing more is sent to that number until START; reports still arrive", async () => {
    const from = newPhone();
    await send(atSms({ from, text: "STOP" }));
    await server.worker.drain();
    expect(sentTo(from)).toEqual([
      "Baraza: you will get no more SMS from us. Send START to get messages again.",
    ]);

    const silent = atSms({ from, text: "Kuna vurugu Mathare leo asubuhi" });
    await send(silent);
    await server.worker.drain();
    expect((await reportOf(silent.id as string))?.channel).toBe("sms");
    expect(sentTo(from)).toHaveLength(1);
    const suppressed = await server.deps.db
      .select({ status: outboundMessages.status })
      .from(outboundMessages)
      .where(eq(outboundMessages.purpose, "report.receipt"));
    expect(suppressed.map((s) => s.status)).toContain("suppressed");

    server.clock.advance(31 * 60_000);
    await send(atSms({ from, text: "anza" }));
    server.clock.advance(1000);
    await send(atSms({ from, text: "Wamevunja duka la Mama Njeri" }));
    await server.worker.drain();
    const afterStart = sentTo(from).slice(1).sort();
    expect(afterStart).toEqual([
      "Baraza: SMS zimewashwa tena. Tuma MSAADA kujua jinsi ya kuripoti.",
      expect.stringMatching(/^Baraza: ripoti imepokelewa/),
    ]);
  });

  it("HELP, an empty text and a text too long for a report each get their own reply", async () => {
    const from = newPhone();
    await send(atSms({ from, text: "msaada" }));
    await send(atSms({ from, text: "   " }));
    await send(atSms({ from, text: "Kayole ".repeat(400) }));
    await send(atSms({ from, text: "help" }));
    await server.worker.drain();
    expect(sentTo(from).sort()).toEqual([
      expect.stringMatching(/^Baraza: eleza kilichotokea, wapi na lini/),
      expect.stringMatching(/^Baraza: say what happened, where and when/),
      "Baraza: ujumbe wako haukuwa na maneno. Eleza kilichotokea, wapi na lini.",
      "Baraza: ujumbe wako ni mrefu mno. Tuma herufi zisizozidi 1600, au ugawanye katika jumbe fupi.",
    ]);
  });
});

describe("malformed Africa's Talking SMS callbacks", () => {
  it("a callback without sender or id is refused with a 400 naming each; other fields are optional", async () => {
    const res = await send({ text: "hello", linkId: "1" });
    expect(res.status).toBe(400);
    const paths = errorFields(res);
    expect(paths).toEqual(["from", "id"]);
    expect(errorMessage(res)).toContain("from: is required");
  });

  it("an odd date is kept as sent, and a sender that is a name still makes a report", async () => {
    const sms = atSms({ from: "Safaricom", text: "Ujumbe wa mtandao", date: "03/05/2017" });
    const res = await send(sms);
    expect(res.status).toBe(200);
    const [row] = await inboundByExternalId(sms.id as string);
    const payload = JSON.parse(server.deps.vault.decrypt(INBOUND_PAYLOAD_PURPOSE, row?.payloadSealed ?? ""));
    expect(payload).toMatchObject({ from: "Safaricom", phone: null, extra: { dateAsSent: "03/05/2017" } });
  });

  it("accepts AT's other date forms and unknown extra fields", async () => {
    for (const date of ["2017-05-03 06:04:45", "2018-03-19T08:34:18.445Z"]) {
      const res = await send({ ...atSms({ from: newPhone(), text: "test", date }), cost: "KES 0.8000" });
      expect(res.status).toBe(200);
    }
  });

  it("keeps a 10 KB text, emoji and Latin-1 bytes exactly, and answers each", async () => {
    // Three senders: from one number, the later texts would be follow-ups to the first report.
    const long = atSms({ from: newPhone(), text: "Mtaa wa Kibera, ".repeat(640) });
    const emoji = atSms({ from: newPhone(), text: "🔥🔥 Moto Gikomba sokoni 😭 watu wengi" });
    const from = newPhone();
    expect(long.text?.length).toBe(10_240);
    expect((await send(long)).status).toBe(200);
    expect((await send(emoji)).status).toBe(200);
    const latinId = "latin1-body-1";
    const latin = `from=${encodeURIComponent(from)}&to=40123&id=${latinId}&date=2026-11-23T08%3A00%3A00Z&text=Caf%E9+ya+Mama+Ng%F6+imevunjwa`;
    const res = await postForm(server.url, AT_SMS_PATH, Buffer.from(latin, "latin1"));
    expect(res.status).toBe(200);

    const textOf = async (id: string) => {
      const [row] = await inboundByExternalId(id);
      return JSON.parse(server.deps.vault.decrypt(INBOUND_PAYLOAD_PURPOSE, row?.payloadSealed ?? "")).text;
    };
    expect(await textOf(long.id as string)).toBe(long.text);
    expect(await textOf(emoji.id as string)).toBe(emoji.text);
    expect(await textOf(latinId)).toBe("Café ya Mama Ngö imevunjwa");

    await server.worker.drain();
    expect((await inboundByExternalId(long.id as string))[0]?.outcome).toBe("too_long");
    expect((await reportOf(emoji.id as string))?.text).toBe(emoji.text);
    expect((await reportOf(latinId))?.text).toBe("Café ya Mama Ngö imevunjwa");
  });

  it("a body that is not a form is refused with 415 and the content type to use", async () => {
    const res = await postForm(server.url, AT_SMS_PATH, "from=+254712345678", {
      "content-type": "text/plain",
    });
    expect(res.status).toBe(415);
    expect(errorMessage(res)).toContain("application/x-www-form-urlencoded");
  });

  it("a sender that is not a diallable number still makes a report, with no contact and no reply", async () => {
    const sms = atSms({ from: "+123456", text: "Ugomvi wa ardhi Molo" });
    await send(sms);
    await server.worker.drain();
    const report = await reportOf(sms.id as string);
    expect(report).toMatchObject({ contactSealed: null, reporterIndex: null });
    expect(sentTo("+123456")).toEqual([]);
  });
});

describe("Twilio without configuration", () => {
  it("answers 503 with what to set while TWILIO_AUTH_TOKEN is missing", async () => {
    const res = await postForm(server.url, TWILIO_SMS_PATH, twilioSms({ from: "+254711000000", body: "x" }));
    expect(res.status).toBe(503);
    expect(errorMessage(res)).toContain("TWILIO_AUTH_TOKEN");
  });
});
