// What an inbound SMS asks for: a new report, a status check, STOP/START/HELP, or nothing usable.
// Keywords are matched in English, Kiswahili and common Sheng, case-insensitively and ignoring
// punctuation. Whole-message keywords (STOP, HELP...) must be the entire message, because words
// such as "acha" and "hali" also begin ordinary Kiswahili sentences that are real reports.
import type { Locale } from "../../../common/taxonomy.ts";
import { normaliseReference } from "../reports/reference.ts";

/**
 * Longest SMS text taken as a report. 1,600 characters is ten concatenated segments, the most
 * Twilio delivers as one message; longer texts are answered with the "too long" reply instead of
 * being cut silently, so nothing the resident said is lost without them knowing.
 */
export const MAX_SMS_REPORT_CHARS = 1600;

/**
 * A message from the same number within this window MAY be more details for the report just made:
 * only when it reads like a continuation (see isFollowUpOf). Otherwise it is a new report.
 */
export const FOLLOW_UP_WINDOW_MINUTES = 30;

export type SmsIntent =
  | { kind: "report"; text: string }
  /** "NEW ..." / "MPYA ...": a new report, never an addition; the text is kept whole. */
  | { kind: "new_report"; text: string }
  | { kind: "status"; reference: string | null; pin: string | null }
  /** "ADD <ref> [PIN] text" / "ONGEZA <ref> [PIN] text"; a null reference or empty text asks again. */
  | { kind: "add"; reference: string | null; pin: string | null; text: string }
  | { kind: "stop" }
  | { kind: "start" }
  | { kind: "help" }
  | { kind: "empty" }
  | { kind: "too_long"; length: number };

type WholeMessageKind = "stop" | "start" | "help";

const WHOLE_MESSAGE_KEYWORDS: Record<string, WholeMessageKind> = {
  stop: "stop",
  "stop all": "stop",
  stopall: "stop",
  "stop sms": "stop",
  unsubscribe: "stop",
  acha: "stop",
  "acha sms": "stop",
  wacha: "stop", // Sheng / colloquial
  "wacha sms": "stop",
  sitisha: "stop",
  "sitisha sms": "stop",
  start: "start",
  unstop: "start",
  anza: "start",
  "anza tena": "start",
  help: "help",
  info: "help",
  msaada: "help",
  saidia: "help",
  nisaidie: "help",
  "help me": "help",
};

const STATUS_KEYWORDS = new Set(["status", "hali", "stato", "check", "angalia"]);
const ADD_KEYWORDS = new Set(["add", "ongeza"]);
const NEW_KEYWORDS = new Set(["new", "mpya"]);

/** Letters and digits only, lower-cased, single-spaced: "  S.T.O.P!! " -> "stop", "Acha, SMS" -> "acha sms". */
function keywordForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);
const looksLikeAttemptedReference = (rest: string) =>
  /^brz/i.test(rest) || /^(?=[a-z0-9-]*\d)[a-z0-9-]{3,10}$/i.test(rest);

/** A trailing six-digit PIN: "BRZ-7KX2Q 123456" -> code "BRZ-7KX2Q", PIN "123456". */
function splitPin(rest: string): { code: string; pin: string | null } {
  const match = /^(.*?)[\s,.:;]+(\d{6})$/su.exec(rest);
  return match ? { code: (match[1] ?? "").trim(), pin: match[2] ?? null } : { code: rest, pin: null };
}

/** The first word of a message and the rest after it. */
function firstWord(text: string): { keyword: string; rest: string } | null {
  const match = /^[\s\p{P}]*([\p{L}]+)[\s\p{P}]*(.*)$/su.exec(text);
  return match ? { keyword: (match[1] ?? "").toLowerCase(), rest: (match[2] ?? "").trim() } : null;
}

function parseStatusRequest(text: string): SmsIntent | null {
  // A bare code is not taken on its own: short words such as "HELP" are valid codes (L reads as 1).
  if (/^\s*brz/i.test(text)) {
    const { code, pin } = splitPin(text.trim());
    const whole = normaliseReference(code);
    if (whole) return { kind: "status", reference: whole, pin };
  }
  const words = firstWord(text);
  if (!words || !STATUS_KEYWORDS.has(words.keyword)) return null;
  const { code, pin } = splitPin(words.rest);
  const reference = normaliseReference(code);
  if (reference) return { kind: "status", reference, pin };
  // "HALI" alone or with a mistyped code is a status request; "Hali ni mbaya Kayole..." is a report.
  if (words.rest === "" || looksLikeAttemptedReference(words.rest))
    return { kind: "status", reference: null, pin: null };
  return null;
}

/**
 * "ADD BRZ-7KX2Q the men ran away", "ongeza brz 7kx2q 123456 wamekimbia". The code may be written
 * with or without its hyphen, or with a space after BRZ. "Ongeza ulinzi Kayole" (increase security)
 * has no code after the keyword: it is an ordinary report.
 */
