import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import type { PlaceKind, PlaceView } from "../../../common/contracts/places.ts";
import { type Db, queryRows } from "../../db/client.ts";
import { places } from "./places.table.ts";

export type PlaceRow = typeof places.$inferSelect;
export type NewPlaceRow = typeof places.$inferInsert;

export function toPlaceView(row: PlaceRow): PlaceView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    parentId: row.parentId,
    path: row.path,
    countyId: row.countyId,
    lat: row.lat,
    lng: row.lng,
    aliases: row.aliases,
  };
}

export async function findPlace(db: Db, id: string): Promise<PlaceRow | undefined> {
  const [row] = await db.select().from(places).where(eq(places.id, id));
  return row;
}

const KIND_ORDER = sql`case ${places.kind} when 'country' then 0 when 'county' then 1 when 'sub_county' then 2 when 'ward' then 3 else 4 end`;

export async function searchPlaceRows(
  db: Db,
  filter: {
    q?: string | undefined;
    kind?: PlaceKind | undefined;
    parentId?: string | undefined;
    limit: number;
  },
): Promise<PlaceRow[]> {
  const conditions = [];
  if (filter.kind) conditions.push(eq(places.kind, filter.kind));
  if (filter.parentId) conditions.push(eq(places.parentId, filter.parentId));
  let rank = sql`0`;
  if (filter.q) {
    const q = filter.q.toLowerCase();
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(
      or(
        ilike(places.name, `%${escaped}%`),
        sql`exists (select 1 from unnest(${places.aliases}) a where lower(a) like ${`${escaped}%`})`,
      ),
    );
    // exact name, then name prefix, then alias or inner match
    rank = sql`case when lower(${places.name}) = ${q} then 0 when lower(${places.name}) like ${`${escaped}%`} then 1 else 2 end`;
  }
  return db
    .select()
    .from(places)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(rank, KIND_ORDER, asc(places.name))
    .limit(filter.limit);
}

export async function listChildren(db: Db, parentId: string): Promise<PlaceRow[]> {
  return db.select().from(places).where(eq(places.parentId, parentId)).orderBy(KIND_ORDER, asc(places.name));
}

/** Upserts gazetteer rows in batches; admin-added localities are never overwritten. */
export async function upsertGazetteerRows(db: Db, rows: NewPlaceRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(places)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: places.id,
        set: {
          kind: sql`excluded.kind`,
          name: sql`excluded.name`,
          code: sql`excluded.code`,
          parentId: sql`excluded.parent_id`,
          path: sql`excluded.path`,
          countyId: sql`excluded.county_id`,
          lat: sql`excluded.lat`,
          lng: sql`excluded.lng`,
          aliases: sql`excluded.aliases`,
          attributes: sql`excluded.attributes`,
        },
        setWhere: sql`${places.source} = 'gazetteer'`,
      });
  }
}

export async function insertPlace(db: Db, row: NewPlaceRow): Promise<PlaceRow> {
  const [inserted] = await db.insert(places).values(row).returning();
  if (!inserted) throw new Error("insert into places returned nothing");
  return inserted;
}

export async function countPlaces(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${places}`);
  return Number(rows[0]?.n ?? 0);
}
