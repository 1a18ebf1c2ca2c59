import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.table.ts";
import { participants } from "../programmes/participants.table.ts";
import { projects } from "../programmes/programmes.table.ts";
import { users } from "../users/users.table.ts";

/**
 * Confidential referrals to trauma counselling or reintegration support. Visible only to the referrer
 * and the counsellor (see referrals.repo.ts `visibleTo`); everything personal is sealed by the vault:
 * the name and phone of a person who is not a registered participant, the reason, notes and the
 * reason for declining. Gender and age band are kept in clear for counts.
 */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    placeId: text("place_id").notNull(),
    placePath: text("place_path").notNull(),
    /** A registered participant (shown by pseudonymous code only), or null with a sealed name. */
    participantId: uuid("participant_id").references(() => participants.id),
    nameSealed: text("name_sealed"),
    phoneSealed: text("phone_sealed"),
    gender: text("gender").notNull(),
    ageBand: text("age_band").notNull(),
    type: text("type").notNull(),
    subtype: text("subtype"),
    reasonSealed: text("reason_sealed").notNull(),
    notesSealed: text("notes_sealed"),
    consentGivenAt: timestamp("consent_given_at", { withTimezone: true }).notNull(),
    referrerId: uuid("referrer_id")
      .notNull()
      .references(() => users.id),
    counsellorId: uuid("counsellor_id")
      .notNull()
      .references(() => users.id),
    status: text("status").notNull().default("made"),
    statusReasonSealed: text("status_reason_sealed"),
    referredOn: date("referred_on", { mode: "string" }).notNull(),
    nextFollowUpOn: date("next_follow_up_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("referrals_referrer_idx").on(t.referrerId),
    index("referrals_counsellor_idx").on(t.counsellorId),
    index("referrals_project_idx").on(t.projectId, t.referredOn),
    check("referrals_person_check", sql`${t.participantId} is not null or ${t.nameSealed} is not null`),
    check(
      "referrals_type_check",
      sql`${t.type} in ('trauma_counselling','reintegration_support','gbv_support','other')`,
    ),
    check(
      "referrals_subtype_check",
      sql`(${t.type} = 'reintegration_support') = (${t.subtype} is not null) and (${t.subtype} is null or ${t.subtype} in ('leaving_gang','returnee','other'))`,
    ),
    check(
      "referrals_status_check",
      sql`${t.status} in ('made','accepted','in_support','completed','declined','lost_to_follow_up')`,
    ),
    check("referrals_gender_check", sql`${t.gender} in ('female','male','other','undisclosed')`),
    check(
      "referrals_age_band_check",
      sql`${t.ageBand} in ('under_18','18_24','25_34','35_49','50_64','65_plus','unknown')`,
    ),
  ],
);

/** Dated follow-up entries of a referral; the note is sealed. */
export const referralFollowUps = pgTable(
  "referral_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    noteSealed: text("note_sealed").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("referral_follow_ups_referral_idx").on(t.referralId, t.heldOn)],
);
