// The areas a report counts in: every ward, sub-county and county on its place path. A report from the
// locality "c:032/s:175/w:0872/l:kaptembwo" counts in ward w:0872, sub-county s:175 and county c:032;
// one placed only at "c:032" counts in the county alone. Names and coordinates come from the gazetteer.
import type { AlertAreaView, AlertLevel, AlertMapPoint } from "../../../common/contracts/alerts.ts";
import { loadGazetteer, placeById, placeLabel } from "../../../common/places/index.ts";
import { NATIONWIDE_PLACE_ID } from "../../lib/scope.ts";

export interface Area {
  id: string;
  level: AlertLevel;
  /** The area's own place path, a prefix of the paths of the reports it counts. */
  path: string;
}

const LEVEL_OF_PREFIX: Record<string, AlertLevel> = { "c:": "county", "s:": "sub_county", "w:": "ward" };

/** Ward, sub-county and county of a place path, most local first; localities are not areas of their own. */
export function areasOfPath(path: string): Area[] {
  const segments = path.split("/");
  const areas: Area[] = [];
  for (let i = 0; i < segments.length; i++) {
    const id = segments[i] ?? "";
    const level = LEVEL_OF_PREFIX[id.slice(0, 2)];
    if (level) areas.push({ id, level, path: segments.slice(0, i + 1).join("/") });
  }
  return areas.reverse();
}

export function areaName(id: string): string {
  return placeById(id)?.name ?? id;
}

/** Where to draw an area: its own coordinates, else the nearest ancestor's (wards carry none). */
function positionOf(path: string): { lat: number; lng: number } | null {
  const ids = path.split("/").reverse();
  for (const id of ids) {
    const place = placeById(id);
    if (place?.lat != null && place.lng != null) return { lat: place.lat, lng: place.lng };
  }
  return null;
}

export function areaView(area: Area): AlertAreaView {
  const place = placeById(area.id);
  const position = positionOf(area.path);
  return {
    id: area.id,
    level: area.level,
    name: place?.name ?? area.id,
    label: place ? placeLabel(place) : area.id,
    path: area.path,
    lat: position?.lat ?? null,
    lng: position?.lng ?? null,
  };
}

/**
 * The map's backdrop for someone whose areas are `scopePaths`: the sub-counties of their counties, or
 * the 47 counties when they see the whole country (or more than a few counties).
 */
export function mapPointsFor(scopePaths: readonly string[], allPlaces: boolean): AlertMapPoint[] {
  const counties = new Set(scopePaths.map((p) => p.split("/")[0] ?? p));
  const national = allPlaces || counties.has(NATIONWIDE_PLACE_ID) || counties.size > 6;
  const points: AlertMapPoint[] = [];
  for (const place of loadGazetteer()) {
    if (place.lat == null || place.lng == null) continue;
    const wanted = national
      ? place.kind === "county"
      : place.kind === "sub_county" && counties.has(place.countyId);
    if (wanted && (place.kind === "county" || place.kind === "sub_county"))
      points.push({ id: place.id, level: place.kind, name: place.name, lat: place.lat, lng: place.lng });
  }
  return points;
}
