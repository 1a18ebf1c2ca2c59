// Every string a resident reads by SMS or USSD, in English and Kiswahili.
// Rules for the text: plain words, short, GSM-7 characters only (no curly quotes, no emoji, no accents),
// so that a reply fits in one 160-character SMS and a USSD screen renders on any handset.
// Sheng speakers are answered in Kiswahili.
import type { Locale } from "./taxonomy.ts";

const en = {
  // SMS replies
  smsReceived:
    "Baraza: report received. Code {reference}. Reply within {minutes} min to add details. Send STATUS {reference} to check it. STOP ends SMS.",
  smsFollowUp:
    "To check your report any time, send STATUS {reference} here or dial {ussdCode} and choose 2. Keep the code private.",
  detailsAttached: "Baraza: thank you. We added your message to report {reference}.",
  statusMissingReference: "Baraza: send STATUS and your report code, for example STATUS BRZ-7KX2.",
  unknownReference:
    "Baraza: we found no report {reference}. Check the code and try again, for example STATUS BRZ-7KX2.",
  stopConfirmed: "Baraza: you will get no more SMS from us. Send START to get messages again.",
  startConfirmed: "Baraza: SMS are on again. Send HELP to learn how to report.",
  help: "Baraza: say what happened, where and when, and send it here. No name needed. STATUS and your code checks a report. STOP ends SMS. Emergency: call 999.",
  tooLong:
    "Baraza: your message is too long. Send at most {max} characters, or split it into shorter messages.",
  empty: "Baraza: your message was empty. Say what happened, where and when.",
  rateLimited:
    "Baraza: you have sent many messages. Please wait a while and try again. Emergency: call 999 or 112.",
  // Resident-facing report status, shared by SMS and USSD
  statusNew: "Report {reference}: received, waiting to be reviewed.",
  statusTriaged: "Report {reference}: reviewed and passed to the team that can act on it.",
  statusVerified: "Report {reference}: checked and confirmed. Action is being planned.",
  statusRejected:
    "Report {reference}: closed without action because we could not confirm it. You can send a new report.",
  statusDuplicate:
    "Report {reference}: joined to another report about the same event, which is being followed up.",
  statusCaseOpen: "Report {reference}: follow-up has started and someone is assigned to it.",
  statusCaseInProgress: "Report {reference}: action is under way.",
  statusCaseResolved:
    "Report {reference}: action was taken and the issue is resolved. Send a new report if it continues.",
  statusCaseClosed: "Report {reference}: follow-up is finished and the report is closed.",
  // SMS to responders about cases ({reference} is the case number). No report details: a phone is not private.
  caseAssigned: "Baraza: case {reference} has been assigned to your unit. Open Baraza to acknowledge it.",
  caseReminderAcknowledge:
    "Baraza: reminder: case {reference} is waiting for you to acknowledge it in Baraza.",
  caseReminderAct: "Baraza: reminder: case {reference} needs a first action recorded in Baraza soon.",
  caseEscalatedAcknowledge:
    "Baraza: case {reference} was not acknowledged in time and is now escalated to you. Please follow it up in Baraza.",
  caseEscalatedAct:
    "Baraza: no action was recorded on case {reference} in time. It is now escalated to you. Please follow it up in Baraza.",
  // USSD screens and pieces of screens
  ussdWelcome: "Baraza: report safely\nChagua lugha / Choose language\n1 English\n2 Kiswahili",
  ussdMainMenu: "Baraza\n1 Report something\n2 Check a report",
  ussdCategoryPrompt: "What happened?",
  ussdCountyPrompt: "Which county? Pick or type name",
  ussdLocalityPrompt: "Where in {county}? Pick or type",
  ussdNotListed: "Not listed",
  ussdDontKnow: "Don't know",
  ussdMore: "More",
  ussdBack: "Back",
  ussdTypePlace: "Type the name of the place:",
  ussdWhenPrompt: "When did it happen?",
  whenToday: "Today",
  whenYesterday: "Yesterday",
  whenThisWeek: "This week",
  whenEarlier: "Earlier",
  ussdDescriptionPrompt: "Describe it briefly. No names needed.\n0 Skip",
  ussdContactPrompt: "May we contact you on this number?",
  ussdContactNo: "No, stay anonymous",
  ussdContactYes: "Yes, you may contact me",
  ussdConfirmPrompt: "Send this report?",
  ussdSend: "Send",
  ussdCancel: "Cancel",
  ussdCancelled: "Cancelled. Nothing was sent.",
  ussdSending: "Thank you. Your report is being sent.",
  ussdConfirmed:
    "Thank you. Report sent. Your code is {reference}. Write it down: to check it, dial again and choose 2.",
  ussdReferencePrompt: "Enter your report code, for example BRZ7KX2:",
  ussdStatusUnavailable: "We cannot check reports right now. Please try again later.",
  ussdInvalidChoice: "Invalid choice.",
  ussdInvalidReference: "That code is not valid.",
  ussdNoMatch: "No match.",
} as const;

export type MessageKey = keyof typeof en;

