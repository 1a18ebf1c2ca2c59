import { sql } from "drizzle-orm";
import { check, date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.table.ts";
import { places } from "../places/places.table.ts";
import { actionPoints, activities } from "../programmes/activities.table.ts";
import { participants } from "../programmes/participants.table.ts";
import { projects } from "../programmes/programmes.table.ts";

/**
 * An impact story of a project. Scoped like its project: the organisation and the project's area
 * (copied here, projects do not move). The narrative and who gave consent are sealed by the vault;
 * the current consent lives on the row, its history in the audit log.
 */
export const impactStories = pgTable(
  "impact_stories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    placePath: text("place_path").notNull(),
    title: text("title").notNull(),
    narrativeSealed: text("narrative_sealed").notNull(),
    language: text("language").notNull(),
    status: text("status").notNull().default("draft"),
    returnComment: text("return_comment"),
    authorId: uuid("author_id"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: uuid("approved_by"),
    consentGivenBySealed: text("consent_given_by_sealed"),
    consentMethod: text("consent_method"),
    consentWitnessSealed: text("consent_witness_sealed"),
    consentGivenOn: date("consent_given_on", { mode: "string" }),
    consentScope: text("consent_scope"),
    consentRecordedBy: uuid("consent_recorded_by"),
    consentWithdrawnAt: timestamp("consent_withdrawn_at", { withTimezone: true }),
    consentWithdrawalNote: text("consent_withdrawal_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("impact_stories_project_idx").on(t.projectId, t.status),
    index("impact_stories_org_idx").on(t.organisationId, t.updatedAt),
    check("impact_stories_status_check", sql`${t.status} in ('draft','submitted','approved','returned')`),
    check("impact_stories_language_check", sql`${t.language} in ('sw','en','other')`),
    check(
      "impact_stories_consent_method_check",
      sql`${t.consentMethod} is null or ${t.consentMethod} in ('written','verbal_witnessed')`,
    ),
    check(
      "impact_stories_consent_scope_check",
      sql`${t.consentScope} is null or ${t.consentScope} in ('internal','donor_reports','public')`,
    ),
  ],
);

export const impactStoryActivities = pgTable(
  "impact_story_activities",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => impactStories.id),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.activityId] })],
);

export const impactStoryActionPoints = pgTable(
  "impact_story_action_points",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => impactStories.id),
    actionPointId: uuid("action_point_id")
      .notNull()
      .references(() => actionPoints.id),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.actionPointId] })],
);

export const impactStoryPlaces = pgTable(
  "impact_story_places",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => impactStories.id),
    placeId: text("place_id")
      .notNull()
      .references(() => places.id),
    /** Copied from the gazetteer so that the place filter needs no join. */
    placePath: text("place_path").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storyId, t.placeId] }),
    index("impact_story_places_path_idx").using("btree", sql`${t.placePath} text_pattern_ops`),
  ],
);

/** The people a story is about, by participant record; the API shows only their pseudonymous codes. */
export const impactStoryParticipants = pgTable(
  "impact_story_participants",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => impactStories.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.participantId] })],
);
