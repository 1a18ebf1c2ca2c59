import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.table.ts";
import { activities } from "./activities.table.ts";

/**
 * The participant registry. Minimal personal data: a name and phone are optional and only ever stored
 * sealed by the vault; matching uses keyed hashes (blind indexes) of the normalised values, and
 * search-as-you-type uses keyed hashes of name prefixes. Everything else is what reach is counted by.
 */
export const participants = pgTable(
  "participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Pseudonymous code ("P-7KQ3M2"), safe to print on a sign-in sheet. */
    code: text("code").notNull(),
    nameSealed: text("name_sealed"),
    phoneSealed: text("phone_sealed"),
    nameIndex: text("name_index"),
    phoneIndex: text("phone_index"),
    namePrefixes: text("name_prefixes").array().notNull().default(sql`'{}'::text[]`),
    gender: text("gender").notNull(),
    ageBand: text("age_band").notNull(),
    disability: text("disability").notNull(),
    role: text("role").notNull(),
    affiliation: text("affiliation"),
    placeId: text("place_id").notNull(),
    placePath: text("place_path").notNull(),
    consentPurposes: text("consent_purposes").array().notNull(),
    consentGivenOn: date("consent_given_on", { mode: "string" }).notNull(),
    consentWithdrawnAt: timestamp("consent_withdrawn_at", { withTimezone: true }),
    /** Set when this record was found to be a duplicate; its attendance now belongs to that participant. */
    mergedInto: uuid("merged_into"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("participants_code_idx").on(t.code),
    index("participants_name_idx").on(t.organisationId, t.nameIndex),
    index("participants_phone_idx").on(t.organisationId, t.phoneIndex),
    index("participants_prefixes_idx").using("gin", t.namePrefixes),
    index("participants_place_path_idx").using("btree", sql`${t.placePath} text_pattern_ops`),
    check("participants_gender_check", sql`${t.gender} in ('female','male','other','undisclosed')`),
    check(
      "participants_age_band_check",
      sql`${t.ageBand} in ('under_18','18_24','25_34','35_49','50_64','65_plus','unknown')`,
    ),
    check("participants_disability_check", sql`${t.disability} in ('yes','no','unknown')`),
    check("participants_role_check", sql`${t.role} in ('community','police','government','cso')`),
  ],
);

/**
 * Named attendance: one row per person per activity (so a person is never counted twice at one
 * activity). The activity's project, type, date, place and dialogue group are copied in so that reach
 * over hundreds of thousands of rows needs no join; editing an activity (activity-edit.service.ts)
 * updates these copies in the same transaction.
 */
export const attendances = pgTable(
  "attendances",
  {
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
    projectId: uuid("project_id").notNull(),
    activityType: text("activity_type").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    placePath: text("place_path").notNull(),
    /** The dialogue session's group (youth, women…); null for other activities. */
    dialogueGroup: text("dialogue_group"),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.participantId] }),
    index("attendances_project_idx").on(t.projectId, t.heldOn, t.participantId),
    index("attendances_participant_idx").on(t.participantId),
  ],
);

/** Heads counted where names could not be taken, by disaggregation; never part of unique reach. */
export const anonymousAttendances = pgTable(
  "anonymous_attendances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id),
    projectId: uuid("project_id").notNull(),
    activityType: text("activity_type").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    placePath: text("place_path").notNull(),
    dialogueGroup: text("dialogue_group"),
    gender: text("gender").notNull(),
    ageBand: text("age_band").notNull(),
    role: text("role").notNull(),
    disability: text("disability").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    index("anonymous_attendances_project_idx").on(t.projectId, t.heldOn),
    index("anonymous_attendances_activity_idx").on(t.activityId),
    check("anonymous_attendances_count_check", sql`${t.count} > 0`),
  ],
);
