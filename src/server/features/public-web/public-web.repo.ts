// The public pages' own reads: places of a county (gazetteer plus localities admins added) and the
// additions to a report. They read the places and reports features' tables, never their repos.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Place } from "../../../common/places/index.ts";
import type { Db } from "../../db/client.ts";
import { places } from "../places/places.table.ts";
import { reportAdditions } from "../reports/reports.table.ts";

type PlaceRow = typeof places.$inferSelect;

function toPlace(row: PlaceRow): Place {
  return {
    id: row.id,
    // Only county, sub-county, ward and locality rows are selected below.
    kind: row.kind as Place["kind"],
    name: row.name,
    code: row.code,
    parentId: row.parentId,
    path: row.path,
    countyId: row.countyId ?? row.id,
    lat: row.lat,
    lng: row.lng,
    aliases: row.aliases,
    attributes: row.attributes,
  };
}

/** Every sub-county, ward and locality of a county, in name order. */
export async function placesInCounty(db: Db, countyId: string): Promise<Place[]> {
  const rows = await db
    .select()
    .from(places)
    .where(and(eq(places.countyId, countyId), inArray(places.kind, ["sub_county", "ward", "locality"])))
    .orderBy(asc(places.name));
  return rows.map(toPlace);
}

/** Localities added by administrators: the shipped gazetteer in memory does not know them. */
export async function adminLocalities(db: Db): Promise<Place[]> {
  const rows = await db
    .select()
    .from(places)
    .where(and(eq(places.source, "admin"), eq(places.kind, "locality")));
  return rows.map(toPlace);
}

export async function additionsOf(db: Db, reportId: string): Promise<{ text: string; receivedAt: Date }[]> {
  return db
    .select({ text: reportAdditions.text, receivedAt: reportAdditions.receivedAt })
    .from(reportAdditions)
    .where(eq(reportAdditions.reportId, reportId))
    .orderBy(asc(reportAdditions.receivedAt), asc(reportAdditions.id));
}
