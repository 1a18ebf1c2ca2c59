// Every word of the public pages, in English and Kiswahili. Plain, short sentences: many residents
// read on a small screen, some read Kiswahili better than English, and all of them may be afraid.
import type { Locale } from "../../../common/taxonomy.ts";

const en = {
  languageName: "English",
  languageLabel: "Language",
  emergency: "Emergency? Call 999 or 112.",
  // The report form
  reportTitle: "Report something safely",
  reportIntro:
    "Tell us what happened. The programme team reads every report and passes it to people who can act.",
  anonymity: "You do not need to give your name.",
  whatHappened: "What happened?",
  whatHappenedHint: "Say what happened and who was hurt or affected. At most 5,000 characters.",
  whatHappenedPrivacy:
    "Please do not write names, phone numbers or e-mail addresses here. We hide them from staff, but it is safer not to type them.",
  kindLegend: "What kind of problem is it?",
  dontKnow: "I don't know",
  whereLegend: "Where did it happen?",
  county: "County",
  countyNone: "I don't know",
  place: "Place, estate or village",
  placeHint: "For example Kaptembwo, Majengo, or the name of a market.",
  showPlaces: "Show places in this county",
  chooseCountyFirst: "Choose a county first, then press Show places in this county.",
  placeList: "Or choose a place in {county}",
  placeListNone: "Not in the list",
  placeListShown: "Choose the place in the list if it is there. Then press Send report at the bottom.",
  wardSuffix: "ward",
  whenLegend: "When did it happen?",
  whenToday: "Today",
  whenYesterday: "Yesterday",
  whenThisWeek: "This week",
  whenEarlier: "Before this week",
  whenUnknown: "I don't know",
  date: "Or the date",
  dateHint: "The day it happened, if you know it.",
  contactLegend: "Contact (you may leave this empty)",
  contactHint:
    "Give a number only if we may contact you. Your number and name are locked away: police and government officers never see them.",
  phone: "Phone number",
  name: "Your name",
  consent: "You may contact me about this report",
  send: "Send report",
  fixErrors: "Please correct what is marked below. Nothing was sent yet.",
  // Field problems
  textEmpty: "Write what happened.",
  textTooLong: "This is {count} characters long. The limit is 5,000: please shorten it.",
  categoryInvalid: "Choose one of the kinds in the list.",
  countyInvalid: "Choose a county from the list.",
  localityInvalid: "Choose a place in the county you chose, or Not in the list.",
  placeTooLong: "Write at most 200 characters.",
  whenInvalid: "Choose one of the answers in the list.",
  dateInvalid: "Write the date as day/month/year, for example 21/11/2026.",
  dateFuture: "The date cannot be in the future.",
  phoneInvalid: "Write a Kenyan mobile number, for example 0712 345 678, or leave it empty.",
  nameTooLong: "Write at most 100 characters.",
  consentMissing: "Tick this box if we may contact you, or clear your number and name to stay anonymous.",
  consentWithoutContact: "Write a phone number so that we can contact you, or untick the box.",
  // Control characters (NUL and the like, usually from a copy-paste)
  controlCharacters:
    "Your text contains characters that cannot be stored (e.g. from copy-paste). Please retype it.",
  controlCharactersNotice:
    "Your text contains characters that cannot be stored (e.g. from copy-paste). Please retype it. Nothing was sent yet.",
  controlCharactersField:
    "We removed characters that cannot be stored from here. Check it and retype anything missing.",
  // Too many reports from one connection
  rateLimitedTitle: "Too many reports from this connection",
  rateLimited:
    "Many reports were sent from this connection in the last hour, so this one was not sent. Please try again in an hour: your words are kept below. If someone's life is in danger now, call 999 or 112.",
  rateLimitedFollowUp:
    "Too many checks from this connection. Please try again in an hour. If someone's life is in danger now, call 999 or 112.",
  emergencyNow: "If someone's life is in danger now, call 999 or 112.",
  // The receipt
  receiptTitle: "Your report was sent",
  writeDown: "Write these down and keep them private. You need both to check your report.",
  reference: "Report number",
  pin: "PIN",
  pinOnce: "We cannot send you the PIN again: without it, you cannot check this report.",
  receiptWindow: "For your safety, this page shows the PIN for 30 minutes only.",
  receiptExpiredTitle: "This receipt is no longer shown",
  receiptExpired:
    "For your safety, the report number and PIN are shown for 30 minutes only after sending. To check your report, go to {link} and enter the report number and PIN you wrote down.",
  nextTitle: "What happens next",
  nextRead: "The programme team reads your report and passes it to people who can act on it.",
  nextCheck: "To see what is happening, go to {link} and enter your report number and PIN.",
  nextContact: "We may contact you on the number you gave.",
  nextAnonymous: "Your report has no name or number, so we cannot contact you. Check it yourself.",
  anotherReport: "Send another report",
  // Follow-up
  followUpTitle: "Check your report",
  followUpIntro: "Enter the report number and PIN you were given when you sent the report.",
  referenceField: "Report number, for example BRZ-7KX2Q",
  pinField: "PIN (6 digits)",
  check: "Check",
  referenceMissing: "Write the report number.",
  pinMissing: "Write the 6-digit PIN.",
  noMatch:
    "We found no report with this number and PIN. Check both and try again. After 5 wrong tries, checking is paused for one hour.",
  locked: "There were too many wrong tries. Checking this report is paused for one hour. Try again later.",
  reportTitleRef: "Report {reference}",
  statusHeading: "Status",
  sentOn: "Sent on {date}.",
  youWrote: "What you wrote",
  youAdded: "What you added",
  addedOn: "Added on {date}",
  addTitle: "Add information",
  addHint: "Something new, or something you forgot. At most 5,000 characters.",
  add: "Add",
  added: "Thank you. We added this to your report.",
  addEmpty: "Write what you want to add.",
  checkAnother: "Check another report",
  newReport: "Send a new report",
  // Something broke on our side
  errorTitle: "Something went wrong",
  errorBody:
    "Something went wrong on our side, and your report may not have been sent. Please try again later.",
  requestErrorBody: "We could not read what was sent. Please open the form again and try once more.",
} as const;

