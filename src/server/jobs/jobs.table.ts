import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Background jobs (triage a report, detect alerts, send reminders). Enqueued in the same
 * transaction as the change that needs them; claimed with FOR UPDATE SKIP LOCKED so several
 * workers never take the same job; retried with exponential backoff up to `maxAttempts`.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** Optional: an enqueue whose key is already queued or running is ignored. */
    dedupeKey: text("dedupe_key"),
    status: text("status").notNull().default("queued"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("jobs_dedupe_idx").on(t.dedupeKey),
    index("jobs_due_idx").on(t.runAt).where(sql`${t.status} = 'queued'`),
    check("jobs_status_check", sql`${t.status} in ('queued','running','done','dead')`),
  ],
);
