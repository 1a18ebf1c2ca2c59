// Names mentioned in passing: victims, witnesses, neighbours and suspects that residents name
// anywhere in a report ("my neighbour Mary Achieng was beaten", "Otieno alipigwa na karao", "the boy
// Kevo was taken"). A word is taken for a name only when it is in the list of common Kenyan names
// (kenyan-names.ts), in any case ("JOSH", "brayo"), together with a neighbouring listed or
// capitalised word that makes a full name. It stays when it is part of a place or an institution
// ("Kenyatta Market", "Mama Lucy hospital", "St. Mary's", "barabara ya Moi", a gazetteer place), and
// when it follows an official's title ("OCS Kamau", "Chief Wanyama"): officials named by their
// office are public people acting in office, and staff need to know which one is meant.
import { loadGazetteer, normalisePlaceName } from "../../common/places/index.ts";
import { looksCapitalised, NOT_NAMES, TITLES } from "./intro-names.ts";
import { isKenyanName, NAMES_THAT_ARE_WORDS } from "./kenyan-names.ts";
import type { IdentifyingSpan } from "./redact.ts";

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/** A word after a name that makes it a place or an institution ("Moi Avenue", "Kevin's Bar"). */
const PLACE_WORDS = words(`road rd avenue ave street st lane drive highway bypass market stage estate hospital
  clinic dispensary school primary secondary high academy college university polytechnic church cathedral
  parish mosque masjid station stadium grounds ground hall centre center flats apartments court courts
  gardens bridge junction mall hotel bar club plaza building towers supermarket shop village ward location
  county constituency memorial nursing girls boys referral national teaching farm park hostel garage
  restaurant lounge pub`);
/** A word before a name that makes it a place or an institution ("St. Mary's", "Mount Kenya"). */
const PLACE_BEFORE = words("st saint mt mount lake river port fort");
/** Kiswahili puts the place word first: "barabara ya Moi", "shule ya Otieno", "soko la Mama Ngina". */
const SWAHILI_PLACE_WORDS = words(
  "barabara shule hospitali soko kanisa msikiti kituo mtaa hoteli uwanja kliniki",
);
/** Offices whose holders stay named: "OCS Kamau", "Chief Wanyama", "MCA Atieno". */
const OFFICIALS = words(`ocs ocpd mca mp dcc dc chief subchief sub-chief governor senator president officer
  inspector sergeant sgt corporal cpl constable commander commissioner hon mheshimiwa mhe chifu afisa afande
  deputy minister cs ps judge magistrate`);
/** Capitalised words that never continue a name. */
const NEVER_IN_NAME = words(`monday tuesday wednesday thursday friday saturday sunday january february march
  april may june july august september october november december jumatatu jumanne jumatano alhamisi ijumaa
  jumamosi jumapili yesterday today tonight jana leo juzi police polisi karao`);

let placeNames: Set<string> | undefined;
/** Every gazetteer name and alias, normalised; built once, on the first message with a listed name. */
function isPlaceName(text: string): boolean {
  if (!placeNames) {
    placeNames = new Set<string>();
    for (const place of loadGazetteer()) placeNames.add(normalisePlaceName(place.name));
  }
  return placeNames.has(normalisePlaceName(text));
}