const sw: { readonly [K in MessageKey]: string } = {
  smsReceived:
    "Baraza: ripoti imepokelewa. Nambari {reference}. Jibu ndani ya dakika {minutes} kuongeza maelezo. Tuma HALI {reference} kuifuatilia. ACHA kusitisha SMS.",
  smsFollowUp:
    "Kufuatilia ripoti yako wakati wowote, tuma HALI {reference} hapa au piga {ussdCode} uchague 2. Weka nambari hii siri.",
  detailsAttached: "Baraza: asante. Tumeongeza ujumbe wako kwenye ripoti {reference}.",
  statusMissingReference: "Baraza: tuma HALI na nambari ya ripoti yako, kwa mfano HALI BRZ-7KX2.",
  unknownReference:
    "Baraza: hatukupata ripoti {reference}. Angalia nambari ujaribu tena, kwa mfano HALI BRZ-7KX2.",
  stopConfirmed: "Baraza: hutapokea SMS zaidi kutoka kwetu. Tuma ANZA kupokea tena.",
  startConfirmed: "Baraza: SMS zimewashwa tena. Tuma MSAADA kujua jinsi ya kuripoti.",
  help: "Baraza: eleza kilichotokea, wapi na lini, kisha tuma hapa. Jina si lazima. HALI na nambari yako hufuatilia ripoti. ACHA husitisha SMS. Dharura: piga 999.",
  tooLong: "Baraza: ujumbe wako ni mrefu mno. Tuma herufi zisizozidi {max}, au ugawanye katika jumbe fupi.",
  empty: "Baraza: ujumbe wako haukuwa na maneno. Eleza kilichotokea, wapi na lini.",
  rateLimited:
    "Baraza: umetuma jumbe nyingi. Tafadhali subiri kidogo kisha ujaribu tena. Dharura: piga 999 au 112.",
  statusNew: "Ripoti {reference}: imepokelewa, inasubiri kukaguliwa.",
  statusTriaged: "Ripoti {reference}: imekaguliwa na kupelekwa kwa timu inayoweza kuishughulikia.",
  statusVerified: "Ripoti {reference}: imekaguliwa na kuthibitishwa. Hatua zinapangwa.",
  statusRejected:
    "Ripoti {reference}: imefungwa bila hatua kwa sababu hatukuweza kuithibitisha. Unaweza kutuma ripoti mpya.",
  statusDuplicate: "Ripoti {reference}: imeunganishwa na ripoti nyingine ya tukio hilo hilo, inayofuatiliwa.",
  statusCaseOpen: "Ripoti {reference}: ufuatiliaji umeanza na mtu amepewa jukumu la kuishughulikia.",
  statusCaseInProgress: "Ripoti {reference}: hatua zinaendelea kuchukuliwa.",
  statusCaseResolved:
    "Ripoti {reference}: hatua zimechukuliwa na suala limetatuliwa. Tuma ripoti mpya likiendelea.",
  statusCaseClosed: "Ripoti {reference}: ufuatiliaji umekamilika na ripoti imefungwa.",
  caseAssigned: "Baraza: kesi {reference} imepewa kitengo chako. Fungua Baraza uithibitishe.",
  caseReminderAcknowledge: "Baraza: ukumbusho: kesi {reference} inasubiri uithibitishe kwenye Baraza.",
  caseReminderAct:
    "Baraza: ukumbusho: kesi {reference} inahitaji hatua ya kwanza irekodiwe kwenye Baraza hivi karibuni.",
  caseEscalatedAcknowledge:
    "Baraza: kesi {reference} haikuthibitishwa kwa wakati na sasa imepandishwa kwako. Tafadhali ifuatilie kwenye Baraza.",
  caseEscalatedAct:
    "Baraza: hakuna hatua iliyorekodiwa kwenye kesi {reference} kwa wakati. Sasa imepandishwa kwako. Tafadhali ifuatilie kwenye Baraza.",
  ussdWelcome: en.ussdWelcome,
  ussdMainMenu: "Baraza\n1 Ripoti tukio\n2 Fuatilia ripoti",
  ussdCategoryPrompt: "Nini kilitokea?",
  ussdCountyPrompt: "Kaunti gani? Chagua au andika jina",
  ussdLocalityPrompt: "Wapi ndani ya {county}? Chagua au andika",
  ussdNotListed: "Haipo hapa",
  ussdDontKnow: "Sijui",
  ussdMore: "Zaidi",
  ussdBack: "Rudi",
  ussdTypePlace: "Andika jina la mahali:",
  ussdWhenPrompt: "Ilitokea lini?",
  whenToday: "Leo",
  whenYesterday: "Jana",
  whenThisWeek: "Wiki hii",
  whenEarlier: "Zamani kidogo",
  ussdDescriptionPrompt: "Eleza kwa ufupi. Majina si lazima.\n0 Ruka",
  ussdContactPrompt: "Tukupigie kwa nambari hii?",
  ussdContactNo: "Hapana, nisijulikane",
  ussdContactYes: "Ndiyo, mnaweza kunipigia",
  ussdConfirmPrompt: "Tuma ripoti hii?",
  ussdSend: "Tuma",
  ussdCancel: "Ghairi",
  ussdCancelled: "Imeghairiwa. Hakuna kilichotumwa.",
  ussdSending: "Asante. Ripoti yako inatumwa.",
  ussdConfirmed:
    "Asante. Ripoti imetumwa. Nambari yako ni {reference}. Iandike: kuifuatilia, piga tena uchague 2.",
  ussdReferencePrompt: "Weka nambari ya ripoti, kwa mfano BRZ7KX2:",
  ussdStatusUnavailable: "Hatuwezi kuangalia ripoti sasa hivi. Tafadhali jaribu tena baadaye.",
  ussdInvalidChoice: "Chaguo si sahihi.",
  ussdInvalidReference: "Nambari hiyo si sahihi.",
  ussdNoMatch: "Hakuna inayolingana.",
};

