import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The durable outbox: a message to send is written in the same transaction as the change that
 * causes it, then a worker hands it to the driver of its channel (SMS or email). Sending is at most once: a row is marked
 * `sending` (with a lease) before the driver is called, and a row found still `sending` after its
 * lease expired (the process died mid-send) becomes `uncertain` for a person to check, never
 * re-sent automatically. Failures the driver reports as retryable go back to `pending` with backoff.
 *
 * The gateway's delivery report (delivery-reports.service.ts) is recorded in the `delivery_*`
 * columns, found by (provider, provider_message_id): `delivery_outcome` is what it means
 * (`pending` on its way, `delivered`, `failed`; the last two are final), `delivery_status` the
 * gateway's own word. A report settles an `uncertain` row (the gateway has it: `sent`, or `failed`)
 * and moves a `sent` row the gateway could not deliver to `failed`, so that staff can send it again.
 */
export const outboundMessages = pgTable(
  "outbound_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel").notNull(),
    /** Vault ciphertext of the E.164 number (sms) or of the address (email, purpose "staff.email"). */
    recipientSealed: text("recipient_sealed").notNull(),
    recipientIndex: text("recipient_index").notNull(),
    /** Email only: the subject line. */
    subject: text("subject"),
    body: text("body").notNull(),
    /** Why it is sent, e.g. "report.receipt", "report.status"; shown to staff, never the number. */
    purpose: text("purpose").notNull(),
    reportId: uuid("report_id"),
    /** Optional: a second enqueue with the same key is ignored (e.g. one receipt per inbound message). */
    dedupeKey: text("dedupe_key"),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** The driver that was handed the message (`africastalking`, `twilio`, `console`, `smtp`...). */
    provider: text("provider"),
    providerMessageId: text("provider_message_id"),
    deliveryOutcome: text("delivery_outcome"),
    deliveryStatus: text("delivery_status"),
    deliveryFailureReason: text("delivery_failure_reason"),
    deliveryReportedAt: timestamp("delivery_reported_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("outbound_dedupe_idx").on(t.dedupeKey),
    index("outbound_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("outbound_report_idx").on(t.reportId),
    // Not unique: a gateway reusing an id must never stop a message from being recorded as sent.
    index("outbound_provider_message_idx").on(t.provider, t.providerMessageId),
    // An uncertain send has no provider id: its report is matched by recipient (delivery-reports.service.ts).
    index("outbound_uncertain_recipient_idx").on(t.recipientIndex).where(sql`${t.status} = 'uncertain'`),
    check("outbound_channel_check", sql`${t.channel} in ('sms','email')`),
    check(
      "outbound_status_check",
      sql`${t.status} in ('pending','sending','sent','failed','uncertain','suppressed')`,
    ),
    check(
      "outbound_delivery_outcome_check",
      sql`${t.deliveryOutcome} is null or ${t.deliveryOutcome} in ('pending','delivered','failed')`,
    ),
  ],
);
