import { sql } from "drizzle-orm";
import { check, doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { PlaceKind } from "../../../common/contracts/places.ts";

/**
 * The gazetteer: country → county → sub-county → ward, plus localities.
 * `path` lists ids from the top ("ke/c:047/s:288/w:1380"): area scoping is a prefix test on it.
 */
export const places = pgTable(
  "places",
  {
    id: text("id").primaryKey(),
    kind: text("kind").$type<PlaceKind>().notNull(),
    name: text("name").notNull(),
    code: text("code"),
    parentId: text("parent_id"),
    path: text("path").notNull(),
    countyId: text("county_id"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull().default({}),
    source: text("source").notNull().default("gazetteer"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("places_parent_idx").on(t.parentId),
    index("places_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
    index("places_name_idx").on(sql`lower(${t.name})`),
    check("places_kind_check", sql`${t.kind} in ('country','county','sub_county','ward','locality')`),
    check("places_source_check", sql`${t.source} in ('gazetteer','admin')`),
  ],
);
