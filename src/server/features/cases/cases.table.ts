import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { RoutingReason } from "../../../common/contracts/cases.ts";
import { reports } from "../reports/reports.table.ts";
import { users } from "../users/users.table.ts";
import { responderUnits } from "./responders.table.ts";

/**
 * A case: the response to one or more verified reports. Category, urgency and place are copied
 * from the report that opened it (scoping and routing use them). The deadlines are fixed when the
 * case opens (deadlines.ts); the milestone times feed the response metrics.
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull(),
    category: text("category").notNull(),
    urgency: text("urgency").notNull(),
    placeId: text("place_id"),
    /** Scoping: the case is visible to staff whose areas contain this path (null: nationwide only). */
    placePath: text("place_path"),
    status: text("status").notNull().default("open"),
    closeReason: text("close_reason"),
    /** A police_misconduct case: never routed to nor shown to police (cases.policy.ts). */
    conflictOfInterest: boolean("conflict_of_interest").notNull().default(false),
    ownerId: uuid("owner_id").references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    firstActionAt: timestamp("first_action_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    acknowledgeDueAt: timestamp("acknowledge_due_at", { withTimezone: true }).notNull(),
    actionDueAt: timestamp("action_due_at", { withTimezone: true }).notNull(),
    /** 0 with the assigned units, 1 with their supervisors, 2 with programme officers. */
    escalationLevel: integer("escalation_level").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("cases_number_idx").on(t.number),
    index("cases_place_path_idx").using("btree", sql`${t.placePath} text_pattern_ops`),
    index("cases_status_opened_idx").on(t.status, t.openedAt),
    check(
      "cases_status_check",
      sql`${t.status} in ('open','acknowledged','in_progress','resolved','closed_no_action')`,
    ),
  ],
);

/** The reports a case answers; a report belongs to at most one case. */
export const caseReports = pgTable(
  "case_reports",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.reportId] }),
    uniqueIndex("case_reports_report_idx").on(t.reportId),
  ],
);

/** Units working on a case, with why routing chose them (empty reasons: assigned by hand). */
export const caseAssignments = pgTable(
  "case_assignments",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => responderUnits.id),
    reasons: jsonb("reasons").$type<RoutingReason[]>().notNull(),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull(),
    assignedBy: text("assigned_by").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.unitId] }), index("case_assignments_unit_idx").on(t.unitId)],
);

/**
 * The case timeline: who did what and when. `dedupeKey` makes the deadline jobs' entries
 * idempotent (a job that runs twice finds its entry and does nothing more).
 */
export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order: several entries written in one transaction share one `at`. */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label").notNull(),
    kind: text("kind").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    notes: text("notes"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text("dedupe_key"),
  },
  (t) => [
    index("case_events_case_idx").on(t.caseId, t.seq),
    uniqueIndex("case_events_dedupe_idx").on(t.dedupeKey),
  ],
);

/** In-app notifications for staff: a case assigned, a deadline near, a case escalated to them. */
export const caseNotifications = pgTable(
  "case_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(),
    due: text("due"),
    dueAt: timestamp("due_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    dedupeKey: text("dedupe_key").notNull(),
  },
  (t) => [
    index("case_notifications_user_idx").on(t.userId, t.createdAt),
    uniqueIndex("case_notifications_dedupe_idx").on(t.dedupeKey),
    check("case_notifications_kind_check", sql`${t.kind} in ('assigned','reminder','escalated')`),
  ],
);

/**
 * What the reporter is told when the case changes status, one row per report and status.
 * `pending_approval` waits for programme staff (sensitive categories, feedback.ts); `queued` is in
 * the outbox. The body holds the report reference and plain status words, never a name or number.
 */
export const caseFeedback = pgTable(
  "case_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id),
    residentStatus: text("resident_status").notNull(),
    locale: text("locale").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("case_feedback_report_status_idx").on(t.reportId, t.residentStatus),
    index("case_feedback_case_idx").on(t.caseId),
    check("case_feedback_status_check", sql`${t.status} in ('pending_approval','queued','discarded')`),
  ],
);
