import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { reports } from "../reports/reports.table.ts";

/**
 * One row per report form that was sent: its one-time token spent, the report it made, and for a
 * short while the receipt (reference and PIN) the receipt page shows. A second post of the same
 * form (double click, refresh, back and send again) finds this row and shows the same receipt
 * instead of filing the report again.
 *
 * Neither the form token nor the receipt address is stored: the receipt id is a keyed hash of the
 * token, and the key here is the SHA-256 of the receipt id. The PIN is kept only sealed, and only
 * until `receipt_expires_at`; after that the row keeps what is needed to refuse a resubmission.
 */
export const webReportReceipts = pgTable(
  "web_report_receipts",
  {
    receiptHash: text("receipt_hash").primaryKey(),
    /** Keyed hash of what the form said, to tell a resubmission from a new report typed into an old form. */
    contentHash: text("content_hash").notNull(),
    /** Set in the transaction that claims the token; null only inside it. */
    reportId: uuid("report_id").references(() => reports.id, { onDelete: "cascade" }),
    /** The language the report was sent in: the receipt page's default. */
    locale: text("locale").notNull(),
    /** Reference, PIN and contact consent, sealed by the vault; null once the receipt window has passed. */
    receiptSealed: text("receipt_sealed"),
    receiptExpiresAt: timestamp("receipt_expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("web_report_receipts_created_idx").on(t.createdAt)],
);
