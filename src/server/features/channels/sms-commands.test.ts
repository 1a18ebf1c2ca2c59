import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  detectLocale,
  isFollowUpOf,
  isWithinFollowUpWindow,
  MAX_SMS_REPORT_CHARS,
  parseInboundSms,
  type SmsIntent,
} from "./sms-commands.ts";

describe("parseInboundSms", () => {
  it("takes free text as a report, trimmed", () => {
    expect(parseInboundSms("  Vijana wanapigana Kayole stage sasa hivi \n")).toEqual({
      kind: "report",
      text: "Vijana wanapigana Kayole stage sasa hivi",
    });
  });

  it.each(["", "   ", "\n\t", "...", "?!", "\u{1F600}\u{1F622}", "\u200b"])(
    "answers %j as an empty message",
    (text) => {
      expect(parseInboundSms(text)).toEqual({ kind: "empty" });
    },
  );

  it("answers a 10 KB text as too long, with its length, instead of cutting it", () => {
    expect(parseInboundSms("a".repeat(10_000))).toEqual({ kind: "too_long", length: 10_000 });
  });

  it("accepts a report of exactly the limit and counts emoji as one character each", () => {
    expect(parseInboundSms("a".repeat(MAX_SMS_REPORT_CHARS)).kind).toBe("report");
    const emojiText = `Wezi Kayole ${"\u{1F622}".repeat(MAX_SMS_REPORT_CHARS - 12)}`;
    expect(parseInboundSms(emojiText).kind).toBe("report");
    expect(parseInboundSms(`${emojiText}\u{1F622}`)).toEqual({
      kind: "too_long",
      length: MAX_SMS_REPORT_CHARS + 1,
    });
  });

  it.each<[string, SmsIntent]>([
    ["STOP", { kind: "stop" }],
    ["stop", { kind: "stop" }],
    [" Stop! ", { kind: "stop" }],
    ["STOP ALL", { kind: "stop" }],
    ["unsubscribe", { kind: "stop" }],
    ["Acha", { kind: "stop" }],
    ["ACHA SMS", { kind: "stop" }],
    ["sitisha.", { kind: "stop" }],
    ["wacha", { kind: "stop" }],
    ["START", { kind: "start" }],
    ["anza", { kind: "start" }],
    ["Anza tena", { kind: "start" }],
    ["HELP", { kind: "help" }],
    ["help?", { kind: "help" }],
    ["MSAADA", { kind: "help" }],
    ["saidia", { kind: "help" }],
    ["Nisaidie!!", { kind: "help" }],
  ])("reads the keyword %j", (text, intent) => {
    expect(parseInboundSms(text)).toEqual(intent);
  });

  it.each([
    "Acha niwaambie, kuna vijana wanaiba simu Majengo",
    "Stop the police from beating people at Kayole",
    "Help, there is a fight at Wakulima market",
    "Msaada! Nyumba inachomeka Mathare",
  ])("treats %j as a report, because a keyword that starts a sentence is not a command", (text) => {
    expect(parseInboundSms(text)).toEqual({ kind: "report", text });
  });

  it.each([
    ["STATUS BRZ-7KX2Q", "BRZ-7KX2Q"],
    ["status brz7kx2", "BRZ-7KX2"],
    ["Status: brz 7kx2q", "BRZ-7KX2Q"],
    ["HALI BRZ-7KX2", "BRZ-7KX2"],
    ["hali 7kx2", "BRZ-7KX2"],
    ["stato brz-7kxO", "BRZ-7KX0"],
    ["BRZ-7KX2", "BRZ-7KX2"],
    ["  brz 7kx2 ", "BRZ-7KX2"],
  ])("reads %j as a status request for %s", (text, reference) => {
    expect(parseInboundSms(text)).toEqual({ kind: "status", reference, pin: null });
  });

  it.each([
    ["STATUS BRZ-7KX2Q 123456", "BRZ-7KX2Q"],
    ["hali brz7kx2q 654321", "BRZ-7KX2Q"],
    ["BRZ 7KX2Q, 000001", "BRZ-7KX2Q"],
  ])("reads %j as a status request with its PIN", (text, reference) => {
    expect(parseInboundSms(text)).toMatchObject({
      kind: "status",
      reference,
      pin: expect.stringMatching(/^\d{6}$/),
    });
  });

  it.each<[string, SmsIntent]>([
    [
      "ADD BRZ-7KX2Q the men ran away",
      { kind: "add", reference: "BRZ-7KX2Q", pin: null, text: "the men ran away" },
    ],
    [
      "add brz7kx2q they came back",
      { kind: "add", reference: "BRZ-7KX2Q", pin: null, text: "they came back" },
    ],
    ["Ongeza BRZ 7KXOQ wamekimbia", { kind: "add", reference: "BRZ-7KX0Q", pin: null, text: "wamekimbia" }],
    [
      "ONGEZA brz-7kx2q 123456 wamerudi",
      { kind: "add", reference: "BRZ-7KX2Q", pin: "123456", text: "wamerudi" },
    ],
    ["ADD BRZ-7KX2Q", { kind: "add", reference: "BRZ-7KX2Q", pin: null, text: "" }],
    ["ADD", { kind: "add", reference: null, pin: null, text: "" }],
    ["add brz-7k more", { kind: "add", reference: null, pin: null, text: "" }],
  ])("reads %j as an addition request", (text, intent) => {
    expect(parseInboundSms(text)).toEqual(intent);
  });

  it.each(["Ongeza ulinzi Kayole, wezi wamezidi", "Add security at Kibra, thieves everywhere"])(
    "reads %j, a sentence that starts with the keyword, as a report",
    (text) => {
      expect(parseInboundSms(text)).toEqual({ kind: "report", text });
    },
  );

  it.each(["NEW gunshots in Kawangware", "mpya: vijana wanapigana Kibra"])(
    "reads %j as a new report, kept whole",
    (text) => {
      expect(parseInboundSms(text)).toEqual({ kind: "new_report", text });
    },
  );

  it.each(["STATUS", "hali", "status brz-7k", "HALI 12U4"])(
    "reads %j as a status request whose reference is missing or unreadable",
    (text) => {
      expect(parseInboundSms(text)).toEqual({ kind: "status", reference: null, pin: null });
    },
  );

  it.each([
    "Hali ni mbaya sana Korogocho, watu wamepigwa",
    "Status of the drainage at Soko Mjinga is bad",
    "HELP",
  ])("does not read %j as a status request", (text) => {
    expect(parseInboundSms(text).kind).not.toBe("status");
  });

  it("never throws and always returns a known kind, whatever arrives", () => {
    const kinds = ["report", "new_report", "status", "add", "stop", "start", "help", "empty", "too_long"];
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "binary" })),
        (text) => {
          expect(kinds).toContain(parseInboundSms(text).kind);
        },
      ),
    );
  });
});

