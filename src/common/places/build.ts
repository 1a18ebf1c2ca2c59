// Turns the shipped gazetteer rows (data/places/*.json) into the flat Place list, parents before children.
import { LOCALITY_KINDS, type LocalityKind, type Place } from "./types.ts";

export interface CountyRow {
  code: string;
  iso: string;
  name: string;
  lat: number;
  lng: number;
  coordinate: string;
}
export interface SubCountyRow {
  code: string;
  countyCode: string;
  name: string;
  lat: number;
  lng: number;
  coordinate: string;
}
export interface WardRow {
  code: string;
  subCountyCode: string;
  name: string;
  aliases?: string[];
  note?: string;
}
export interface LocalityRow {
  slug: string;
  name: string;
  kind: LocalityKind;
  countyCode: string;
  subCountyCode: string;
  wardCode?: string;
  aliases: string[];
  lat?: number;
  lng?: number;
  note?: string;
}
export interface GazetteerRows {
  counties: readonly CountyRow[];
  subCounties: readonly SubCountyRow[];
  wards: readonly WardRow[];
  localities: readonly LocalityRow[];
}

export const countyId = (code: string): string => `c:${code}`;
export const subCountyId = (code: string): string => `s:${code}`;
export const wardId = (code: string): string => `w:${code}`;
export const localityId = (slug: string): string => `l:${slug}`;

type PlaceDraft = Omit<Place, "path" | "countyId">;

function withNote(attributes: Record<string, string>, note: string | undefined): Record<string, string> {
  return note ? { ...attributes, note } : attributes;
}

function countyDraft(c: CountyRow): PlaceDraft {
  const attributes = { iso: c.iso, coordinate: c.coordinate };
  return {
    id: countyId(c.code),
    kind: "county",
    name: c.name,
    code: c.code,
    parentId: null,
    lat: c.lat,
    lng: c.lng,
    aliases: [],
    attributes,
  };
}

function subCountyDraft(s: SubCountyRow): PlaceDraft {
  const attributes = { coordinate: s.coordinate, iebcLevel: "constituency" };
  const parentId = countyId(s.countyCode);
  return {
    id: subCountyId(s.code),
    kind: "sub_county",
    name: s.name,
    code: s.code,
    parentId,
    lat: s.lat,
    lng: s.lng,
    aliases: [],
    attributes,
  };
}

function wardDraft(w: WardRow): PlaceDraft {
  const parentId = subCountyId(w.subCountyCode);
  const attributes = withNote({}, w.note);
  return {
    id: wardId(w.code),
    kind: "ward",
    name: w.name,
    code: w.code,
    parentId,
    lat: null,
    lng: null,
    aliases: w.aliases ?? [],
    attributes,
  };
}

function localityDraft(l: LocalityRow): PlaceDraft {
  const id = localityId(l.slug);
  if (!LOCALITY_KINDS.includes(l.kind)) throw new Error(`gazetteer: ${id} has unknown kind ${l.kind}`);
  const parentId = l.wardCode ? wardId(l.wardCode) : subCountyId(l.subCountyCode);
  const attributes = withNote({ localityKind: l.kind }, l.note);
  return {
    id,
    kind: "locality",
    name: l.name,
    code: null,
    parentId,
    lat: l.lat ?? null,
    lng: l.lng ?? null,
    aliases: l.aliases,
    attributes,
  };
}

/** A locality's ward must lie in the sub-county and county the row names, or the row is wrong. */
function checkLocalityParent(l: LocalityRow, parentPath: string): void {
  const expectedPrefix = `${countyId(l.countyCode)}/${subCountyId(l.subCountyCode)}`;
  if (parentPath !== expectedPrefix && !parentPath.startsWith(`${expectedPrefix}/`)) {
    throw new Error(
      `gazetteer: ${localityId(l.slug)} names ${expectedPrefix} but its parent is ${parentPath}`,
    );
  }
}

export function buildPlaces(rows: GazetteerRows): Place[] {
  const places: Place[] = [];
  const paths = new Map<string, string>();
  const add = (draft: PlaceDraft): string => {
    let path = draft.id;
    if (draft.parentId !== null) {
      const parentPath = paths.get(draft.parentId);
      if (parentPath === undefined)
        throw new Error(`gazetteer: ${draft.id} has unknown parent ${draft.parentId}`);
      path = `${parentPath}/${draft.id}`;
    }
    paths.set(draft.id, path);
    places.push({ ...draft, path, countyId: path.split("/", 1)[0] ?? path });
    return path;
  };
  for (const c of rows.counties) add(countyDraft(c));
  for (const s of rows.subCounties) add(subCountyDraft(s));
  for (const w of rows.wards) add(wardDraft(w));
  for (const l of rows.localities) {
    const path = add(localityDraft(l));
    checkLocalityParent(l, path.slice(0, path.lastIndexOf("/")));
  }
  return places;
}
