// Every string a resident reads by SMS or USSD, in English and Kiswahili.
// Rules for the text: plain words, short, GSM-7 characters only (no curly quotes, no emoji, no accents),
// so that a reply fits in one 160-character SMS and a USSD screen renders on any handset.
// Sheng speakers are answered in Kiswahili.
import type { ResidentStatus } from "./resident-status.ts";
import type { Locale } from "./taxonomy.ts";

const en = {
  // SMS replies
  // The receipt carries the PIN so that the resident can follow up from another phone or the web.
  smsReceived:
    "Baraza: report received. Code {reference} PIN {pin}. To add details send ADD {reference} and your text. Check it: STATUS {reference}. STOP ends SMS.",
  smsReceivedSeparate:
    "Baraza: saved as a NEW report, code {reference} PIN {pin}. If it is about {previous}, send ADD {previous} and your text instead.",
  detailsAttached:
    "Baraza: added to report {reference}. If this is a new incident, send it again starting with NEW.",
  addMissingReference:
    "Baraza: to add to a report send ADD, its code and your text, for example ADD BRZ-7KX2Q the men ran away.",
  statusMissingReference:
    "Baraza: send STATUS and your report code, for example STATUS BRZ-7KX2Q. From another phone add your PIN: STATUS BRZ-7KX2Q 123456.",
  // The same words whether the code exists or not, so that a reply never confirms a guessed code.
  statusNoMatch:
    "Baraza: we could not match that code and PIN. Send STATUS and the code from the phone you reported with, or STATUS code PIN from any phone.",
  addNoMatch:
    "Baraza: we could not match that code and PIN. Send ADD and the code from the phone you reported with, or ADD code PIN and your text.",
  statusLocked: "Baraza: too many wrong tries. Checking is paused for an hour. Please try again later.",
  stopConfirmed: "Baraza: you will get no more SMS from us. Send START to get messages again.",
  startConfirmed: "Baraza: SMS are on again. Send HELP to learn how to report.",
  help: "Baraza: say what happened, where and when, and send it here. Do not put your name or number in it. STATUS and your code checks a report. STOP ends SMS.",
  tooLong:
    "Baraza: your message is too long. Send at most {max} characters, or split it into shorter messages.",
  empty: "Baraza: your message was empty. Say what happened, where and when.",
  rateLimited:
    "Baraza: you have sent many messages. Please wait a while and try again. Emergency: call 999 or 112.",
  // Resident-facing report status, shared by SMS and USSD
  // (one line per stage of src/common/resident-status.ts; "received" until a person has decided)
  statusReceived: "Report {reference}: received, waiting to be reviewed by a person.",
  statusInReview: "Report {reference}: being reviewed by our team.",
  statusCaseOpen: "Report {reference}: reviewed and passed to the responders who can act on it.",
  statusCaseInProgress: "Report {reference}: responders are taking action on it.",
  statusCaseResolved:
    "Report {reference}: action was taken and the issue is resolved. Send a new report if it continues.",
  statusCaseClosed:
    "Report {reference}: follow-up is finished and the report is closed. Send a new report if it continues.",
  statusNotTakenForward:
    "Report {reference}: not taken forward, because we could not confirm it. You can send a new report.",
  statusNotEnoughDetail:
    "Report {reference}: not taken forward, because it did not say enough. Please send a new report saying where and when it happened.",
  statusNotASafetyMatter:
    "Report {reference}: not taken forward, because it is not a safety matter. Please take it to the local office that deals with it.",
  statusOutsideOurAreas:
    "Report {reference}: not taken forward, because it is outside the areas we cover. In an emergency call 999 or 112.",
  statusAlreadyHandled:
    "Report {reference}: not taken forward, because it is already being dealt with. Send a new report if it continues.",
  statusDuplicate:
    "Report {reference}: joined to another report of the same incident, which is being followed.",
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
  // The last step: whatever is typed here is the description, "*" included, and the report is sent.
  ussdDescriptionPrompt:
    "Last step: describe it briefly and it is sent. No names or numbers.\n0 Send without",
  ussdContactPrompt: "May we contact you on this number?",
  ussdContactNo: "No, stay anonymous",
  ussdContactYes: "Yes, you may contact me",
  ussdConfirmPrompt: "Your report:",
  ussdSend: "Continue",
  ussdCancel: "Cancel",
  ussdCancelled: "Cancelled. Nothing was sent.",
  ussdSending: "Thank you. Your report is being sent.",
  ussdConfirmed:
    "Thank you. Report sent. Code {reference} PIN {pin}. Write both down: to check it, dial again and choose 2.",
  ussdAlreadySent:
    "Your report was already sent. Code {reference}. Use the PIN shown then; to check it, dial again and choose 2.",
  ussdReferencePrompt: "Enter your report code, for example BRZ-7KX2Q:",
  ussdPinPrompt: "Enter the 6-digit PIN you were given with the code:",
  ussdStatusUnavailable: "We cannot check reports right now. Please try again later.",
  ussdStatusNoMatch:
    "We could not match that code and PIN. Dial from the phone you reported with, or enter the PIN you were given.",
  ussdStatusLocked: "Too many wrong tries. Checking is paused for an hour. Please try again later.",
  ussdInvalidChoice: "Invalid choice.",
  ussdInvalidReference: "That code is not valid.",
  ussdInvalidPin: "A PIN is 6 digits.",
  ussdNoMatch: "No match.",
} as const;

