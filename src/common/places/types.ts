// The shape every consumer of the gazetteer sees: one flat record per county, sub-county, ward or locality.

export type PlaceKind = "county" | "sub_county" | "ward" | "locality";

export const PLACE_KINDS: readonly PlaceKind[] = ["county", "sub_county", "ward", "locality"];

export type LocalityKind = "informal_settlement" | "market" | "estate" | "village" | "town" | "landmark";

export const LOCALITY_KINDS: readonly LocalityKind[] = [
  "informal_settlement",
  "market",
  "estate",
  "village",
  "town",
  "landmark",
];

export interface Place {
  /** "c:047" county, "s:288" sub-county, "w:1380" ward, "l:korogocho" locality. */
  id: string;
  kind: PlaceKind;
  /** Display name, as the gazetteer spells it. Several places may share a name (Majengo, Huruma). */
  name: string;
  /** Official IEBC code for counties, sub-counties (constituencies) and wards; null for localities. */
  code: string | null;
  /** County → null; sub-county → county; ward → sub-county; locality → ward if known, else sub-county. */
  parentId: string | null;
  /** Ids from the county down, joined by "/", ending with this place's id; scope by prefix. */
  path: string;
  countyId: string;
  lat: number | null;
  lng: number | null;
  /** Human spellings people type; the matcher normalises them. */
  aliases: string[];
  /** e.g. { iso: "KE-30", coordinate: "approximate centroid", localityKind: "market" }. */
  attributes: Record<string, string>;
}
