import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Every gateway callback is written here, sealed, before the gateway gets its 200: from then on
 * the message cannot be lost, and a worker turns it into a report (or a STOP, a status reply...).
 * `(gateway, externalId)` is unique, so a callback the gateway retries is stored once.
 *
 * The payload holds the sender's phone number, so it is vault ciphertext; `senderIndex` is the
 * blind index of the normalised number, for ordering a sender's messages and rate limiting.
 */
export const inboundMessages = pgTable(
  "inbound_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    gateway: text("gateway").notNull(),
    kind: text("kind").notNull(),
    externalId: text("external_id").notNull(),
    payloadSealed: text("payload_sealed").notNull(),
    senderIndex: text("sender_index"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    /** What processing did: "report", "addition", "status", "stop", "start", "help", "rejected". */
    outcome: text("outcome"),
    reportId: uuid("report_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** After a failure: not tried again before this (backoff), so a database blip does not use up every attempt. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("inbound_gateway_external_idx").on(t.gateway, t.externalId),
    index("inbound_unprocessed_idx").on(t.receivedAt).where(sql`${t.processedAt} is null`),
    check("inbound_gateway_check", sql`${t.gateway} in ('africastalking','twilio')`),
    check("inbound_kind_check", sql`${t.kind} in ('sms','ussd')`),
  ],
);

/** Numbers that sent STOP: nothing is sent to them until they send START. Keyed by blind index. */
export const smsOptOuts = pgTable("sms_opt_outs", {
  phoneIndex: text("phone_index").primaryKey(),
  optedOutAt: timestamp("opted_out_at", { withTimezone: true }).notNull(),
});
