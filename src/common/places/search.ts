// Search-as-you-type over the gazetteer: exact name/alias, then prefix, then word prefix, then small typos.
import { compactPlaceName, normalisePlaceName } from "./normalise.ts";
import type { Place, PlaceKind } from "./types.ts";

export interface SearchOptions {
  kinds?: PlaceKind[];
  /** A place id; only that place and places below it are returned. */
  within?: string;
  limit?: number;
}

interface SearchEntry {
  place: Place;
  order: number;
  kindRank: number;
  keys: string[];
  compactKeys: string[];
  /** Offsets where each key's words start; typos are matched against every word. */
  wordStarts: number[][];
}

export interface SearchIndex {
  entries: SearchEntry[];
}

interface Match {
  entry: SearchEntry;
  tier: number;
  distance: number;
  keyLength: number;
}

const DEFAULT_LIMIT = 10;
const TIER_EXACT = 0;
const TIER_PREFIX = 1;
const TIER_WORD_PREFIX = 2;
const TIER_FUZZY = 3;
// Localities rank before wards: residents name settlements and markets, rarely IEBC wards.
const KIND_RANK: Record<PlaceKind, number> = { county: 0, sub_county: 1, locality: 2, ward: 3 };

function keysOf(place: Place): string[] {
  const raw = [place.name, ...place.aliases];
  if (place.kind === "locality") raw.push(place.id.slice(2).replace(/-/g, " "));
  return [...new Set(raw.map(normalisePlaceName).filter((key) => key.length > 0))];
}

export function buildSearchIndex(places: readonly Place[]): SearchIndex {
  const entries = places.map((place, order) => {
    const keys = keysOf(place);
    const wordStarts = keys.map((key) => [0, ...[...key.matchAll(/ /g)].map((m) => m.index + 1)]);
    return {
      place,
      order,
      kindRank: KIND_RANK[place.kind],
      keys,
      compactKeys: keys.map(compactPlaceName),
      wordStarts,
    };
  });
  return { entries };
}

/**
 * Edit distance from `query` to the closest prefix of `target.slice(offset)`, or Infinity when above `max`.
 * Two reusable rows and no slicing: this runs for thousands of keys on every keystroke.
 */
export function prefixEditDistance(
  query: string,
  target: string,
  max: number,
  offset = 0,
  rows: [Int32Array, Int32Array] = [new Int32Array(query.length + 1), new Int32Array(query.length + 1)],
): number {
  const n = query.length;
  let [previous, current] = rows;
  for (let i = 0; i <= n; i++) previous[i] = i;
  let best = n;
  const lastColumn = Math.min(target.length - offset, n + max);
  for (let j = 1; j <= lastColumn; j++) {
    const targetCode = target.charCodeAt(offset + j - 1);
    current[0] = j;
    let columnMin = j;
    for (let i = 1; i <= n; i++) {
      const substitution = (previous[i - 1] as number) + (query.charCodeAt(i - 1) === targetCode ? 0 : 1);
      const value = Math.min((previous[i] as number) + 1, (current[i - 1] as number) + 1, substitution);
      current[i] = value;
      if (value < columnMin) columnMin = value;
    }
    best = Math.min(best, current[n] as number);
    // Distances never fall below the smallest value of the previous column, so stop early.
    if (columnMin > max) break;
    [previous, current] = [current, previous];
  }
  return best <= max ? best : Number.POSITIVE_INFINITY;
}

// Two typos in a seven-letter word already turn "majengo" into "maringo": allow two only from eight letters.
function allowedTypos(query: string): number {
  if (query.length < 4) return 0;
  return query.length < 8 ? 1 : 2;
}

function literalMatch(entry: SearchEntry, query: string, compactQuery: string): Match | undefined {
  let found: Match | undefined;
  entry.keys.forEach((key, k) => {
    const compactKey = entry.compactKeys[k] ?? key;
    let tier = -1;
    if (key === query || compactKey === compactQuery) tier = TIER_EXACT;
    else if (key.startsWith(query) || compactKey.startsWith(compactQuery)) tier = TIER_PREFIX;
    else if (key.includes(` ${query}`)) tier = TIER_WORD_PREFIX;
    if (tier === -1) return;
    if (!found || tier < found.tier || (tier === found.tier && key.length < found.keyLength)) {
      found = { entry, tier, distance: 0, keyLength: key.length };
    }
  });
  return found;
}

function fuzzyMatch(
  entry: SearchEntry,
  query: string,
  maxTypos: number,
  rows: [Int32Array, Int32Array],
): Match | undefined {
  let found: Match | undefined;
  entry.keys.forEach((key, k) => {
    // Typos may sit in any word: "njnga" should find Mukuru kwa Njenga.
    for (const start of entry.wordStarts[k] ?? [0]) {
      const distance = prefixEditDistance(query, key, maxTypos, start, rows);
      if (distance !== Number.POSITIVE_INFINITY && (!found || distance < found.distance)) {
        found = { entry, tier: TIER_FUZZY, distance, keyLength: key.length };
      }
    }
  });
  return found;
}

function compareMatches(a: Match, b: Match): number {
  return (
    a.tier - b.tier ||
    a.distance - b.distance ||
    a.entry.kindRank - b.entry.kindRank ||
    a.keyLength - b.keyLength ||
    a.entry.order - b.entry.order
  );
}

function isCandidate(entry: SearchEntry, options: SearchOptions): boolean {
  if (options.kinds && !options.kinds.includes(entry.place.kind)) return false;
  if (options.within && !pathContains(entry.place.path, options.within)) return false;
  return true;
}

/** True when `ancestorId` is one of the ids on `path` (a place is within itself). */
export function pathContains(path: string, ancestorId: string): boolean {
  if (ancestorId.length === 0 || ancestorId.includes("/")) return false;
  return `/${path}/`.includes(`/${ancestorId}/`);
}

export function search(index: SearchIndex, rawQuery: string, options: SearchOptions = {}): Place[] {
  const query = normalisePlaceName(rawQuery);
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (query.length === 0 || limit <= 0) return [];
  const compactQuery = compactPlaceName(query);
  const candidates = index.entries.filter((entry) => isCandidate(entry, options));
  const matches: Match[] = [];
  const unmatched: SearchEntry[] = [];
  for (const entry of candidates) {
    const match = literalMatch(entry, query, compactQuery);
    if (match) matches.push(match);
    else unmatched.push(entry);
  }
  const maxTypos = allowedTypos(query);
  // Typo matching only fills what the literal tiers left empty, which also keeps keystrokes cheap.
  if (matches.length < limit && maxTypos > 0) {
    const rows: [Int32Array, Int32Array] = [
      new Int32Array(query.length + 1),
      new Int32Array(query.length + 1),
    ];
    for (const entry of unmatched) {
      const match = fuzzyMatch(entry, query, maxTypos, rows);
      if (match) matches.push(match);
    }
  }
  return matches
    .sort(compareMatches)
    .slice(0, limit)
    .map((match) => match.entry.place);
}
