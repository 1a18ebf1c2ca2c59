/**
 * Finds gazetteer places in SMS text: names and aliases of 1–6 words, spacing variants
 * ("githurai44", "lungalunga"), misspellings within 1–2 letters, "mjini X" for "X Town", and a bare
 * "Kuresoi" for Kuresoi North/South. Then resolves same-named places from the other places in the text.
 */
import type { Place } from "../../../../common/places/index.ts";
import { COMMON_WORDS, PLACE_MARKERS } from "./common-words.ts";
import { FuzzyIndex } from "./fuzzy.ts";
import { normalisePhrase, type Token } from "./text.ts";

type Source = "name" | "derived";
interface Candidate {
  place: Place;
  source: Source;
}

export interface PlaceMention {
  first: number;
  last: number;
  /** Most specific candidates only: a ward is dropped when its own locality matched too. */
  candidates: Place[];
  quality: number;
  fuzzy: boolean;
  /** A name that is also an everyday word, taken only with a marker or a neighbour in the same sub-county. */
  weak: boolean;
}

export interface ResolvedPlace {
  place: Place;
  county: Place;
  confidence: number;
  mention: PlaceMention;
}

interface FuzzyName {
  candidates: Candidate[];
  distance: number;
}

const MAX_SPAN = 6;
const FUZZY_MEMO_LIMIT = 20_000;
const MIN_FUZZY_LENGTH = 6;
const DIRECTION_SUFFIX = / (?:north|south|east|west|central)$/;
const TOWN_SUFFIX = / town$/;

function depth(place: Place): number {
  return place.path.split("/").length;
}

function isAncestor(ancestor: Place, of: Place): boolean {
  return of.path.startsWith(`${ancestor.path}/`);
}

function subCountyKey(place: Place): string | undefined {
  return place.path.split("/")[1];
}

export class PlaceIndex {
  readonly #byKey = new Map<string, Candidate[]>();
  readonly #byCompactKey = new Map<string, string>();
  readonly #fuzzy = new FuzzyIndex();
  readonly #byId = new Map<string, Place>();
  readonly #isVocabulary: (word: string) => boolean;
  /** Every word-prefix of a key ("mukuru", "mukuru kwa", …) and every letter-prefix of a glued key. */
  readonly #keyPrefixes = new Set<string>();
  readonly #compactPrefixes = new Set<string>();
  #fuzzyMemo = new Map<string, FuzzyName | null>();

  /** `isVocabulary` says whether a word means something else to triage (a lexicon word). */
  constructor(places: readonly Place[], isVocabulary: (word: string) => boolean = () => false) {
    this.#isVocabulary = isVocabulary;
    for (const place of places) {
      this.#byId.set(place.id, place);
      for (const spelling of [place.name, ...place.aliases]) this.#addKeys(normalisePhrase(spelling), place);
    }
    for (const [key, candidates] of this.#byKey) {
      const hasName = candidates.some((c) => c.source === "name");
      // A real name always beats a derived one: "kilifi" is the county, not Kilifi North/South.
      if (hasName)
        this.#byKey.set(
          key,
          candidates.filter((c) => c.source === "name"),
        );
      const compact = key.replaceAll(" ", "");
      if (!this.#byCompactKey.has(compact)) this.#byCompactKey.set(compact, key);
      const words = key.split(" ");
      for (let n = 1; n <= words.length; n++) this.#keyPrefixes.add(words.slice(0, n).join(" "));
      for (let n = 1; n <= compact.length; n++) this.#compactPrefixes.add(compact.slice(0, n));
      // Ward names are many and obscure, and too often one letter away from an everyday word.
      const spoken = this.#byKey.get(key)?.some((c) => c.place.kind !== "ward") ?? false;
      if (spoken && compact.length >= MIN_FUZZY_LENGTH && !this.#isEverydayPhrase(key))
        this.#fuzzy.add(compact);
    }
  }

  #addKeys(key: string, place: Place): void {
    if (key.length === 0) return;
    this.#add(key, place, "name");
    if (DIRECTION_SUFFIX.test(key)) this.#add(key.replace(DIRECTION_SUFFIX, ""), place, "derived");
    if (place.kind === "locality" && TOWN_SUFFIX.test(key)) {
      const town = key.replace(TOWN_SUFFIX, "");
      this.#add(`${town} mjini`, place, "derived");
      this.#add(`mjini ${town}`, place, "derived");
    }
  }

