// What residents type about themselves into free text (report text, additions, SMS, USSD): phone
// numbers, e-mail addresses, national ID and passport numbers, and the names they introduce
// themselves with or mention in passing (mentioned-names.ts). Staff see the text with each replaced
// by a marker; the original is sealed and shown only through the audited identity reveal. Ordinary numbers (times, amounts, counts, dates,
// matatu routes, plot numbers, years) stay. Measured by bench/redaction on data/redaction/*.jsonl.
import { findIntroducedNames, findNamesBeside } from "./intro-names.ts";
import { findMentionedNames } from "./mentioned-names.ts";
import {
  findEmails,
  findPhones,
  type IdentifyingKind,
  type IdentifyingSpan,
  mergeSpans,
  replaceSpans,
} from "./redact.ts";

export type { IdentifyingKind, IdentifyingSpan } from "./redact.ts";

export const IDENTITY_MARKERS: Record<IdentifyingKind, string> = {
  phone: "[phone hidden]",
  email: "[e-mail hidden]",
  id_number: "[ID number hidden]",
  name: "[name hidden]",
};
/** What a passage hidden by hand (POST /api/reports/:id/redactions) is replaced with. */
export const PASSAGE_MARKER = "[passage hidden]";

// "ID 23456789", "id no. 2345 6789", "kitambulisho changu ni 23456789", "passport A1234567".
const ID_KEYWORD =
  /\b(?:national\s+id|id|i\.d\.?|identity\s+card|kitambulisho|kipande|passport|pasipoti|pasi|huduma\s+namba|maisha\s+namba|birth\s+certificate|cheti\s+cha\s+kuzaliwa|kra\s+pin)(?:\s*(?:card|no\.?|number|namba|nambari|changu|yangu|ni|is|:|#|ya|my|\.|-)){0,4}\s*(?=[A-Za-z]{0,2}\d)/gi;
const ID_VALUE = /^[A-Za-z]{0,2}(?:\d[ .-]?){5,9}\d/;
/** A passport number on its own: one or two capitals and 7 or 8 digits (A1234567, AK0123456). */
const PASSPORT = /\b[A-Z]{1,2}\d{7,8}\b|\b[AP]\d{9}[A-Z]\b/g;
/** A lone run of 7 to 9 digits is most likely an ID number (phones are 9 or more and caught first). */
const BARE_ID = /(?<![\d\p{L}.,:/-])\d{7,9}(?![\d\p{L}]|[.,:/-]\d)/gu;
const MONEY_BEFORE =
  /(?:\bksh?s?|\bkes|\bsh|\bshs|\bshillings?|\bbob|\bpesa|\btill|\bpaybill|\$|\busd)\.?\s*$/i;
const MONEY_AFTER = /^\s*(?:\/=|\/-|bob\b|ksh\b|kes\b|shillings?\b)/i;

function findIdNumbers(text: string): IdentifyingSpan[] {
  const spans: IdentifyingSpan[] = [];
  for (const match of text.matchAll(ID_KEYWORD)) {
    const at = match.index + match[0].length;
    const value = ID_VALUE.exec(text.slice(at));
    if (value) spans.push({ start: at, end: at + value[0].length, kind: "id_number" });
  }
  for (const match of text.matchAll(PASSPORT))
    spans.push({ start: match.index, end: match.index + match[0].length, kind: "id_number" });
  for (const match of text.matchAll(BARE_ID)) {
    const end = match.index + match[0].length;
    if (MONEY_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    if (MONEY_AFTER.test(text.slice(end, end + 12))) continue;
    spans.push({ start: match.index, end, kind: "id_number" });
  }
  return spans;
}

/** Every identifying span in `text`, merged where they overlap, in text order. */
export function findIdentifyingSpans(text: string): IdentifyingSpan[] {
  const emails = findEmails(text);
  // Digits inside an e-mail address belong to the address.
  const outsideEmails = (span: IdentifyingSpan) =>
    !emails.some((e) => span.start < e.end && e.start < span.end);
  const phones = findPhones(text).filter(outsideEmails);
  const ids = findIdNumbers(text).filter(
    (id) => outsideEmails(id) && !phones.some((p) => id.start < p.end && p.start < id.end),
  );
  const names = [
    ...findIntroducedNames(text),
    ...findNamesBeside(text, [...emails, ...phones]),
    ...findMentionedNames(text),
  ];
  return mergeSpans([...emails, ...phones, ...ids, ...names]);
}

export interface MaskedText {
  text: string;
  /** Whether anything was replaced. */
  masked: boolean;
}

/** `text` with every identifying span replaced by its marker. Idempotent. */
export function maskIdentities(text: string): MaskedText {
  const spans = findIdentifyingSpans(text);
  if (spans.length === 0) return { text, masked: false };
  return { text: replaceSpans(text, spans, (kind) => IDENTITY_MARKERS[kind]), masked: true };
}

/** The text as every staff surface shows it. Rows stored before masking on the way in are masked here. */
export function residentTextForStaff(text: string): string {
  return maskIdentities(text).text;
}
