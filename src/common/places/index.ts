// Kenya places gazetteer: counties, IEBC constituencies as sub-counties, wards and named localities.
// Pure and static (JSON imports only), so it runs unchanged in Node and in the browser through Vite.
import counties from "../../../data/places/counties.json" with { type: "json" };
import localities from "../../../data/places/localities.json" with { type: "json" };
import subCounties from "../../../data/places/sub-counties.json" with { type: "json" };
import wards from "../../../data/places/wards.json" with { type: "json" };
import { buildPlaces, type GazetteerRows } from "./build.ts";
import { buildSearchIndex, pathContains, type SearchIndex, type SearchOptions, search } from "./search.ts";
import type { Place } from "./types.ts";

export { normalisePlaceName } from "./normalise.ts";
export type { SearchOptions } from "./search.ts";
export type { LocalityKind, Place, PlaceKind } from "./types.ts";
export { LOCALITY_KINDS, PLACE_KINDS } from "./types.ts";

interface Gazetteer {
  places: Place[];
  byId: Map<string, Place>;
  /** Built on the first search: most callers only resolve ids and paths. */
  index?: SearchIndex;
}

// The gazetteer is immutable static data; building it once per process is the point of memoising.
let cached: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  if (!cached) {
    const rows = { counties, subCounties, wards, localities } as GazetteerRows;
    const places = buildPlaces(rows);
    cached = { places, byId: new Map(places.map((p) => [p.id, p])) };
  }
  return cached;
}

/** All places: counties, then sub-counties, wards and localities. The same array on every call: do not mutate. */
export function loadGazetteer(): Place[] {
  return gazetteer().places;
}

export function placeById(id: string): Place | undefined {
  return gazetteer().byId.get(id);
}

/**
 * For pickers and free-text matching: exact name or alias first, then prefix, then word prefix, then small
 * edit distance; ties go county, sub-county, locality, ward, then gazetteer order. Names shared by several
 * places (Majengo, Huruma) return all of them: callers must treat them as ambiguous.
 */
export function searchPlaces(query: string, opts?: SearchOptions): Place[] {
  const loaded = gazetteer();
  loaded.index ??= buildSearchIndex(loaded.places);
  return search(loaded.index, query, opts);
}

/** Hierarchy check by path; inclusive, so a place is within itself. */
export function isWithin(placePath: string, ancestorId: string): boolean {
  return pathContains(placePath, ancestorId);
}

export function countyOf(id: string): Place | undefined {
  const place = placeById(id);
  return place ? placeById(place.countyId) : undefined;
}

/** "Majengo, Mvita, Mombasa": a name plus its sub-county and county, to tell same-named places apart. */
export function placeLabel(place: Place): string {
  const ancestors = place.path
    .split("/")
    .slice(0, -1)
    .reverse()
    .map((id) => placeById(id))
    .filter((p): p is Place => p !== undefined && (p.kind === "sub_county" || p.kind === "county"))
    .map((p) => p.name);
  return [place.name, ...ancestors].join(", ");
}
