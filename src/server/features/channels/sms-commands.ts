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

/** A message from the same number within this window is taken as more details for the open report. */
export const FOLLOW_UP_WINDOW_MINUTES = 30;

export type SmsIntent =
  | { kind: "report"; text: string }
  | { kind: "status"; reference: string | null }
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

function parseStatusRequest(text: string): SmsIntent | null {
  // A bare code is not taken on its own: short words such as "HELP" are valid codes (L reads as 1).
  const whole = /^\s*brz/i.test(text) ? normaliseReference(text) : null;
  if (whole) return { kind: "status", reference: whole };
  const match = /^[\s\p{P}]*([\p{L}]+)[\s\p{P}]*(.*)$/su.exec(text);
  const keyword = match?.[1]?.toLowerCase();
  if (!keyword || !STATUS_KEYWORDS.has(keyword)) return null;
  const rest = (match?.[2] ?? "").trim();
  const reference = normaliseReference(rest);
  if (reference) return { kind: "status", reference };
  // "HALI" alone or with a mistyped code is a status request; "Hali ni mbaya Kayole..." is a report.
  if (rest === "" || looksLikeAttemptedReference(rest)) return { kind: "status", reference: null };
  return null;
}

/** Classifies an inbound SMS. Never throws; any text at all gets an answer. */
export function parseInboundSms(text: string): SmsIntent {
  const trimmed = text.trim();
  if (!hasWords(trimmed)) return { kind: "empty" };
  const length = [...trimmed].length;
  if (length > MAX_SMS_REPORT_CHARS) return { kind: "too_long", length };
  const keyword = WHOLE_MESSAGE_KEYWORDS[keywordForm(trimmed)];
  if (keyword) return { kind: keyword };
  return parseStatusRequest(trimmed) ?? { kind: "report", text: trimmed };
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
    "msee maze manze niaje poa mbogi karao makarao mabeste dame ocha mtaani wasee fala gava"
  ).split(" "),
);
const ENGLISH_WORDS = new Set(
  (
    "the a an and of to in on at is are was were there here this that these those it they we i you he she " +
    "my our their with from for by not no yes today yesterday now night morning please help stop start status " +
    "police people man woman men women children child house market road water attack attacked robbed " +
    "fight fighting gang threat near report happened"
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