function parseAddRequest(text: string): SmsIntent | null {
  const words = firstWord(text);
  if (!words || !ADD_KEYWORDS.has(words.keyword)) return null;
  if (words.rest === "") return { kind: "add", reference: null, pin: null, text: "" };
  const tokens = words.rest.split(/\s+/);
  const takeBrz = /^brz[\s\p{P}]*$/iu.test(tokens[0] ?? "") ? 2 : 1;
  const codeText = tokens.slice(0, takeBrz).join(" ");
  const reference = normaliseReference(codeText);
  if (!reference)
    return looksLikeAttemptedReference(codeText) || /^brz/i.test(codeText)
      ? { kind: "add", reference: null, pin: null, text: "" }
      : null;
  let rest = tokens.slice(takeBrz);
  const pin = /^\d{6}$/.test(rest[0] ?? "") ? (rest[0] as string) : null;
  if (pin) rest = rest.slice(1);
  return { kind: "add", reference, pin, text: rest.join(" ").trim() };
}

function parseNewRequest(text: string): SmsIntent | null {
  const words = firstWord(text);
  return words && NEW_KEYWORDS.has(words.keyword) && hasWords(words.rest)
    ? { kind: "new_report", text }
    : null;
}

/** Classifies an inbound SMS. Never throws; any text at all gets an answer. */
export function parseInboundSms(text: string): SmsIntent {
  const trimmed = text.trim();
  if (!hasWords(trimmed)) return { kind: "empty" };
  const length = [...trimmed].length;
  if (length > MAX_SMS_REPORT_CHARS) return { kind: "too_long", length };
  const keyword = WHOLE_MESSAGE_KEYWORDS[keywordForm(trimmed)];
  if (keyword) return { kind: keyword };
  return (
    parseStatusRequest(trimmed) ??
    parseAddRequest(trimmed) ??
    parseNewRequest(trimmed) ?? { kind: "report", text: trimmed }
  );
}

/** What the follow-up rule needs from triage: the category guessed and the place found, if any. */
export type PlaceAndIncident = (text: string) => { category: string; placeId: string | null };

const NEW_INCIDENT =
  /\b(another|new|different|second|separate|other|ingine|nyingine|lingine|jingine|mwingine|mpya|tofauti)\b/iu;
const CONTINUATION = /^[\s\p{P}]*(also|and|plus|still|update|now they|pia|na|tena|bado|zaidi|hao|wale)\b/iu;

/**
 * Whether a message sent inside the follow-up window, without ADD, is more about the report just
 * made. Conservative: when in doubt it is a NEW report (it has its own reference and triage, and
 * the reply tells how to add it instead). It is an addition only when it names no new incident
 * ("another", "nyingine"...), no place other than the report's, and either starts like a
 * continuation ("also", "pia", "na"...) or carries no incident word at all.
 */
export function isFollowUpOf(text: string, previousText: string, triage: PlaceAndIncident): boolean {
  if (NEW_INCIDENT.test(text)) return false;
  const guess = triage(text);
  if (guess.placeId !== null && guess.placeId !== triage(previousText).placeId) return false;
  if (CONTINUATION.test(text)) return true;
  return guess.category === "other" && guess.placeId === null;
}

export function isWithinFollowUpWindow(lastReportAt: Date, now: Date): boolean {
  const elapsed = now.getTime() - lastReportAt.getTime();
  return elapsed >= 0 && elapsed <= FOLLOW_UP_WINDOW_MINUTES * 60_000;
}

// Frequent function words and reporting vocabulary. Sheng is scored as Kiswahili: its grammar is
// Kiswahili and a Kiswahili reply is understood by Sheng speakers.
const SWAHILI_WORDS = new Set(
  (
    "na ya wa za kwa ni la cha vya katika kuna hapa pale leo jana sasa sana watu mtu mtaa kijiji polisi askari " +
    "vijana wanawake mama mtoto watoto nyumba soko barabara maji hakuna bado kama lakini pia au hii huu hiyo " +
    "yetu wetu wangu yangu mimi sisi wao yeye tafadhali asante msaada hali acha sitisha anza saidia ripoti " +
    "wizi mwizi vita ghasia vurugu shambulio wamepigwa ameuawa usiku asubuhi jioni karibu kati eneo " +
    "msee maze manze niaje poa mbogi karao makarao mabeste dame ocha mtaani wasee fala gava ongeza mpya"
  ).split(" "),
);
const ENGLISH_WORDS = new Set(
  (
    "the a an and of to in on at is are was were there here this that these those it they we i you he she " +
    "my our their with from for by not no yes today yesterday now night morning please help stop start status " +
    "police people man woman men women children child house market road water attack attacked robbed " +
    "fight fighting gang threat near report happened add new"
  ).split(" "),
);

/**
 * Reply language for a message: Kiswahili or English by counting common words of each.
 * Ties (including no recognisable words) go to `fallback`, Kiswahili by default since it is
 * the language nearly every resident reads.
 */
export function detectLocale(text: string, fallback: Locale = "sw"): Locale {
  let swahili = 0;
  let english = 0;
  for (const word of keywordForm(text).split(" ")) {
    if (SWAHILI_WORDS.has(word)) swahili++;
    if (ENGLISH_WORDS.has(word)) english++;
  }
  if (swahili === english) return fallback;
  return swahili > english ? "sw" : "en";
}
