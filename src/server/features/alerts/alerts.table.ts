import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AlertLevel, AlertStatus } from "../../../common/contracts/alerts.ts";
import { users } from "../users/users.table.ts";

/**
 * Early-warning alerts: an unusual rise of reports in one area and category over a period of days.
 * One row per episode: `(area_id, category, period_start)` is unique, and a rise that continues extends
 * the same row (period_end, figures, reports) instead of raising another. Scoped by `area_path`.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Gazetteer id of the ward, sub-county or county ("w:0872"). */
    areaId: text("area_id").notNull(),
    /** The area's place path ("c:032/s:175/w:0872"); scoping is a prefix test on it. */
    areaPath: text("area_path").notNull(),
    level: text("level").$type<AlertLevel>().notNull(),
    category: text("category").notNull(),
    /** Kenya-time days, inclusive. */
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    observed: integer("observed").notNull(),
    expected: doublePrecision("expected").notNull(),
    score: doublePrecision("score").notNull(),
    /** The reports counted over the period (ids only: what they say is read from the reports table). */
    reportIds: uuid("report_ids").array().notNull(),
    explanationEn: text("explanation_en").notNull(),
    explanationSw: text("explanation_sw").notNull(),
    status: text("status").$type<AlertStatus>().notNull().default("new"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by"),
    acknowledgedByLabel: text("acknowledged_by_label"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by"),
    closedByLabel: text("closed_by_label"),
    actionNote: text("action_note"),
    dismissReason: text("dismiss_reason"),
  },
  (t) => [
    uniqueIndex("alerts_episode_idx").on(t.areaId, t.category, t.periodStart),
    index("alerts_latest_idx").on(t.areaId, t.category, t.periodEnd),
    index("alerts_area_path_idx").using("btree", sql`${t.areaPath} text_pattern_ops`),
    index("alerts_status_raised_idx").on(t.status, t.raisedAt),
    check("alerts_status_check", sql`${t.status} in ('new','acknowledged','actioned','dismissed')`),
    check("alerts_level_check", sql`${t.level} in ('ward','sub_county','county')`),
    check("alerts_dismiss_reason_check", sql`${t.status} <> 'dismissed' or ${t.dismissReason} is not null`),
    check("alerts_period_check", sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

/** In-app notifications of a raised alert, one per staff member whose areas cover it. */
export const alertNotifications = pgTable(
  "alert_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => alerts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("alert_notifications_user_alert_idx").on(t.userId, t.alertId),
    index("alert_notifications_user_idx").on(t.userId, t.createdAt),
  ],
);

export interface LabelledDay {
  date: string;
  count: number;
  expected: number;
}

/**
 * What people decided about alerts, kept as labelled data for checking the detector's threshold on
 * real history: a dismissal says "false alarm" (with the reason), an action says "real". The figures
 * and the daily series are copied as they were when the decision was made, since the alert itself
 * may still be extended afterwards.
 */
export const alertLabels = pgTable(
  "alert_labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => alerts.id),
    outcome: text("outcome").$type<"dismissed" | "actioned">().notNull(),
    /** The dismissal reason, or the note of what was done. */
    reason: text("reason"),
    areaId: text("area_id").notNull(),
    areaPath: text("area_path").notNull(),
    level: text("level").$type<AlertLevel>().notNull(),
    category: text("category").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    observed: integer("observed").notNull(),
    expected: doublePrecision("expected").notNull(),
    score: doublePrecision("score").notNull(),
    series: jsonb("series").$type<LabelledDay[]>().notNull(),
    labelledBy: uuid("labelled_by"),
    labelledByLabel: text("labelled_by_label").notNull(),
    labelledAt: timestamp("labelled_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("alert_labels_labelled_idx").on(t.labelledAt),
    check("alert_labels_outcome_check", sql`${t.outcome} in ('dismissed','actioned')`),
  ],
);
