import { describe, expect, it } from "vitest";
import {
  checkReportForm,
  formValues,
  parseTypedDate,
  type ReportFormValues,
  reportFormSchema,
  withoutControlCharactersIn,
} from "./report-form.ts";

const NOW = new Date("2026-11-23T08:00:00.000Z");
const values = (overrides: Partial<ReportFormValues> = {}): ReportFormValues => ({
  ...formValues({}),
  text: "Vijana walipigana sokoni",
  ...overrides,
});
const problemsOf = (overrides: Partial<ReportFormValues>) => {
  const check = checkReportForm(values(overrides), NOW);
  return check.ok ? {} : check.problems;
};

describe("checking the report form", () => {
  it("accepts a report with only its text, anonymous and with no place or time", () => {
    const check = checkReportForm(values(), NOW);
    expect(check).toEqual({
      ok: true,
      report: {
        text: "Vijana walipigana sokoni",
        category: null,
        countyId: null,
        localityId: null,
        placeText: null,
        occurredAt: null,
        occurredAtPrecision: "unknown",
        phone: null,
        name: null,
        consentToContact: false,
      },
    });
  });

  it("asks for the text when it is empty or blank", () => {
    expect(problemsOf({ text: "  \n " }).text?.key).toBe("textEmpty");
  });

  it("states the length when the text is over 5,000 characters, counting a typed line break once", () => {
    expect(problemsOf({ text: "a".repeat(5001) }).text).toEqual({
      key: "textTooLong",
      params: { count: "5,001" },
    });
    const withBreaks = formValues({ text: `${"a".repeat(2500)}\r\n${"b".repeat(2499)}` });
    expect(checkReportForm(withBreaks, NOW).ok).toBe(true);
  });

  it("accepts emoji and any script", () => {
    const text = "Moto 🔥 sokoni ሰላም مرحبا 你好";
    const check = checkReportForm(values({ text }), NOW);
    expect(check.ok && check.report.text).toBe(text);
  });

  it("treats I don't know as no category and refuses a category that is not in the list", () => {
    const check = checkReportForm(values({ category: "unknown" }), NOW);
    expect(check.ok && check.report.category).toBeNull();
    expect(problemsOf({ category: "arson" }).category?.key).toBe("categoryInvalid");
  });

  it("refuses a county that is not one of the 47, and a place list answer without a county", () => {
    expect(problemsOf({ county: "c:099" }).county?.key).toBe("countyInvalid");
    expect(problemsOf({ county: "s:175" }).county?.key).toBe("countyInvalid");
    expect(problemsOf({ locality: "l:kaptembwo" }).locality?.key).toBe("localityInvalid");
  });

  it("estimates the time from the rough answers, the way the USSD menu does", () => {
    const at = (when: string) => {
      const check = checkReportForm(values({ when }), NOW);
      return check.ok ? [check.report.occurredAt?.toISOString(), check.report.occurredAtPrecision] : null;
    };
    expect(at("today")).toEqual([NOW.toISOString(), "today"]);
    expect(at("yesterday")).toEqual(["2026-11-22T08:00:00.000Z", "yesterday"]);
    expect(at("this_week")).toEqual(["2026-11-20T08:00:00.000Z", "this_week"]);
    expect(at("earlier")).toEqual(["2026-11-09T08:00:00.000Z", "earlier"]);
    expect(at("unknown")).toEqual([undefined, "unknown"]);
    expect(problemsOf({ when: "last_year" }).when?.key).toBe("whenInvalid");
  });

  it("takes a typed date over the rough answer, and refuses impossible and future dates", () => {
    const check = checkReportForm(values({ when: "today", date: "21/11/2026" }), NOW);
    expect(check.ok && check.report.occurredAt?.toISOString()).toBe("2026-11-21T09:00:00.000Z");
    expect(check.ok && check.report.occurredAtPrecision).toBe("exact");
    expect(problemsOf({ date: "31/02/2026" }).date?.key).toBe("dateInvalid");
    expect(problemsOf({ date: "jana" }).date?.key).toBe("dateInvalid");
    expect(problemsOf({ date: "2026-11-24" }).date?.key).toBe("dateFuture");
    // Already 23 November in Nairobi at 08:00 UTC.
    expect(checkReportForm(values({ date: "2026-11-23" }), NOW).ok).toBe(true);
  });

  it("reads the date forms people type", () => {
    expect(parseTypedDate("2026-11-05")).toEqual({ year: 2026, month: 11, day: 5 });
    expect(parseTypedDate("5.11.2026")).toEqual({ year: 2026, month: 11, day: 5 });
    expect(parseTypedDate("5-11-2026")).toEqual({ year: 2026, month: 11, day: 5 });
    expect(parseTypedDate("11/2026")).toBeNull();
  });

  it("keeps contact only with consent, and consent only with a phone number", () => {
    expect(problemsOf({ phone: "0712 345 678" }).consent?.key).toBe("consentMissing");
    expect(problemsOf({ name: "Achieng" }).consent?.key).toBe("consentMissing");
    expect(problemsOf({ consent: true }).consent?.key).toBe("consentWithoutContact");
    const check = checkReportForm(values({ phone: "0712 345 678", name: " Achieng ", consent: true }), NOW);
    expect(check.ok && [check.report.phone, check.report.name, check.report.consentToContact]).toEqual([
      "+254712345678",
      "Achieng",
      true,
    ]);
  });

  it("names a phone number that is not a Kenyan mobile", () => {
    expect(problemsOf({ phone: "12345", consent: true }).phone?.key).toBe("phoneInvalid");
  });

  it("reads a repeated field as its first value, and the consent box only when ticked", () => {
    expect(reportFormSchema.parse({ text: ["first", "second"] }).text).toBe("first");
    expect(formValues({ consent: "yes" }).consent).toBe(true);
    expect(formValues({ consent: "on" }).consent).toBe(false);
  });

  it("cleans control characters out of every posted field and names the fields that had them", () => {
    const posted = reportFormSchema.parse({
      text: "Moto\u0000 sokoni\n",
      place: "Soko\u202E",
      lang: "en",
      name: undefined,
    });
    expect(withoutControlCharactersIn(posted)).toEqual({
      values: { text: "Moto sokoni\n", place: "Soko", lang: "en", name: undefined },
      dirty: ["text", "place"],
    });
    expect(withoutControlCharactersIn({ text: "Tab\tand line\r\nbreaks stay" }).dirty).toEqual([]);
  });

  it("has no length limit of its own: an over-long field is answered by its check, with the limit stated", () => {
    const text = "x".repeat(200_000);
    expect(reportFormSchema.parse({ text }).text).toBe(text);
    expect(problemsOf({ text }).text?.key).toBe("textTooLong");
  });
});
