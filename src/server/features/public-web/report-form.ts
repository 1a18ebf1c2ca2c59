// The public report form's fields and their checks. Pure: the same input and clock give the same
// answer, so every rule is unit-tested. Problems are text keys, rendered in the resident's language
// next to the field they concern.
import { z } from "zod";
import { placeById } from "../../../common/places/index.ts";
import { CATEGORY_CODES, type CategoryCode } from "../../../common/taxonomy.ts";
import { hasControlCharacters, withoutControlCharacters } from "../../lib/control-chars.ts";
import { InvalidPhoneError, normalisePhone } from "../../lib/vault.ts";
import { MAX_REPORT_TEXT_CHARS, type OccurredAtPrecision } from "../reports/reports.service.ts";
import type { TextKey } from "./texts.ts";

export const MAX_PLACE_TEXT_CHARS = 200;
export const MAX_NAME_CHARS = 100;
export const WHEN_CHOICES = ["today", "yesterday", "this_week", "earlier", "unknown"] as const;
export type WhenChoice = (typeof WHEN_CHOICES)[number];

// Form values arrive as strings, or as a list when a name repeats: the first one counts. Each field
// is then checked below, with a message a person can act on. No length limit here: the body limit
// bounds them, and an over-long field comes back with its own limit stated and the words kept.
export const formField = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional());

/**
 * Every posted field without control characters, and the names of the fields that had some. The
 * pages refuse such a form but show it again cleaned, so that nothing else typed is lost.
 */
export function withoutControlCharactersIn<T extends Record<string, string | undefined>>(
  input: T,
): { values: T; dirty: (keyof T & string)[] } {
  const dirty = Object.keys(input).filter((name) => {
    const value = input[name];
    return value !== undefined && hasControlCharacters(value);
  });
  const values = Object.fromEntries(
    Object.entries(input).map(([name, value]) => [
      name,
      value === undefined ? value : withoutControlCharacters(value),
    ]),
  ) as T;
  return { values, dirty };
}

export const reportFormSchema = z.object({
  text: formField,
  category: formField,
  county: formField,
  place: formField,
  locality: formField,
  when: formField,
  date: formField,
  phone: formField,
  name: formField,
  consent: formField,
  lang: formField,
  switchLang: formField,
  step: formField,
  /** The form's one-time token: a second post of the same form shows the first one's receipt. */
  formToken: formField,
});
export type ReportFormInput = z.output<typeof reportFormSchema>;

/** What the resident typed, kept as typed so that a form with problems comes back as they left it. */
export interface ReportFormValues {
  text: string;
  category: string;
  county: string;
  place: string;
  locality: string;
  when: string;
  date: string;
  phone: string;
  name: string;
  consent: boolean;
}

export type ReportField = keyof ReportFormValues;

export interface FieldProblem {
  key: TextKey;
  params?: Record<string, string | number>;
}
export type FormProblems<F extends string> = Partial<Record<F, FieldProblem>>;

export interface ValidReport {
  text: string;
  category: CategoryCode | null;
  countyId: string | null;
  localityId: string | null;
  placeText: string | null;
  occurredAt: Date | null;
  occurredAtPrecision: OccurredAtPrecision;
  phone: string | null;
  name: string | null;
  consentToContact: boolean;
}

export type ReportCheck =
  | { ok: true; report: ValidReport }
  | { ok: false; problems: FormProblems<ReportField> };

/** Browsers send a textarea's line breaks as CRLF; counting them as one keeps our limit and the page's alike. */
export const normaliseLineBreaks = (text: string): string => text.replace(/\r\n?/g, "\n");

export function formValues(input: ReportFormInput): ReportFormValues {
  return {
    text: normaliseLineBreaks(input.text ?? ""),
    category: input.category ?? "",
    county: input.county ?? "",
    place: input.place ?? "",
    locality: input.locality ?? "",
    when: input.when ?? "",
    date: input.date ?? "",
    phone: input.phone ?? "",
    name: input.name ?? "",
    consent: input.consent === "yes",
  };
}

// Kenya keeps East Africa Time (UTC+3) all year.
const NAIROBI_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;
// The same rough estimates the USSD menu uses, so that channels agree: staff can correct them.
const DAYS_AGO: Record<Exclude<WhenChoice, "unknown">, number> = {
  today: 0,
  yesterday: 1,
  this_week: 3,
  earlier: 14,
};