export type TextKey = keyof typeof en;
export type PageTexts = { readonly [K in TextKey]: string };

const sw: PageTexts = {
  languageName: "Kiswahili",
  languageLabel: "Lugha",
  emergency: "Dharura? Piga 999 au 112.",
  reportTitle: "Ripoti jambo kwa usalama",
  reportIntro:
    "Tueleze kilichotokea. Timu ya mpango husoma kila ripoti na kuipeleka kwa watu wanaoweza kuchukua hatua.",
  anonymity: "Huhitaji kutaja jina lako.",
  whatHappened: "Nini kilitokea?",
  whatHappenedHint: "Eleza kilichotokea na nani aliumia au kuathirika. Herufi zisizozidi 5,000.",
  whatHappenedPrivacy:
    "Tafadhali usiandike majina, nambari za simu wala anwani za barua pepe hapa. Tunayaficha kwa wafanyakazi, lakini ni salama zaidi kutoyaandika.",
  kindLegend: "Ni tatizo la aina gani?",
  dontKnow: "Sijui",
  whereLegend: "Ilitokea wapi?",
  county: "Kaunti",
  countyNone: "Sijui",
  place: "Mahali, mtaa au kijiji",
  placeHint: "Kwa mfano Kaptembwo, Majengo, au jina la soko.",
  showPlaces: "Onyesha maeneo ya kaunti hii",
  chooseCountyFirst: "Chagua kaunti kwanza, kisha bonyeza Onyesha maeneo ya kaunti hii.",
  placeList: "Au chagua eneo ndani ya {county}",
  placeListNone: "Halipo kwenye orodha",
  placeListShown: "Chagua eneo kwenye orodha kama lipo. Kisha bonyeza Tuma ripoti chini kabisa.",
  wardSuffix: "wadi",
  whenLegend: "Ilitokea lini?",
  whenToday: "Leo",
  whenYesterday: "Jana",
  whenThisWeek: "Wiki hii",
  whenEarlier: "Kabla ya wiki hii",
  whenUnknown: "Sijui",
  date: "Au tarehe",
  dateHint: "Siku ilipotokea, kama unaijua.",
  contactLegend: "Mawasiliano (unaweza kuacha wazi)",
  contactHint:
    "Andika nambari tu kama tunaweza kuwasiliana nawe. Nambari na jina lako hufichwa: polisi na maafisa wa serikali hawazioni kamwe.",
  phone: "Nambari ya simu",
  name: "Jina lako",
  consent: "Mnaweza kuwasiliana nami kuhusu ripoti hii",
  send: "Tuma ripoti",
  fixErrors: "Tafadhali sahihisha sehemu zilizowekwa alama hapa chini. Bado hakuna kilichotumwa.",
  textEmpty: "Andika kilichotokea.",
  textTooLong: "Hii ina herufi {count}. Kikomo ni herufi 5,000: tafadhali ifupishe.",
  categoryInvalid: "Chagua mojawapo ya aina zilizo kwenye orodha.",
  countyInvalid: "Chagua kaunti kutoka kwenye orodha.",
  localityInvalid: "Chagua eneo ndani ya kaunti uliyochagua, au Halipo kwenye orodha.",
  placeTooLong: "Andika herufi zisizozidi 200.",
  whenInvalid: "Chagua mojawapo ya majibu yaliyo kwenye orodha.",
  dateInvalid: "Andika tarehe kama siku/mwezi/mwaka, kwa mfano 21/11/2026.",
  dateFuture: "Tarehe haiwezi kuwa ya siku zijazo.",
  phoneInvalid: "Andika nambari ya simu ya Kenya, kwa mfano 0712 345 678, au iache wazi.",
  nameTooLong: "Andika herufi zisizozidi 100.",
  consentMissing:
    "Weka alama kwenye kisanduku hiki kama tunaweza kuwasiliana nawe, au futa nambari na jina ili usijulikane.",
  consentWithoutContact: "Andika nambari ya simu ili tuweze kuwasiliana nawe, au ondoa alama.",
  controlCharacters:
    "Maandishi yako yana herufi ambazo haziwezi kuhifadhiwa (k.m. kutokana na kunakili na kubandika). Tafadhali yaandike upya.",
  controlCharactersNotice:
    "Maandishi yako yana herufi ambazo haziwezi kuhifadhiwa (k.m. kutokana na kunakili na kubandika). Tafadhali yaandike upya. Bado hakuna kilichotumwa.",
  controlCharactersField:
    "Tumeondoa hapa herufi zisizoweza kuhifadhiwa. Yakague na uandike upya kilichopotea.",
  rateLimitedTitle: "Ripoti nyingi mno kutoka kwenye mtandao huu",
  rateLimited:
    "Ripoti nyingi zimetumwa kutoka kwenye mtandao huu saa iliyopita, kwa hiyo hii haikutumwa. Tafadhali jaribu tena baada ya saa moja: maneno yako yamehifadhiwa hapa chini. Kama maisha ya mtu yako hatarini sasa, piga 999 au 112.",
  rateLimitedFollowUp:
    "Maombi mengi mno kutoka kwenye mtandao huu. Tafadhali jaribu tena baada ya saa moja. Kama maisha ya mtu yako hatarini sasa, piga 999 au 112.",
  emergencyNow: "Kama maisha ya mtu yako hatarini sasa, piga 999 au 112.",
  receiptTitle: "Ripoti yako imetumwa",
  writeDown: "Ziandike na uziweke siri. Unahitaji zote mbili kufuatilia ripoti yako.",
  reference: "Nambari ya ripoti",
  pin: "PIN",
  pinOnce: "Hatuwezi kukutumia PIN tena: bila PIN, hutaweza kufuatilia ripoti hii.",
  receiptWindow: "Kwa usalama wako, ukurasa huu unaonyesha PIN kwa dakika 30 tu.",
  receiptExpiredTitle: "Risiti hii haionyeshwi tena",
  receiptExpired:
    "Kwa usalama wako, nambari ya ripoti na PIN huonyeshwa kwa dakika 30 tu baada ya kutuma. Kufuatilia ripoti yako, nenda {link} uweke nambari ya ripoti na PIN uliyoandika.",
  nextTitle: "Nini kitafuata",
  nextRead: "Timu ya mpango husoma ripoti yako na kuipeleka kwa watu wanaoweza kuishughulikia.",
  nextCheck: "Kuona kinachoendelea, nenda {link} uweke nambari ya ripoti na PIN yako.",
  nextContact: "Huenda tukawasiliana nawe kwa nambari uliyotoa.",
  nextAnonymous:
    "Ripoti yako haina jina wala nambari, kwa hiyo hatuwezi kuwasiliana nawe. Ifuatilie mwenyewe.",
  anotherReport: "Tuma ripoti nyingine",
  followUpTitle: "Fuatilia ripoti yako",
  followUpIntro: "Weka nambari ya ripoti na PIN uliyopewa ulipotuma ripoti.",
  referenceField: "Nambari ya ripoti, kwa mfano BRZ-7KX2Q",
  pinField: "PIN (tarakimu 6)",
  check: "Angalia",
  referenceMissing: "Andika nambari ya ripoti.",
  pinMissing: "Andika PIN ya tarakimu 6.",
  noMatch:
    "Hatukupata ripoti yenye nambari hii na PIN hii. Angalia zote mbili ujaribu tena. Baada ya makosa 5, ukaguzi husimamishwa kwa saa moja.",
  locked: "Umekosea mara nyingi mno. Ukaguzi wa ripoti hii umesimamishwa kwa saa moja. Jaribu tena baadaye.",
  reportTitleRef: "Ripoti {reference}",
  statusHeading: "Hali",
  sentOn: "Ilitumwa tarehe {date}.",
  youWrote: "Ulichoandika",
  youAdded: "Ulichoongeza",
  addedOn: "Iliongezwa tarehe {date}",
  addTitle: "Ongeza maelezo",
  addHint: "Jambo jipya, au ulilosahau. Herufi zisizozidi 5,000.",
  add: "Ongeza",
  added: "Asante. Tumeongeza haya kwenye ripoti yako.",
  addEmpty: "Andika unachotaka kuongeza.",
  checkAnother: "Fuatilia ripoti nyingine",
  newReport: "Tuma ripoti mpya",
  errorTitle: "Kuna tatizo",
  errorBody: "Kuna tatizo upande wetu, na huenda ripoti yako haikutumwa. Tafadhali jaribu tena baadaye.",
  requestErrorBody: "Hatukuweza kusoma kilichotumwa. Tafadhali fungua fomu tena ujaribu mara nyingine.",
};

const catalogues: Record<Locale, PageTexts> = { en, sw };

export function textsFor(locale: Locale): PageTexts {
  return catalogues[locale];
}

/** Fills `{name}` placeholders; a missing parameter is a programming error, so it throws. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The text "${template}" needs {${name}}`);
    return String(value);
  });
}

export const isLocale = (value: unknown): value is Locale => value === "en" || value === "sw";

/**
 * The page language: an explicit choice (kept in the query string or a form field, never a cookie
 * that could mark the device), else the browser's preferred language among ours, else Kiswahili.
 */
export function chooseLocale(chosen: unknown, acceptLanguage: string | undefined): Locale {
  if (isLocale(chosen)) return chosen;
  const preferences = (acceptLanguage ?? "")
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { language: tag.split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((p) => Number.isFinite(p.q) && p.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return preferences.map((p) => p.language).find(isLocale) ?? "sw";
}
