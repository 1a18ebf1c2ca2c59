import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.table.ts";
import { projects } from "./programmes.table.ts";

/** Anything a project does with people: a dialogue session, a peace action, a police café, a training… */
export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    type: text("type").notNull(),
    title: text("title"),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    placeId: text("place_id").notNull(),
    placePath: text("place_path").notNull(),
    notes: text("notes"),
    peaceActionKind: text("peace_action_kind"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("activities_project_idx").on(t.projectId, t.heldOn),
    index("activities_org_idx").on(t.organisationId, t.heldOn),
    index("activities_place_path_idx").using("btree", sql`${t.placePath} text_pattern_ops`),
    check(
      "activities_type_check",
      sql`${t.type} in ('dialogue_session','peace_action','police_cafe','community_baraza','training','cef_meeting','leadership_forum','inception_meeting','sensitisation_workshop','station_visit','online_campaign','mapping_exercise')`,
    ),
  ],
);

/** What makes a dialogue session more than a meeting: who sat together and what they agreed. */
export const dialogueSessions = pgTable(
  "dialogue_sessions",
  {
    activityId: uuid("activity_id")
      .primaryKey()
      .references(() => activities.id),
    dialogueGroup: text("dialogue_group").notNull(),
    facilitators: text("facilitators").array().notNull().default(sql`'{}'::text[]`),
    officialsPresent: text("officials_present").array().notNull().default(sql`'{}'::text[]`),
    officersUnarmed: boolean("officers_unarmed"),
    topics: text("topics").array().notNull().default(sql`'{}'::text[]`),
    issuesRaised: text("issues_raised").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    check(
      "dialogue_sessions_group_check",
      sql`${t.dialogueGroup} in ('youth','women','men','cross_learning','mixed')`,
    ),
  ],
);

/** An action point from a dialogue: a promise with an owner, tracked until kept or dropped. */
export const actionPoints = pgTable(
  "action_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    owner: text("owner"),
    dueOn: date("due_on", { mode: "string" }),
    status: text("status").notNull().default("open"),
    evidence: text("evidence"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("action_points_activity_idx").on(t.activityId, t.position),
    check("action_points_status_check", sql`${t.status} in ('open','kept','dropped')`),
  ],
);
