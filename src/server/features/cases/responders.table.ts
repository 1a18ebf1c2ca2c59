import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.table.ts";
import { users } from "../users/users.table.ts";

const UNIT_KINDS_SQL = sql.raw(
  "'police_station','chief','peace_committee','cef','county_inspectorate','oversight','counsellor','programme'",
);

/**
 * A unit that acts on cases: a police station (OCS), a chief's office, a peace committee, the CEF,
 * the county inspectorate, oversight (IPOA desk), counsellors, or the programme itself.
 * `areaPaths` mirrors `areaPlaceIds` (the places' paths when saved), so routing is a prefix test.
 */
export const responderUnits = pgTable(
  "responder_units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    areaPlaceIds: text("area_place_ids").array().notNull(),
    areaPaths: text("area_paths").array().notNull(),
    /** Empty: every category. */
    categories: text("categories").array().notNull().default(sql`'{}'::text[]`),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("responder_units_org_idx").on(t.organisationId),
    check("responder_units_kind_check", sql`${t.kind} in (${UNIT_KINDS_SQL})`),
  ],
);

/** Staff who act for a unit. Supervisors are the first rung of escalation. */
export const responderMembers = pgTable(
  "responder_members",
  {
    unitId: uuid("unit_id")
      .notNull()
      .references(() => responderUnits.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    supervisor: boolean("supervisor").notNull().default(false),
    /** Vault ciphertext of the member's phone (purpose "responder.phone"), for reminder SMS. */
    phoneSealed: text("phone_sealed"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.userId] }), index("responder_members_user_idx").on(t.userId)],
);

/**
 * Admin-editable routing: a case whose category, urgency and place match goes to the units of
 * `targetKinds` whose areas cover its place (the most specific unit of each kind). Empty arrays
 * and a null place mean "any". Default rules apply only when no other rule found a unit.
 */
export const routingRules = pgTable(
  "routing_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    priority: integer("priority").notNull().default(100),
    categories: text("categories").array().notNull().default(sql`'{}'::text[]`),
    urgencies: text("urgencies").array().notNull().default(sql`'{}'::text[]`),
    placeId: text("place_id"),
    placePath: text("place_path"),
    targetKinds: text("target_kinds").array().notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("routing_rules_priority_idx").on(t.priority)],
);