describe("detectLocale", () => {
  it.each([
    ["Kuna vijana wanaiba simu hapa Majengo usiku", "sw"],
    ["Maze, karao wamekamata msee mtaani bila sababu", "sw"],
    ["There is a gang robbing people at the market at night", "en"],
    ["Police are beating people near the stage", "en"],
    ["HALI BRZ-7KX2", "sw"],
    ["STATUS BRZ-7KX2", "en"],
  ] as const)("answers %j in %s", (text, locale) => {
    expect(detectLocale(text)).toBe(locale);
  });

  it("falls back when it cannot tell, to Kiswahili unless told otherwise", () => {
    expect(detectLocale("BRZ-7KX2")).toBe("sw");
    expect(detectLocale("\u{1F600}", "en")).toBe("en");
  });
});

describe("isWithinFollowUpWindow", () => {
  const reportedAt = new Date("2026-03-10T09:00:00Z");

  it("attaches a message sent up to 30 minutes after the report", () => {
    expect(isWithinFollowUpWindow(reportedAt, new Date("2026-03-10T09:30:00Z"))).toBe(true);
  });

  it("does not attach a message sent later, or dated before the report", () => {
    expect(isWithinFollowUpWindow(reportedAt, new Date("2026-03-10T09:30:01Z"))).toBe(false);
    expect(isWithinFollowUpWindow(reportedAt, new Date("2026-03-10T08:59:59Z"))).toBe(false);
  });
});

describe("isFollowUpOf", () => {
  // A stand-in for triage: places and incident words from a fixed list.
  const triage = (text: string) => ({
    category: /gunshot|fight|wamechoma|robb|wanapigana/i.test(text) ? "gang_crime" : "other",
    placeId: /kawangware/i.test(text) ? "l:kawangware" : /kangemi/i.test(text) ? "l:kangemi" : null,
  });
  const previous = "Fight at Kangemi stage, two people hurt";

  it.each([
    "Pia wamechoma kibanda kimoja",
    "also they took two phones",
    "Na polisi hawajafika bado",
    "They were wearing red shirts",
    "One of them is tall",
    "Also the fight moved to Kangemi market",
  ])("takes %j as more about the report", (text) => {
    expect(isFollowUpOf(text, previous, triage)).toBe(true);
  });

  it.each([
    "Another incident: gunshots in Kawangware",
    "Gunshots in Kawangware now",
    "Also gunshots in Kawangware",
    "Tukio lingine: wanapigana sokoni",
    "A new fight near the school",
    "Robbery happening near the school",
  ])("takes %j as a new report", (text) => {
    expect(isFollowUpOf(text, previous, triage)).toBe(false);
  });
});