/** Today's date in Nairobi as YYYY-MM-DD: the latest day a report can be about. */
export function todayInNairobi(now: Date): string {
  return new Date(now.getTime() + NAIROBI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The value when it is one of the 47 county ids, else null. */
export function countyIdOf(value: string | undefined): string | null {
  return value && placeById(value)?.kind === "county" ? value : null;
}

/** A typed date: the browser's date picker sends 2026-11-21, people type 21/11/2026 or 21-11-2026. */
export function parseTypedDate(typed: string): { year: number; month: number; day: number } | null {
  const trimmed = typed.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [0, 0, 0];
  if (year < 1990) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

function checkWhen(values: ReportFormValues, now: Date, problems: FormProblems<ReportField>) {
  const result: { occurredAt: Date | null; occurredAtPrecision: OccurredAtPrecision } = {
    occurredAt: null,
    occurredAtPrecision: "unknown",
  };
  if (values.date.trim()) {
    const date = parseTypedDate(values.date);
    if (!date) {
      problems.date = { key: "dateInvalid" };
      return result;
    }
    // Noon in Nairobi on that day: the day is what the resident knows, not the hour.
    const occurredAt = new Date(Date.UTC(date.year, date.month - 1, date.day, 9));
    if (occurredAt.toISOString().slice(0, 10) > todayInNairobi(now)) {
      problems.date = { key: "dateFuture" };
      return result;
    }
    return { occurredAt, occurredAtPrecision: "exact" as const };
  }
  const when = values.when || "unknown";
  if (!(WHEN_CHOICES as readonly string[]).includes(when)) {
    problems.when = { key: "whenInvalid" };
    return result;
  }
  if (when === "unknown") return result;
  const choice = when as Exclude<WhenChoice, "unknown">;
  return { occurredAt: new Date(now.getTime() - DAYS_AGO[choice] * DAY_MS), occurredAtPrecision: choice };
}

function checkContact(values: ReportFormValues, problems: FormProblems<ReportField>) {
  let phone: string | null = null;
  if (values.phone.trim()) {
    try {
      phone = normalisePhone(values.phone);
    } catch (error) {
      if (!(error instanceof InvalidPhoneError)) throw error;
      problems.phone = { key: "phoneInvalid" };
    }
  }
  const name = values.name.trim() || null;
  if (name && name.length > MAX_NAME_CHARS) problems.name = { key: "nameTooLong" };
  const gaveContact = values.phone.trim() !== "" || name !== null;
  // Contact details are only kept when the resident says we may use them: no silent identification.
  if (gaveContact && !values.consent) problems.consent = { key: "consentMissing" };
  else if (values.consent && !values.phone.trim()) problems.consent = { key: "consentWithoutContact" };
  return { phone, name };
}

export function checkReportForm(values: ReportFormValues, now: Date): ReportCheck {
  const problems: FormProblems<ReportField> = {};
  const text = values.text.trim();
  if (!text) problems.text = { key: "textEmpty" };
  else if (text.length > MAX_REPORT_TEXT_CHARS)
    problems.text = { key: "textTooLong", params: { count: text.length.toLocaleString("en") } };

  let category: CategoryCode | null = null;
  if (values.category && values.category !== "unknown") {
    if ((CATEGORY_CODES as readonly string[]).includes(values.category))
      category = values.category as CategoryCode;
    else problems.category = { key: "categoryInvalid" };
  }

  const countyId = countyIdOf(values.county);
  if (values.county && !countyId) problems.county = { key: "countyInvalid" };
  // Whether the chosen place lies in the county is checked against the database (admins add places).
  const localityId = values.locality && countyId ? values.locality : null;
  if (values.locality && !countyId && !problems.county) problems.locality = { key: "localityInvalid" };

  const placeText = values.place.trim() || null;
  if (placeText && placeText.length > MAX_PLACE_TEXT_CHARS) problems.place = { key: "placeTooLong" };

  const when = checkWhen(values, now, problems);
  const contact = checkContact(values, problems);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    report: {
      text,
      category,
      countyId,
      localityId,
      placeText,
      ...when,
      phone: contact.phone,
      name: contact.name,
      consentToContact: values.consent,
    },
  };
}
