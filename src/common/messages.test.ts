import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOT_FORWARD_REASONS } from "./contracts/report-workflow.ts";
import {
  gsm7Length,
  isGsm7,
  MESSAGE_KEYS,
  type MessageKey,
  placeholdersOf,
  RESIDENT_STATUSES,
  statusMessage,
  t,
  toGsm7,
  truncateGsm7,
} from "./messages.ts";
import { RESIDENT_STATUS_OF_NOT_FORWARD, residentStatusOf } from "./resident-status.ts";
import { LOCALES } from "./taxonomy.ts";

// The longest values each placeholder takes in practice.
const REALISTIC_PARAMS: Record<string, string> = {
  reference: "BRZ-7KX2Q",
  pin: "123456",
  previous: "BRZ-7KX2Q",
  max: "1600",
  ussdCode: "*384*12345#",
  county: "Elgeyo-Marakwet",
};

function render(locale: (typeof LOCALES)[number], key: MessageKey): string {
  const render = t as (l: string, k: string, p?: Record<string, string>) => string;
  return render(locale, key, REALISTIC_PARAMS);
}

describe("message catalogue", () => {
  it("has every key in both languages with the same placeholders", () => {
    for (const key of MESSAGE_KEYS) {
      expect(render("en", key).length, key).toBeGreaterThan(0);
      expect(render("sw", key).length, key).toBeGreaterThan(0);
      expect(placeholdersOf("sw", key).sort(), key).toEqual(placeholdersOf("en", key).sort());
    }
  });

  it("renders every message as one SMS: GSM-7 only and at most 160 characters", () => {
    for (const locale of LOCALES)
      for (const key of MESSAGE_KEYS) {
        const text = render(locale, key);
        expect(isGsm7(text), `${locale}.${key} has a non-GSM-7 character: ${text}`).toBe(true);
        expect(gsm7Length(text), `${locale}.${key}`).toBeLessThanOrEqual(160);
      }
  });

  it("has a Kiswahili text that is not a copy of the English one, except the bilingual welcome", () => {
    const copies = MESSAGE_KEYS.filter((key) => render("sw", key) === render("en", key));
    expect(copies).toEqual(["ussdWelcome"]);
  });

  it("fills placeholders with the parameters given", () => {
    expect(t("en", "smsReceived", { reference: "BRZ-7KX2Q", pin: "123456" })).toContain(
      "Code BRZ-7KX2Q PIN 123456.",
    );
    expect(t("sw", "smsReceived", { reference: "BRZ-7KX2Q", pin: "123456" })).toContain("ONGEZA BRZ-7KX2Q");
  });

  it("refuses to render a message whose parameter is missing", () => {
    const untyped = t as (l: string, k: string, p?: object) => string;
    expect(() => untyped("en", "statusCaseOpen", {})).toThrow(/\{reference\}/);
  });

  it("gives a status line for every resident-facing status, and a no-match line for null that names no code", () => {
    for (const locale of LOCALES) {
      const lines = RESIDENT_STATUSES.map((status) => statusMessage(locale, "BRZ-7KX2Q", status));
      expect(new Set(lines).size).toBe(RESIDENT_STATUSES.length);
      for (const line of lines) expect(line).toContain("BRZ-7KX2Q");
      expect(statusMessage(locale, "BRZ-7KX2Q", null)).toBe(t(locale, "statusNoMatch"));
      expect(statusMessage(locale, "BRZ-7KX2Q", null)).not.toContain("7KX2Q");
    }
  });

  it("tells a resident whose report was not taken forward the reason staff chose, in one SMS", () => {
    for (const locale of LOCALES) {
      const lines = NOT_FORWARD_REASONS.map((reason) =>
        statusMessage(
          locale,
          "BRZ-7KX2Q",
          residentStatusOf({
            status: "rejected",
            personActed: true,
            caseStatus: null,
            notForwardReason: reason,
          }),
        ),
      );
      expect(new Set(lines).size).toBe(NOT_FORWARD_REASONS.length);
      for (const line of lines) {
        expect(isGsm7(line), line).toBe(true);
        expect(gsm7Length(line), line).toBeLessThanOrEqual(160);
      }
    }
    const noReason = residentStatusOf({ status: "rejected", personActed: true, caseStatus: null });
    expect(statusMessage("en", "BRZ-7KX2Q", noReason)).toMatch(/could not confirm/);
    expect(statusMessage("en", "BRZ-7KX2Q", RESIDENT_STATUS_OF_NOT_FORWARD.not_enough_detail)).toMatch(
      /where and when/,
    );
    expect(statusMessage("sw", "BRZ-7KX2Q", RESIDENT_STATUS_OF_NOT_FORWARD.not_enough_detail)).toMatch(
      /wapi na lini/,
    );
  });

  it("shows every example code in the one canonical five-symbol form BRZ-XXXXX", () => {
    for (const locale of LOCALES)
      for (const key of MESSAGE_KEYS)
        for (const code of render(locale, key).match(/BRZ\S*/g) ?? [])
          expect(code.replace(/[.:,]$/, ""), `${locale}.${key}`).toMatch(/^BRZ-[0-9A-Z]{5}$/);
  });

  it("tells residents in the SMS help not to put their name or number in the text", () => {
    expect(t("en", "help")).toMatch(/not put your name or number/);
    expect(t("sw", "help")).toMatch(/Usiweke jina wala nambari/);
  });
});

describe("GSM-7 helpers", () => {
  it("counts extended characters such as braces and the euro sign as two", () => {
    expect(gsm7Length("abc")).toBe(3);
    expect(gsm7Length("{x}")).toBe(5);
    expect(gsm7Length("\u20ac1")).toBe(3);
  });

  it("reports text with emoji, curly quotes or other scripts as not GSM-7", () => {
    expect(gsm7Length("hello \u{1F600}")).toBeNull();
    expect(isGsm7("it\u2019s")).toBe(false);
    expect(isGsm7("\u0627\u0644\u0633\u0644\u0627\u0645")).toBe(false);
  });

  it("turns typographic punctuation and accents into plain characters and drops emoji", () => {
    expect(toGsm7("\u201cKapsowar\u201d \u2013 caf\u00e9 \u{1F600} Mura\u0301ng\u2019a\u2026")).toBe(
      '"Kapsowar" - caf\u00e9  Murang\'a...',
    );
    expect(toGsm7("Ng\u0169r\u0169")).toBe("Nguru");
  });

  it("always produces GSM-7 text, and converting twice changes nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        const once = toGsm7(text);
        expect(isGsm7(once)).toBe(true);
        expect(toGsm7(once)).toBe(once);
      }),
    );
  });

  it("truncates to the requested number of septets and marks the cut", () => {
    expect(truncateGsm7("Korogocho", 20)).toBe("Korogocho");
    expect(truncateGsm7("A very long locality name", 10)).toBe("A very l..");
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 80 }),
        fc.integer({ min: 0, max: 60 }),
        (text, max) => {
          expect(gsm7Length(truncateGsm7(text, max))).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});
