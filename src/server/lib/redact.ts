// Contact details found in text: the one detector of phone numbers and e-mail addresses. Used to
// take them out of text that leaves its sealed home (exported examples, and the error messages that
// gateways and mail servers send back, which quote the number or address they refused), and by the
// resident free-text masker (identity-in-text.ts), which adds ID numbers and names.

export type IdentifyingKind = "phone" | "email" | "id_number" | "name";

export interface IdentifyingSpan {
  start: number;
  /** Exclusive. */
  end: number;
  kind: IdentifyingKind;
}

const EMAIL =
  /[^\s<>"'(),;:@[\]]+@[^\s<>"'(),;:@[\]]+\.[^\s<>"'(),;:@[\]]*[A-Za-z0-9]|\b[\w.+-]+ ?(?:\(at\)|\[at\]) ?[\w-]+ ?(?:\.|\(dot\)|\[dot\]| dot ) ?(?:com|co\.ke|org|net|ke|go\.ke|ac\.ke)\b/g;

const DIGIT_GROUP = /\d+/g;
// What may stand between the digit groups of one number: one space, one dot or dash (with a space
// either side), or brackets around a prefix ("+254 (0) 722", "(0722) 123 456").
const GROUP_SEPARATOR = /^(?:[ \u00a0]?[.\-()]?[ \u00a0]?|\)[ \u00a0]?[.-]?[ \u00a0]?| ?\( ?)$/;
/** A number spoken of as money is never a phone: "KSh 110 000 000", "5000000 bob". */
const MONEY_BEFORE = /(?:\bksh?s?|\bkes|\bsh|\bshs|\bshillings?|\bbob|\bpesa|\$|\busd)\.?\s*$/i;
const MONEY_AFTER = /^\s*(?:\/=|\/-|(?:bob|ksh|kes|shillings?|k|m)(?![\p{L}\d]))/iu;
const MAX_GROUPS_IN_A_NUMBER = 7;

/** A Kenyan mobile number (07xx, 01[01]x, with or without 254 / +254 / 00254 and a 0 after it), or any +international number. */
function isPhoneDigits(digits: string, plus: boolean, separated: boolean): boolean {
  if (/^(?:00)?2540?(?:7\d|1[01])\d{7}$/.test(digits)) return true;
  if (/^0(?:7\d|1[01])\d{7}$/.test(digits)) return true;
  if (/^(?:7\d|1[01])\d{7}$/.test(digits)) return true;
  // Landlines: 020 1234567 (Nairobi), 041 …, with or without 254.
  if (/^(?:2540?|0)[2-6]\d{7,8}$/.test(digits)) return true;
  if (plus && digits.length >= 8 && digits.length <= 15) return true;
  // A long run of digits typed without spaces is a number of some kind (foreign phones, accounts).
  return !separated && digits.length >= 10 && digits.length <= 15;
}

interface DigitGroup {
  start: number;
  end: number;
  digits: string;
}

function digitGroups(text: string): DigitGroup[][] {
  const runs: DigitGroup[][] = [];
  let run: DigitGroup[] = [];
  for (const match of text.matchAll(DIGIT_GROUP)) {
    const group = { start: match.index, end: match.index + match[0].length, digits: match[0] };
    const previous = run[run.length - 1];
    if (previous && !GROUP_SEPARATOR.test(text.slice(previous.end, group.start))) {
      runs.push(run);
      run = [];
    }
    run.push(group);
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * `anyLongNumber`: in machine-written text (gateway and mail errors) any run of 9 or more digits is
 * taken for a number of someone's; in residents' words, where amounts and dates abound, only the
 * forms above are.
 */
function phoneIn(
  text: string,
  groups: DigitGroup[],
  from: number,
  to: number,
  anyLongNumber: boolean,
): IdentifyingSpan | null {
  const first = groups[from] as DigitGroup;
  const last = groups[to] as DigitGroup;
  const digits = groups
    .slice(from, to + 1)
    .map((g) => g.digits)
    .join("");
  let start = first.start;
  const plus = text[start - 1] === "+" || (text[start - 2] === "+" && text[start - 1] === " ");
  if (plus) start = text.lastIndexOf("+", start - 1);
  if (!isPhoneDigits(digits, plus, from !== to) && !(anyLongNumber && digits.length >= 9)) return null;
  // Only a number without its 0 or 254 could be an amount ("KSh 110 000 000").
  if (/^(?:7\d|1[01])\d{7}$/.test(digits) && !plus) {
    if (MONEY_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return null;
    if (MONEY_AFTER.test(text.slice(last.end, last.end + 12))) return null;
  }
  // Brackets opened around the number's first group belong to it.
  if (text[start - 1] === "(" && text.slice(start, last.end).includes(")")) start -= 1;
  return { start, end: last.end, kind: "phone" };
}

/** Phone numbers: the longest run of digit groups, from the left, that reads as one. */
export function findPhones(text: string, anyLongNumber = false): IdentifyingSpan[] {
  const spans: IdentifyingSpan[] = [];
  for (const groups of digitGroups(text)) {
    let from = 0;
    while (from < groups.length) {
      let next = from + 1;
      for (let to = Math.min(groups.length, from + MAX_GROUPS_IN_A_NUMBER) - 1; to >= from; to--) {
        const found = phoneIn(text, groups, from, to, anyLongNumber);
        if (found) {
          spans.push(found);
          next = to + 1;
          break;
        }
      }
      from = next;
    }
  }
  return spans;
}

export function findEmails(text: string): IdentifyingSpan[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: "email" as const,
  }));
}

/** Overlapping or touching spans joined into one (keeping the first one's kind), in text order. */
export function mergeSpans(spans: readonly IdentifyingSpan[]): IdentifyingSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: IdentifyingSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** `text` with each span replaced by what `marker` says for its kind. */
export function replaceSpans(
  text: string,
  spans: readonly IdentifyingSpan[],
  marker: (kind: IdentifyingKind) => string,
): string {
  let out = "";
  let at = 0;
  for (const span of mergeSpans(spans)) {
    out += text.slice(at, span.start) + marker(span.kind);
    at = span.end;
  }
  return out + text.slice(at);
}

const CONTACT_MARKERS: Record<IdentifyingKind, string> = {
  phone: "[phone]",
  email: "[email]",
  id_number: "[id]",
  name: "[name]",
};

export function maskPhones(text: string): string {
  return replaceSpans(text, findPhones(text, true), (kind) => CONTACT_MARKERS[kind]);
}

/** Phone numbers and email addresses replaced by "[phone]" and "[email]" (machine-written errors). */
export function maskContacts(text: string): string {
  const emails = findEmails(text);
  const phones = findPhones(text, true).filter(
    (p) => !emails.some((e) => p.start < e.end && e.start < p.end),
  );
  return replaceSpans(text, [...emails, ...phones], (kind) => CONTACT_MARKERS[kind]);
}
