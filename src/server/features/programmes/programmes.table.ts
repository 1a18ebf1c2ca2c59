import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.table.ts";

/**
 * A programme (REINVENT, Pamoja Mtaani) is an organisation's umbrella over projects. Its place is the
 * area it covers; a reader sees it when that area overlaps their own.
 */
export const programmes = pgTable(
  "programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    description: text("description"),
    placeId: text("place_id").notNull(),
    placePath: text("place_path").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("programmes_org_name_idx").on(t.organisationId, t.name)],
);

/** A project carries the logframe: goal here, objectives and outputs in project_results, indicators. */
export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    goal: text("goal"),
    placeId: text("place_id").notNull(),
    placePath: text("place_path").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("projects_programme_name_idx").on(t.programmeId, t.name),
    index("projects_org_idx").on(t.organisationId),
  ],
);

/** Objectives and the outputs under them, numbered "1", "1.2" in the order they were added. */
export const projectResults = pgTable(
  "project_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    kind: text("kind").notNull(),
    parentId: uuid("parent_id"),
    code: text("code").notNull(),
    title: text("title").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    index("project_results_project_idx").on(t.projectId, t.position),
    check("project_results_kind_check", sql`${t.kind} in ('objective','output')`),
  ],
);

export const projectIndicators = pgTable(
  "project_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id),
    resultId: uuid("result_id").references(() => projectResults.id),
    code: text("code"),
    name: text("name").notNull(),
    type: text("type").notNull(),
    baseline: doublePrecision("baseline").notNull().default(0),
    unit: text("unit"),
    /** Activity types that count towards the value; empty counts every type. */
    activityTypes: text("activity_types").array().notNull().default(sql`'{}'::text[]`),
    disaggregations: text("disaggregations").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("project_indicators_project_idx").on(t.projectId),
    check(
      "project_indicators_type_check",
      sql`${t.type} in ('activity_count','unique_participants','attendances','survey_based','commitments_kept','manual')`,
    ),
  ],
);

/** A target for one period; the actual is counted over activities held within the period. */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => projectIndicators.id),
    label: text("label").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    value: doublePrecision("value").notNull(),
  },
  (t) => [index("indicator_targets_indicator_idx").on(t.indicatorId, t.startsOn)],
);

/** Figures typed in for manual and survey-based indicators, each with the evidence behind it. */
export const indicatorEntries = pgTable(
  "indicator_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Entry order: of two figures with one date, the later-entered one stands. */
    seq: integer("seq").generatedAlwaysAsIdentity(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => projectIndicators.id),
    asOf: date("as_of", { mode: "string" }).notNull(),
    value: doublePrecision("value").notNull(),
    evidence: text("evidence").notNull(),
    enteredBy: uuid("entered_by"),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("indicator_entries_indicator_idx").on(t.indicatorId, t.asOf)],
);
