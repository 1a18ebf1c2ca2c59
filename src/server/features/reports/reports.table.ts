import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * A resident's report, from any channel. What the resident said is kept apart from what staff
 * decide about it: `category`, `urgency` and `placeId` here are the resident's own answers
 * (null when they did not give one); triage guesses and verification live in their own tables.
 *
 * The reporter's contact is never stored in clear: `contactSealed` is vault ciphertext and
 * `reporterIndex` a keyed hash of the normalised phone number, used only to match a follow-up
 * SMS to the report and to honour STOP.
 */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull(),
    channel: text("channel").notNull(),
    text: text("text").notNull(),
    locale: text("locale").notNull(),
    category: text("category"),
    urgency: text("urgency"),
    placeId: text("place_id"),
    /** The place's path ("c:032/s:170/l:kaptembwo"); scoping is a prefix test on it. Null when unknown. */
    placePath: text("place_path"),
    /** What the resident wrote when their place was not in the list. */
    placeText: text("place_text"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }),
    /** How rough occurredAt is: "exact", "today", "yesterday", "this_week", "earlier", or "unknown". */
    occurredAtPrecision: text("occurred_at_precision").notNull().default("unknown"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    status: text("status").notNull().default("new"),
    /** The resident agreed that staff may contact them (not just receive automatic replies). */
    consentToContact: boolean("consent_to_contact").notNull().default(false),
    contactSealed: text("contact_sealed"),
    contactNameSealed: text("contact_name_sealed"),
    reporterIndex: text("reporter_index"),
    /** The inbound gateway message this report came from; unique, so a retried callback never makes two. */
    inboundMessageId: uuid("inbound_message_id"),
    pinHash: text("pin_hash"),
    pinFailures: integer("pin_failures").notNull().default(0),
    pinLockedUntil: timestamp("pin_locked_until", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("reports_reference_idx").on(t.reference),
    uniqueIndex("reports_inbound_idx").on(t.inboundMessageId),
    index("reports_received_idx").on(t.receivedAt),
    index("reports_reporter_idx").on(t.reporterIndex, t.receivedAt),
    index("reports_place_path_idx").using("btree", sql`${t.placePath} text_pattern_ops`),
    check("reports_channel_check", sql`${t.channel} in ('web','sms','ussd','staff')`),
    check("reports_locale_check", sql`${t.locale} in ('en','sw')`),
  ],
);

/** More information added to a report later: a follow-up SMS, or text added at /follow-up. */
export const reportAdditions = pgTable(
  "report_additions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id),
    channel: text("channel").notNull(),
    text: text("text").notNull(),
    inboundMessageId: uuid("inbound_message_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("report_additions_report_idx").on(t.reportId, t.receivedAt),
    uniqueIndex("report_additions_inbound_idx").on(t.inboundMessageId),
  ],
);