  #add(key: string, place: Place, source: Source): void {
    const list = this.#byKey.get(key);
    if (!list) this.#byKey.set(key, [{ place, source }]);
    else if (!list.some((c) => c.place.id === place.id)) list.push({ place, source });
  }

  placeById(id: string): Place | undefined {
    return this.#byId.get(id);
  }

  #isEverydayWord(word: string): boolean {
    return COMMON_WORDS.has(word) || this.#isVocabulary(word) || /^\d+$/.test(word);
  }

  #isEverydayPhrase(key: string): boolean {
    return key.split(" ").every((word) => this.#isEverydayWord(word));
  }

  /** Every place mention, longest first, with overlaps removed. */
  find(tokens: readonly Token[]): PlaceMention[] {
    const found: PlaceMention[] = [];
    for (let first = 0; first < tokens.length; first++) {
      const words: string[] = [];
      // Spans grow only while they can still become a key, spaced or glued ("shauri moyo").
      for (let last = first; last < tokens.length && last < first + MAX_SPAN; last++) {
        words.push(tokens[last]?.norm ?? "");
        if (!this.#keyPrefixes.has(words.join(" ")) && !this.#compactPrefixes.has(words.join(""))) break;
        const mention = this.#exactMention(words, first, last);
        if (mention) found.push(mention);
      }
      const fuzzy = this.#fuzzyMention([tokens[first]?.norm ?? ""], first, first);
      if (fuzzy && !found.some((m) => m.first === first && m.last === first)) found.push(fuzzy);
    }
    found.sort((a, b) => b.last - b.first - (a.last - a.first) || b.quality - a.quality || a.first - b.first);
    const kept: PlaceMention[] = [];
    for (const mention of found) {
      if (!kept.some((k) => k.first <= mention.last && mention.first <= k.last)) kept.push(mention);
    }
    return kept.sort((a, b) => a.first - b.first);
  }

  #exactMention(words: string[], first: number, last: number): PlaceMention | null {
    const key = words.join(" ");
    // Spacing variants ("lungalunga", "shauri moyo"), but never glued from scraps like "get a" → Geta.
    const compactAllowed =
      words.length === 1 || words.every((word) => word.length >= 3 || /^\d+$/.test(word));
    const compactKey = compactAllowed ? this.#byCompactKey.get(words.join("")) : undefined;
    const exactKey = this.#byKey.has(key) ? key : compactKey;
    const candidates = exactKey === undefined ? undefined : this.#byKey.get(exactKey);
    if (!candidates) return null;
    const derived = candidates.every((c) => c.source === "derived");
    const quality = (exactKey === key ? 1 : 0.95) * (derived ? 0.85 : 1);
    const weak = words.length === 1 && this.#isEverydayWord(key);
    return this.#mention(candidates, first, last, quality, false, weak);
  }

  /** One misspelt word, against the names people actually write (localities, sub-counties, counties). */
  #fuzzyMention(words: string[], first: number, last: number): PlaceMention | null {
    const word = words[0];
    if (
      words.length > 1 ||
      word === undefined ||
      word.length < MIN_FUZZY_LENGTH ||
      this.#isEverydayWord(word)
    ) {
      return null;
    }
    const hit = this.#closestSpokenName(word);
    if (!hit) return null;
    return this.#mention(hit.candidates, first, last, 0.8 - 0.1 * (hit.distance - 1), true, false);
  }

  #closestSpokenName(word: string): FuzzyName | null {
    const cached = this.#fuzzyMemo.get(word);
    if (cached !== undefined) return cached;
    const found = this.#lookupSpokenName(word);
    if (this.#fuzzyMemo.size >= FUZZY_MEMO_LIMIT) this.#fuzzyMemo = new Map();
    this.#fuzzyMemo.set(word, found);
    return found;
  }

  #lookupSpokenName(word: string): FuzzyName | null {
    const closest = this.#fuzzy.lookup(word).find((hit) => hit.word[0] === word[0]);
    if (!closest) return null;
    const key = this.#byCompactKey.get(closest.word);
    const candidates =
      key === undefined ? [] : (this.#byKey.get(key) ?? []).filter((c) => c.place.kind !== "ward");
    return candidates.length === 0 ? null : { candidates, distance: closest.distance };
  }

  #mention(
    candidates: Candidate[],
    first: number,
    last: number,
    quality: number,
    fuzzy: boolean,
    weak: boolean,
  ): PlaceMention {
    const places = candidates.map((c) => c.place);
    const mostSpecific = places.filter((p) => !places.some((other) => isAncestor(p, other)));
    return { first, last, candidates: mostSpecific, quality, fuzzy, weak };
  }

  /**
   * The most specific place the text names with confidence. A same-named place is settled by the
   * other places mentioned (same sub-county counts double); if its candidates still differ but share
   * a county, the answer is the nearest common ancestor; otherwise it stays unresolved.
   */
  resolve(tokens: readonly Token[], mentions: readonly PlaceMention[]): ResolvedPlace | null {
    const usable = mentions.filter((m) => !m.weak || hasMarker(tokens, m) || this.#corroborated(m, mentions));
    const resolved: ResolvedPlace[] = [];
    for (const mention of usable) {
      const outcome = this.#settle(mention, usable);
      if (outcome) resolved.push(outcome);
    }
    resolved.sort((a, b) => depth(b.place) - depth(a.place) || a.mention.first - b.mention.first);
    return resolved[0] ?? null;
  }

  /** Another place in the same sub-county anywhere in the text, or its county named right beside it. */
  #corroborated(weak: PlaceMention, mentions: readonly PlaceMention[]): boolean {
    return mentions.some((other) => {
      if (other === weak || other.weak) return false;
      const adjacent = other.first - weak.last <= 2 && weak.first - other.last <= 2;
      return other.candidates.some((o) =>
        weak.candidates.some(
          (w) =>
            subCountyKey(o) === subCountyKey(w) || (adjacent && o.kind === "county" && o.id === w.countyId),
        ),
      );
    });
  }

  #settle(mention: PlaceMention, all: readonly PlaceMention[]): ResolvedPlace | null {
    const others = all.filter((m) => m !== mention);
    const support = (candidate: Place): number =>
      others.reduce(
        (sum, other) => sum + Math.max(0, ...other.candidates.map((o) => affinity(candidate, o))),
        0,
      );
    let candidates = mention.candidates;
    let factor = candidates.length === 1 ? 1 : 0.85;
    if (candidates.length > 1) {
      const best = Math.max(...candidates.map(support));
      if (best > 0) candidates = candidates.filter((c) => support(c) === best);
    }
    const place = candidates.length === 1 ? candidates[0] : this.#commonAncestor(candidates);
    if (candidates.length > 1) factor = 0.6;
    if (!place) return null;
    const county = this.#byId.get(place.countyId);
    if (!county) return null;
    const confidence = Math.round(mention.quality * factor * (mention.weak ? 0.8 : 1) * 1000) / 1000;
    return { place, county, confidence, mention };
  }

  #commonAncestor(candidates: readonly Place[]): Place | undefined {
    const paths = candidates.map((p) => p.path.split("/"));
    const shared: string[] = [];
    for (let i = 0; paths.every((path) => path[i] !== undefined && path[i] === paths[0]?.[i]); i++) {
      shared.push(paths[0]?.[i] ?? "");
    }
    const id = shared.at(-1);
    return id === undefined ? undefined : this.#byId.get(id);
  }
}

function affinity(a: Place, b: Place): number {
  if (a.id === b.id) return 0;
  if (subCountyKey(a) !== undefined && subCountyKey(a) === subCountyKey(b)) return 2;
  return a.countyId === b.countyId ? 1 : 0;
}

const LINKING_WORDS = new Set(["ya", "la", "wa", "cha", "of"]);

/** "sokoni ward", "kata ya sokoni", "estate of london". */
function hasMarker(tokens: readonly Token[], mention: PlaceMention): boolean {
  let before = tokens[mention.first - 1]?.norm ?? "";
  if (LINKING_WORDS.has(before)) before = tokens[mention.first - 2]?.norm ?? "";
  const after = tokens[mention.last + 1]?.norm ?? "";
  return PLACE_MARKERS.has(before) || PLACE_MARKERS.has(after);
}
