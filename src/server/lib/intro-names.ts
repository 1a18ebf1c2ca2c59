// Names residents give when they introduce themselves ("my name is Grace Wambui", "mimi ni Peter
// Kamau", "naitwa …", "jina langu ni …"), in English, Kiswahili and Sheng. A name is looked for only
// right after such a phrase, so an ordinary capitalised word elsewhere is never taken for one.
import { isKenyanName, NAMES_THAT_ARE_WORDS } from "./kenyan-names.ts";
import type { IdentifyingSpan } from "./redact.ts";

/**
 * How sure a phrase is that a name follows: "said" phrases name whatever follows (unless it is a
 * common word), "maybe" phrases ("I am", "mimi ni") only a capitalised or well-known name, and
 * "known" phrases ("this is", "hapa ni") only a well-known name.
 */
type Strength = "said" | "maybe" | "known";

const PHRASES: readonly [RegExp, Strength][] = [
  [/\bmy\s+(?:full\s+)?names?\s*(?:is|are|'s|ni)\b|\bmy\s+name's\b/gi, "said"],
  [/\b(?:i\s+am|i'm|im|am)\s+(?:called|known\s+as|named)\b/gi, "said"],
  [/\b(?:they|people|everyone|wengi)\s+call\s+me\b/gi, "said"],
  [/\b(?:n(?:in)?a|niki|nita|hu)itwa(?:ga)?\b/gi, "said"],
  [/\b(?:jina|majina)\s+(?:langu|lang|yangu|yang)(?:\s+kamili)?(?:\s+ni)?\b/gi, "said"],
  [/\b(?:jina|majina)\s+ni\b/gi, "said"],
  [/\b(?:wanani(?:ita|ita ga)|ninajulikana\s+kama|najulikana\s+kama|najulikanwa\s+kama)\b/gi, "said"],
  [/\b(?:name|names|jina|majina|sign|signed|sender|from|kutoka\s+kwa)\s*:/gi, "said"],
  [/\b(?:niite|niiteni|mniite|unaweza\s+kuniita|mnaweza\s+kuniita)\b/gi, "said"],
  [/\b(?:i\s+am|i'm|im)\b/gi, "maybe"],
  [/\b(?:mimi|mi|mie|mimi\s+binafsi)\s+ni\b|\bni\s+mimi\b/gi, "maybe"],
  [/\bcall\s+me\b|\bit'?s\s+me\b/gi, "maybe"],
  [/\b(?:regards|thanks|thank\s+you|asante|sincerely|signed|wako|wenu|yours)\b\s*,?/gi, "maybe"],
  [/\b(?:this\s+is|hapa\s+ni|it\s+is|it'?s|ni)\b/gi, "known"],
];

/** Titles kept in the text ("Mama [name hidden]"): not the name itself. */
export const TITLES: ReadonlySet<string> = new Set(
  "mama baba mzee mr mrs ms miss dr pastor rev bishop mwalimu teacher sheikh imam madam bw bi bwana dada kaka shosh cucu auntie aunty uncle mathe buda".split(
    " ",
  ),
);

/** Words that follow an introduction phrase but are not names. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  `a an the and or but so not no yes from of in at on to for with by near about as is am are was were be been
  i me my we us our you he she they it this that these those who which what here there now today also just only
  please pls plz kindly sir madam call text sms reach contact number phone live living stay staying resident
  writing reporting report calling want would like afraid scared worried sure sorry concerned tired happy sad
  mother father parent teacher student neighbour neighbor witness victim driver trader member chairman elder
  youth widow nurse farmer business businessman hawker watchman guard tenant landlord boda rider still currently
  kenyan muslim christian catholic one two three very really going coming back again not telling anonymous
  na ni wa ya za la kwa katika kutoka mimi yangu wangu langu letu yetu nipigie nipige niitie nitumie piga tuma
  niko nipo nakaa naishi ninaishi ninakaa mkazi mkaaji hapa huku kule sasa leo jana pia tu sana hapana sio si
  ndio ndiyo lakini au kama mtoto mzazi kijana vijana mwanamke mwanaume msichana mvulana mkenya shahidi jirani
  mwanafunzi mfanyabiashara dereva askari polisi chifu mjane mgonjwa mjamzito mlemavu nataka ningependa naomba
  sitaki siwezi nina ninataka nimeona niliona namba nambari mkristo mwislamu mama baba hii huyu yule hao wao
  sisi nyinyi wewe yeye mwenye mwenyeji mgeni mkulima mchuuzi mlinzi mpangaji nimekuja nimefika nimeshtuka
  naogopa nimeogopa nimechoka nilikuwa ninajua najua sijui msee maze manze bro buda mbogi poa fiti sawa ati
  juu chini karibu mbele nyuma mtaa estate kijiji wanaitwa anaitwa wanajiita aliitwa siri secret private hidden
  withheld anonymous unknown later kamili
  mkikuyu mluo mkalenjin mkamba mluhya mmaasai msomali mmeru mkisii mswahili mgiriama mdigo mteso mturkana
  god mungu jesus yesu allah christ lord bwana
  kikuyu luo kalenjin kamba luhya maasai somali meru kisii swahili giriama teso turkana pokot ugandan tanzanian mnipigie mtanipigia utanipata nitapatikana nipate nikupigie mpigie`
    .split(/\s+/)
    .filter(Boolean),
);

/** A listed name, except one that is also a common word ("faith", "juma") unless written as a name. */
function isKnownName(word: string): boolean {
  const lower = word.toLowerCase();
  return isKenyanName(lower) && (!NAMES_THAT_ARE_WORDS.has(lower) || looksCapitalised(word));
}

const WORD = /^[\p{L}][\p{L}'’-]*/u;

export function looksCapitalised(word: string): boolean {
  // "Grace" but not "GRACE": a message typed in capitals says nothing about names.
  return /^\p{Lu}/u.test(word) && /\p{Ll}/u.test(word);
}

function acceptable(word: string, strength: Strength, first: boolean, capitalisedRun: boolean): boolean {
  const lower = word.toLowerCase();
  if (word.length < 2 || NOT_NAMES.has(lower) || TITLES.has(lower)) return false;
  if (isKnownName(word)) return true;
  if (strength === "known") return false;
  if (looksCapitalised(word)) return first || capitalisedRun;
  // A lowercase word counts only after a phrase that says a name follows, and after a lowercase start.
  return strength === "said" && (first || !capitalisedRun);
}

/** The words of the name that starts at `from` (after the phrase), or null. */
function nameAfter(text: string, from: number, strength: Strength): IdentifyingSpan | null {
  let at = from;
  const skip = () => {
    const gap = /^[ \t\u00a0]*[:\-–]?[ \t\u00a0]*/.exec(text.slice(at));
    at += gap ? gap[0].length : 0;
  };
  skip();
  // A title before the name stays ("Mama [name hidden]").
  const title = WORD.exec(text.slice(at));
  if (title && TITLES.has(title[0].toLowerCase().replace(/\.$/, ""))) {
    at += title[0].length + (text[at + title[0].length] === "." ? 1 : 0);
    skip();
  }
  let start = -1;
  let end = -1;
  let capitalisedRun = false;
  for (let words = 0; words < 4; words++) {
    const word = WORD.exec(text.slice(at));
    if (!word) break;
    const first = words === 0;
    if (!acceptable(word[0], strength, first, capitalisedRun)) break;
    if (first) {
      start = at;
      capitalisedRun = looksCapitalised(word[0]);
    }
    // After a lowercase start, at most two words: "naitwa peter kamau".
    if (!capitalisedRun && words >= 2) break;
    end = at + word[0].length;
    at = end;
    const space = /^[ \u00a0]+/.exec(text.slice(at));
    if (!space || space[0].length > 2) break;
    at += space[0].length;
  }
  return start < 0 ? null : { start, end, kind: "name" };
}

const CONNECTORS = new Set("on at kwa tel simu phone number namba nambari no is ni - : ,".split(" "));

/**
 * A name written right before a number or an address ("Grace Wambui 0722…", "call Peter on 0722…"):
 * taken only when it holds a well-known name, so that "Kangemi 0722…" stays.
 */
export function findNamesBeside(text: string, contacts: readonly IdentifyingSpan[]): IdentifyingSpan[] {
  const spans: IdentifyingSpan[] = [];
  for (const contact of contacts) {
    const words = [
      ...text.slice(Math.max(0, contact.start - 80), contact.start).matchAll(/[\p{L}'’-]+|[:,-]/gu),
    ];
    const offset = Math.max(0, contact.start - 80);
    while (words.length && CONNECTORS.has((words[words.length - 1]?.[0] ?? "").toLowerCase())) words.pop();
    const run: RegExpExecArray[] = [];
    while (words.length && run.length < 3) {
      const word = words[words.length - 1] as RegExpExecArray;
      const lower = word[0].toLowerCase();
      const nameLike = isKnownName(word[0]) || (looksCapitalised(word[0]) && !NOT_NAMES.has(lower));
      if (!nameLike || TITLES.has(lower)) break;
      run.unshift(word);
      words.pop();
    }
    if (!run.some((w) => isKnownName(w[0]))) continue;
    const first = run[0] as RegExpExecArray;
    const last = run[run.length - 1] as RegExpExecArray;
    spans.push({ start: offset + first.index, end: offset + last.index + last[0].length, kind: "name" });
  }
  return spans;
}

/** Self-introductions' names: the name only, not the phrase ("my name is [name hidden]"). */
export function findIntroducedNames(text: string): IdentifyingSpan[] {
  const spans: IdentifyingSpan[] = [];
  for (const [phrase, strength] of PHRASES) {
    for (const match of text.matchAll(phrase)) {
      const span = nameAfter(text, match.index + match[0].length, strength);
      if (span) spans.push(span);
    }
  }
  return spans;
}
