// Turns the place a resident typed ("kaptembo", "Majengo") into a gazetteer place when, and only
// when, one place is clearly meant. Pure: it ranks search results the gazetteer already found.
import { compactPlaceName, normalisePlaceName } from "../../../common/places/normalise.ts";
import { pathContains, prefixEditDistance } from "../../../common/places/search.ts";
import type { Place } from "../../../common/places/types.ts";

/** Shorter inputs match too much ("ka" is the start of dozens of names) to pin a report to a place. */
export const MIN_RESOLVABLE_CHARS = 3;

function keysOf(place: Place): string[] {
  const raw = [place.name, ...place.aliases];
  if (place.kind === "locality") raw.push(place.id.slice(2).replace(/-/g, " "));
  return [...new Set(raw.map(normalisePlaceName).filter((key) => key.length > 0))];
}

/**
 * How well the typed text names a place, lower is better: an exact name or alias, then the start
 * of a name, then the start of a later word, then one or two typos. The gazetteer's search ranks
 * the same way, but does not say how good its best answer was; resolving needs to know.
 */
export function matchScore(typed: string, place: Place): number {
  const query = normalisePlaceName(typed);
  const compactQuery = compactPlaceName(query);
  let best = Number.POSITIVE_INFINITY;
  for (const key of keysOf(place)) {
    const compactKey = compactPlaceName(key);
    if (key === query || compactKey === compactQuery) return 0;
    if (key.startsWith(query) || compactKey.startsWith(compactQuery)) best = Math.min(best, 10);
    else if (key.includes(` ${query}`)) best = Math.min(best, 20);
    else {
      const maxTypos = query.length < 4 ? 0 : query.length < 8 ? 1 : 2;
      const starts = [0, ...[...key.matchAll(/ /g)].map((m) => m.index + 1)];
      for (const start of starts) {
        const distance = prefixEditDistance(query, key, maxTypos, start);
        if (Number.isFinite(distance)) best = Math.min(best, 30 + distance);
      }
    }
  }
  return best;
}

/** True when the places lie on one line of the hierarchy (a locality and the ward it is in). */
function onOneBranch(places: Place[]): boolean {
  return places.every((a) => places.every((b) => pathContains(a.path, b.id) || pathContains(b.path, a.id)));
}

/**
 * The one place the typed text names among the search results, or null when it names none or
 * several: "Majengo" is in Nairobi, Mombasa and Kilifi, so without a county it stays as typed.
 * A locality and the ward of the same name around it are one answer: the locality, as it is narrower.
 */
export function resolveTypedPlace(typed: string, found: readonly Place[]): Place | null {
  if (normalisePlaceName(typed).length < MIN_RESOLVABLE_CHARS) return null;
  const scored = found
    .map((place) => ({ place, score: matchScore(typed, place) }))
    .filter((s) => Number.isFinite(s.score));
  if (scored.length === 0) return null;
  const bestScore = Math.min(...scored.map((s) => s.score));
  const best = scored.filter((s) => s.score === bestScore).map((s) => s.place);
  if (!onOneBranch(best)) return null;
  return best.reduce((deepest, place) => (place.path.length > deepest.path.length ? place : deepest));
}
