// The spent form tokens and their short-lived receipts (web_report_receipts).
import { and, eq, isNotNull, lt, lte } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { webReportReceipts } from "./public-web.table.ts";

export type WebReceiptRow = typeof webReportReceipts.$inferSelect;

export async function receiptByHash(db: Db, receiptHash: string): Promise<WebReceiptRow | null> {
  const [row] = await db
    .select()
    .from(webReportReceipts)
    .where(eq(webReportReceipts.receiptHash, receiptHash));
  return row ?? null;
}

/**
 * Spends the token: true when this call claimed it. A concurrent claim of the same token waits for
 * the first transaction and then finds the row, so at most one report is filed per token.
 */
export async function claimToken(
  db: Db,
  row: Pick<WebReceiptRow, "receiptHash" | "contentHash" | "locale" | "receiptExpiresAt" | "createdAt">,
): Promise<boolean> {
  const claimed = await db
    .insert(webReportReceipts)
    .values(row)
    .onConflictDoNothing({ target: webReportReceipts.receiptHash })
    .returning({ receiptHash: webReportReceipts.receiptHash });
  return claimed.length === 1;
}

export async function recordReceipt(
  db: Db,
  receiptHash: string,
  filed: { reportId: string; receiptSealed: string },
): Promise<void> {
  await db.update(webReportReceipts).set(filed).where(eq(webReportReceipts.receiptHash, receiptHash));
}

/** Drops the sealed PIN of every receipt whose window has passed; returns how many. */
export async function forgetExpiredReceipts(db: Db, now: Date): Promise<number> {
  const forgotten = await db
    .update(webReportReceipts)
    .set({ receiptSealed: null })
    .where(and(isNotNull(webReportReceipts.receiptSealed), lte(webReportReceipts.receiptExpiresAt, now)))
    .returning({ receiptHash: webReportReceipts.receiptHash });
  return forgotten.length;
}

export async function deleteReceiptsBefore(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .delete(webReportReceipts)
    .where(lt(webReportReceipts.createdAt, before))
    .returning({ receiptHash: webReportReceipts.receiptHash });
  return deleted.length;
}