export type MessageKey = keyof typeof en;

const sw: { readonly [K in MessageKey]: string } = {
  smsReceived:
    "Baraza: ripoti imepokelewa. Nambari {reference} PIN {pin}. Kuongeza tuma ONGEZA {reference} na maelezo. Kufuatilia: HALI {reference}. ACHA husitisha SMS.",
  smsReceivedSeparate:
    "Baraza: imehifadhiwa kama ripoti MPYA, nambari {reference} PIN {pin}. Kama inahusu {previous}, tuma ONGEZA {previous} na maelezo badala yake.",
  detailsAttached:
    "Baraza: tumeongeza kwenye ripoti {reference}. Kama ni tukio jipya, ituma tena ukianza na MPYA.",
  addMissingReference:
    "Baraza: kuongeza kwenye ripoti tuma ONGEZA, nambari yake na maelezo, kwa mfano ONGEZA BRZ-7KX2Q wamekimbia.",
  statusMissingReference:
    "Baraza: tuma HALI na nambari ya ripoti yako, kwa mfano HALI BRZ-7KX2Q. Kutoka simu nyingine ongeza PIN: HALI BRZ-7KX2Q 123456.",
  statusNoMatch:
    "Baraza: hatukuweza kulinganisha nambari na PIN hiyo. Tuma HALI na nambari kutoka simu uliyoripotia, au HALI nambari PIN kutoka simu yoyote.",
  addNoMatch:
    "Baraza: hatukuweza kulinganisha nambari na PIN hiyo. Tuma ONGEZA na nambari kutoka simu uliyoripotia, au ONGEZA nambari PIN na maelezo.",
  statusLocked:
    "Baraza: majaribio mengi yasiyo sahihi. Kufuatilia kumesimamishwa kwa saa moja. Tafadhali jaribu tena baadaye.",
  stopConfirmed: "Baraza: hutapokea SMS zaidi kutoka kwetu. Tuma ANZA kupokea tena.",
  startConfirmed: "Baraza: SMS zimewashwa tena. Tuma MSAADA kujua jinsi ya kuripoti.",
  help: "Baraza: eleza kilichotokea, wapi na lini, kisha tuma hapa. Usiweke jina wala nambari yako. HALI na nambari ya ripoti hufuatilia. ACHA husitisha SMS.",
  tooLong: "Baraza: ujumbe wako ni mrefu mno. Tuma herufi zisizozidi {max}, au ugawanye katika jumbe fupi.",
  empty: "Baraza: ujumbe wako haukuwa na maneno. Eleza kilichotokea, wapi na lini.",
  rateLimited:
    "Baraza: umetuma jumbe nyingi. Tafadhali subiri kidogo kisha ujaribu tena. Dharura: piga 999 au 112.",
  statusReceived: "Ripoti {reference}: imepokelewa, inasubiri kukaguliwa na mtu.",
  statusInReview: "Ripoti {reference}: inakaguliwa na timu yetu.",
  statusCaseOpen: "Ripoti {reference}: imekaguliwa na kupelekwa kwa wanaoweza kuishughulikia.",
  statusCaseInProgress: "Ripoti {reference}: wahusika wanachukua hatua.",
  statusCaseResolved:
    "Ripoti {reference}: hatua zimechukuliwa na suala limetatuliwa. Tuma ripoti mpya likiendelea.",
  statusCaseClosed:
    "Ripoti {reference}: ufuatiliaji umekamilika na ripoti imefungwa. Tuma ripoti mpya likiendelea.",
  statusNotTakenForward:
    "Ripoti {reference}: haikuendelezwa kwa sababu hatukuweza kuithibitisha. Unaweza kutuma ripoti mpya.",
  statusNotEnoughDetail:
    "Ripoti {reference}: haikuendelezwa kwa sababu haikuwa na maelezo ya kutosha. Tuma ripoti mpya ukisema ni wapi na lini.",
  statusNotASafetyMatter:
    "Ripoti {reference}: haikuendelezwa kwa sababu si suala la usalama. Tafadhali ipeleke kwa ofisi ya eneo inayohusika.",
  statusOutsideOurAreas:
    "Ripoti {reference}: haikuendelezwa kwa sababu iko nje ya maeneo tunayohudumia. Kwa dharura piga 999 au 112.",
  statusAlreadyHandled:
    "Ripoti {reference}: haikuendelezwa kwa sababu tayari inashughulikiwa. Tuma ripoti mpya ikiendelea.",
  statusDuplicate: "Ripoti {reference}: imeunganishwa na ripoti nyingine ya tukio hilo hilo, inayofuatiliwa.",
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
  ussdDescriptionPrompt:
    "Hatua ya mwisho: eleza kwa ufupi nayo itatumwa. Bila majina wala nambari.\n0 Tuma bila maelezo",
  ussdContactPrompt: "Tukupigie kwa nambari hii?",
  ussdContactNo: "Hapana, nisijulikane",
  ussdContactYes: "Ndiyo, mnaweza kunipigia",
  ussdConfirmPrompt: "Ripoti yako:",
  ussdSend: "Endelea",
  ussdCancel: "Ghairi",
  ussdCancelled: "Imeghairiwa. Hakuna kilichotumwa.",
  ussdSending: "Asante. Ripoti yako inatumwa.",
  ussdConfirmed:
    "Asante. Ripoti imetumwa. Nambari {reference} PIN {pin}. Ziandike zote: kuifuatilia, piga tena uchague 2.",
  ussdAlreadySent:
    "Ripoti yako ilishatumwa. Nambari {reference}. Tumia PIN uliyoonyeshwa; kuifuatilia, piga tena uchague 2.",
  ussdReferencePrompt: "Weka nambari ya ripoti, kwa mfano BRZ-7KX2Q:",
  ussdPinPrompt: "Weka PIN ya tarakimu 6 uliyopewa pamoja na nambari:",
  ussdStatusUnavailable: "Hatuwezi kuangalia ripoti sasa hivi. Tafadhali jaribu tena baadaye.",
  ussdStatusNoMatch:
    "Hatukuweza kulinganisha nambari na PIN hiyo. Piga kutoka simu uliyoripotia, au weka PIN uliyopewa.",
  ussdStatusLocked:
    "Majaribio mengi yasiyo sahihi. Kufuatilia kumesimamishwa kwa saa moja. Jaribu tena baadaye.",
  ussdInvalidChoice: "Chaguo si sahihi.",
  ussdInvalidReference: "Nambari hiyo si sahihi.",
  ussdInvalidPin: "PIN ni tarakimu 6.",
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

export { RESIDENT_STATUSES, type ResidentStatus } from "./resident-status.ts";

const STATUS_KEYS = {
  received: "statusReceived",
  in_review: "statusInReview",
  case_open: "statusCaseOpen",
  case_in_progress: "statusCaseInProgress",
  case_resolved: "statusCaseResolved",
  case_closed: "statusCaseClosed",
  not_taken_forward: "statusNotTakenForward",
  not_taken_forward_not_enough_detail: "statusNotEnoughDetail",
  not_taken_forward_not_a_safety_matter: "statusNotASafetyMatter",
  not_taken_forward_outside_our_areas: "statusOutsideOurAreas",
  not_taken_forward_already_handled: "statusAlreadyHandled",
  duplicate: "statusDuplicate",
} as const satisfies Record<ResidentStatus, MessageKey>;

/**
 * The status line for a reference, or the no-match line when the check failed. The no-match line
 * names no reference: it reads the same whether the code exists or not.
 */
export function statusMessage(locale: Locale, reference: string, status: ResidentStatus | null): string {
  if (status === null) return t(locale, "statusNoMatch");
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