interface Token {
  start: number;
  end: number;
  /** Lowercase, without a possessive "'s". */
  lower: string;
  word: string;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/\p{L}[\p{L}'’-]*/gu)].map((m) => {
    const word = m[0].replace(/['’]s$/i, "");
    return { start: m.index, end: m.index + word.length, word, lower: word.toLowerCase() };
  });
}

/** Whether a sentence starts at `at`: only the few characters before it are read, so long texts stay linear. */
const sentenceStart = (text: string, at: number) =>
  /(?:^|[.!?\n])["')\s]*$/.test(text.slice(Math.max(0, at - 12), at));
/** Only one or two spaces between the two words: no punctuation, no line break. */
const adjacent = (text: string, a: Token, b: Token) => /^[ \u00a0]{1,2}$/.test(text.slice(a.end, b.start));

/** A listed name that is not also a common word or a place: a name in any case. */
const surelyName = (t: Token) =>
  isKenyanName(t.lower) && !NAMES_THAT_ARE_WORDS.has(t.lower) && !isPlaceName(t.lower);

/** A listed name written as one: unambiguous, or capitalised where a sentence does not start. */
function listedName(text: string, t: Token): boolean {
  if (!isKenyanName(t.lower)) return false;
  return (
    surelyName(t) || (looksCapitalised(t.word) && !sentenceStart(text, t.start) && !isPlaceName(t.lower))
  );
}

/** A word that may stand beside a name as part of it: another listed name or a capitalised word. */
function nameNeighbour(text: string, t: Token, before: boolean): boolean {
  if (TITLES.has(t.lower) || OFFICIALS.has(t.lower) || PLACE_WORDS.has(t.lower)) return false;
  if (isKenyanName(t.lower)) return looksCapitalised(t.word) || surelyName(t);
  if (!looksCapitalised(t.word) || NOT_NAMES.has(t.lower) || NEVER_IN_NAME.has(t.lower)) return false;
  if (isPlaceName(t.lower)) return false;
  // "Yesterday Otieno …": a capitalised word at the start of a sentence says nothing.
  return !(before && sentenceStart(text, t.start));
}

/** Whether the name run tokens[from..to] is part of a place, an institution or an official's title. */
function placeOrOffice(text: string, list: Token[], from: number, to: number): boolean {
  const before = list[from - 1];
  if (before && adjacentish(text, before, list[from] as Token)) {
    if (PLACE_BEFORE.has(before.lower) || OFFICIALS.has(before.lower)) return true;
    const placeWord = list[from - 2];
    if (/^(?:ya|la|wa|cha)$/.test(before.lower) && placeWord && SWAHILI_PLACE_WORDS.has(placeWord.lower))
      return true;
  }
  // Up to two more capitalised words may sit between the name and the place word ("Kenyatta National Hospital").
  for (let i = to + 1; i <= to + 3 && i < list.length; i++) {
    const next = list[i] as Token;
    if (!adjacentish(text, list[i - 1] as Token, next)) break;
    if (PLACE_WORDS.has(next.lower)) return true;
    if (!looksCapitalised(next.word) && next.lower !== "and" && next.lower !== "of") break;
  }
  const run = text.slice((list[from] as Token).start, (list[to] as Token).end);
  return isPlaceName(run);
}

/** Adjacent, allowing the dot of an abbreviation ("St. Mary's", "Hon. Kamau"). */
const adjacentish = (text: string, a: Token, b: Token) =>
  /^\.?[ \u00a0]{1,2}$/.test(text.slice(a.end, b.start));

/** Names mentioned anywhere in `text`, each with the words beside it that complete it. */
export function findMentionedNames(text: string): IdentifyingSpan[] {
  const list = tokens(text);
  const spans: IdentifyingSpan[] = [];
  for (let i = 0; i < list.length; i++) {
    const token = list[i] as Token;
    if (!isKenyanName(token.lower)) continue;
    let from = i;
    let to = i;
    while (to + 1 < list.length && to - from < 3) {
      const next = list[to + 1] as Token;
      if (!adjacent(text, list[to] as Token, next) || !nameNeighbour(text, next, false)) break;
      to++;
    }
    while (from > 0 && to - from < 3) {
      const previous = list[from - 1] as Token;
      if (!adjacent(text, previous, list[from] as Token) || !nameNeighbour(text, previous, true)) break;
      from--;
    }
    const full =
      to > from && [list.slice(from, to + 1)].flat().some((t) => surelyName(t) || listedName(text, t));
    if ((full || listedName(text, token)) && !placeOrOffice(text, list, from, to)) {
      spans.push({ start: (list[from] as Token).start, end: (list[to] as Token).end, kind: "name" });
    }
    i = Math.max(i, to);
  }
  return spans;
}
