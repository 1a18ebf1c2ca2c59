import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { reports } from "./reports.table.ts";

/** Where each part of the triaged text came from, so evidence offsets can be shown on the right part. */
export interface TriageInputPart {
  /** "text" for the report itself, else the id of the report addition. */
  source: string;
  start: number;
  end: number;
}

export interface StoredEvidence {
  kind: "category" | "urgency" | "place";
  term: string;
  start: number;
  end: number;
  weight: number;
  label: string;
}

/**
 * Every triage guess ever made for a report (the job runs again when information is added).
 * The newest row is the current guess; older rows stay as history. Never edited by staff.
 */
export const reportTriage = pgTable(
  "report_triage",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order: rows made within the same millisecond still have a newest. */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id),
    category: text("category").notNull(),
    urgency: text("urgency").notNull(),
    placeId: text("place_id"),
    placePath: text("place_path"),
    categoryConfidence: real("category_confidence").notNull(),
    urgencyConfidence: real("urgency_confidence").notNull(),
    placeConfidence: real("place_confidence").notNull(),
    evidence: jsonb("evidence").$type<StoredEvidence[]>().notNull(),
    inputParts: jsonb("input_parts").$type<TriageInputPart[]>().notNull(),
    /** SHA-256 of engine version + analysed text: a re-delivered job with nothing new stores nothing. */
    inputHash: text("input_hash").notNull(),
    engineVersion: text("engine_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("report_triage_report_idx").on(t.reportId, t.createdAt),
    index("report_triage_report_seq_idx").on(t.reportId, t.seq),
  ],
);

/**
 * Staff decisions on a report, newest last. `category`, `urgency` and `place*` hold what staff have
 * decided as of this row (carried forward from earlier decisions), null where nobody has decided.
 */
export const reportDecisions = pgTable(
  "report_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order: rows made within the same millisecond still have a newest. */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id),
    action: text("action").notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    category: text("category"),
    urgency: text("urgency"),
    placeId: text("place_id"),
    placePath: text("place_path"),
    /** Staff-only free text: never shown or sent to a resident. */
    reason: text("reason"),
    /** For a rejection: what the resident is told (NOT_FORWARD_REASONS); null for other actions. */
    residentReason: text("resident_reason"),
    notes: text("notes"),
    duplicateOfId: uuid("duplicate_of_id"),
    decidedBy: uuid("decided_by"),
    decidedByLabel: text("decided_by_label").notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("report_decisions_report_idx").on(t.reportId, t.decidedAt),
    index("report_decisions_report_seq_idx").on(t.reportId, t.seq),
    check(
      "report_decisions_action_check",
      sql`${t.action} in ('verify','correct','reject','duplicate','reopen')`,
    ),
  ],
);

/**
 * Labelled examples for improving triage: what the engine guessed and what a person decided, on the
 * text the engine saw. `corrected` is false when staff confirmed the guess unchanged.
 */
export const triageLabels = pgTable(
  "triage_labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order: rows made within the same millisecond still have a newest. */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => reportDecisions.id),
    text: text("text").notNull(),
    locale: text("locale").notNull(),
    guessedCategory: text("guessed_category").notNull(),
    guessedUrgency: text("guessed_urgency").notNull(),
    guessedPlaceId: text("guessed_place_id"),
    category: text("category").notNull(),
    urgency: text("urgency").notNull(),
    placeId: text("place_id"),
    corrected: boolean("corrected").notNull(),
    engineVersion: text("engine_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("triage_labels_created_idx").on(t.createdAt)],
);