const catalogues: Record<Locale, { readonly [K in MessageKey]: string }> = { en, sw };

export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;
/** Keys whose template has no placeholders: `t(locale, key)` needs no parameters for these. */
export type PlainMessageKey = {
  [K in MessageKey]: [Placeholders<(typeof en)[K]>] extends [never] ? K : never;
}[MessageKey];
export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string | number>;
type ParamArgs<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [params: MessageParams<K>];

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a template uses, in order; the tests hold both languages to the same set. */
export function placeholdersOf(locale: Locale, key: MessageKey): string[] {
  return [...catalogues[locale][key].matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
}

/** Renders a message. The parameter object is required exactly when the English template has placeholders. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...args: ParamArgs<K>): string {
  const params = (args[0] ?? {}) as Record<string, string | number>;
  return catalogues[locale][key].replace(PLACEHOLDER, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Message "${key}" needs the parameter {${name}}`);
    return String(value);
  });
}

/** What a resident is told about a report: report and case states collapsed into one plain list. */
export const RESIDENT_STATUSES = [
  "new",
  "triaged",
  "verified",
  "rejected",
  "duplicate",
  "case_open",
  "case_in_progress",
  "case_resolved",
  "case_closed",
] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

const STATUS_KEYS = {
  new: "statusNew",
  triaged: "statusTriaged",
  verified: "statusVerified",
  rejected: "statusRejected",
  duplicate: "statusDuplicate",
  case_open: "statusCaseOpen",
  case_in_progress: "statusCaseInProgress",
  case_resolved: "statusCaseResolved",
  case_closed: "statusCaseClosed",
} as const satisfies Record<ResidentStatus, MessageKey>;

/** The status line for a reference, or the "no such report" line when the lookup found nothing. */
export function statusMessage(locale: Locale, reference: string, status: ResidentStatus | null): string {
  if (status === null) return t(locale, "unknownReference", { reference });
  return t(locale, STATUS_KEYS[status], { reference });
}

// ---- GSM 03.38 (the 7-bit SMS/USSD alphabet) ----

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// Extended characters are sent as an escape plus a code, so each costs two of the 160.
const GSM7_EXTENDED = "\f^{}\\[~]|€";
const GSM7_BASIC_SET = new Set(GSM7_BASIC);
const GSM7_EXTENDED_SET = new Set(GSM7_EXTENDED);

function gsm7Cost(char: string): number | null {
  if (GSM7_BASIC_SET.has(char)) return 1;
  if (GSM7_EXTENDED_SET.has(char)) return 2;
  return null;
}

/** Length in GSM-7 septets, or null when the text holds a character GSM-7 cannot carry. */
export function gsm7Length(text: string): number | null {
  let total = 0;
  for (const char of text) {
    const cost = gsm7Cost(char);
    if (cost === null) return null;
    total += cost;
  }
  return total;
}

export const isGsm7 = (text: string): boolean => gsm7Length(text) !== null;

const LOOKALIKES: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2026": "...",
  "\u00a0": " ",
  "\t": " ",
};

/**
 * Makes any text safe to show on a screen or in an SMS: typographic punctuation becomes ASCII,
 * accents are dropped, and whatever GSM-7 still cannot carry (emoji, other scripts) is removed.
 */
export function toGsm7(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const mapped = LOOKALIKES[char] ?? char;
    if (isGsm7(mapped)) {
      out += mapped;
      continue;
    }
    const stripped = mapped.normalize("NFD").replace(/\p{M}/gu, "");
    if (isGsm7(stripped)) out += stripped;
  }
  return out;
}

/** Cuts text to at most `max` GSM-7 septets, marking the cut with "..". Non-GSM characters are dropped first. */
export function truncateGsm7(text: string, max: number): string {
  const safe = toGsm7(text);
  if ((gsm7Length(safe) ?? 0) <= max) return safe;
  const ellipsis = max > 4 ? ".." : "";
  let out = "";
  let used = 0;
  for (const char of safe) {
    const cost = gsm7Cost(char) ?? 0;
    if (used + cost > max - ellipsis.length) break;
    out += char;
    used += cost;
  }
  return out.trimEnd() + ellipsis;
}
