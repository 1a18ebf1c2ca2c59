// Who may learn about a report: the one check behind the web /follow-up, SMS STATUS / ADD and the
// USSD "check a report". A request proves it may by coming from the phone that made the report
// (matched by the blind index of the number, never the number itself) or by the receipt PIN.
//
// Every failed check is counted per reference (under a keyed hash of the reference, whether it
// exists or not) and per sender number (under its blind index), and locks for
// PIN_LOCK_MINUTES after MAX_PIN_FAILURES. A wrong PIN, a missing PIN and an unknown reference give
// the same answer and lock after the same count, so neither the answer nor the lock tells a guesser
// whether a reference exists.
import { eq } from "drizzle-orm";
import type { Deps } from "../../deps.ts";
import { clearRateLimit, hitRateLimit, peekRateLimit } from "../../lib/rate-limit.ts";
import { PHONE_INDEX_PURPOSE } from "../messaging/outbox.service.ts";
import { normaliseReference, verifyPin } from "./reference.ts";
import { reports } from "./reports.table.ts";

/** Wrong receipt PINs allowed before the PIN check of that report locks for PIN_LOCK_MINUTES. */
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_MINUTES = 60;
const LOCK_MS = PIN_LOCK_MINUTES * 60_000;

type ReportRow = typeof reports.$inferSelect;

export type ReceiptCheck =
  | { ok: true; report: ReportRow; by: "pin" | "reporting_phone" }
  | { ok: false; reason: "no_match" | "locked" };

const senderKey = (senderIndex: string) => `receipt.sender:${senderIndex}`;

/**
 * Failures are counted per reference under a keyed hash of the typed reference, for known and
 * unknown references alike, in the same fixed window: the count, the lock and its end are then the
 * same whether the reference exists or not (a counter on the report row would lock known
 * references on a different clock). The typed references themselves are not kept.
 */
const referenceKey = (deps: Deps, reference: string) =>
  `receipt.reference:${deps.vault.blindIndex("followup.reference", reference)}`;

/** Counts one failure against the reference and the sender; "locked" once either reaches the limit. */
async function fail(deps: Deps, reference: string | null, senderIndex: string | null): Promise<ReceiptCheck> {
  const now = deps.now();
  let failures = reference ? await hitRateLimit(deps.db, referenceKey(deps, reference), now, LOCK_MS) : 0;
  if (senderIndex)
    failures = Math.max(failures, await hitRateLimit(deps.db, senderKey(senderIndex), now, LOCK_MS));
  return { ok: false, reason: failures >= MAX_PIN_FAILURES ? "locked" : "no_match" };
}

/**
 * Reference plus PIN (web), or reference from the reporting phone, or reference plus PIN from any
 * phone (SMS, USSD). `phone` is the E.164 number the request came from, when the channel has one.
 * Runs in the caller's statements: the web calls it outside a transaction so that a failed attempt
 * is always counted; SMS and USSD count it in the transaction that sends the reply.
 */
export async function checkReceipt(
  deps: Deps,
  typedReference: string,
  typedPin: string | null,
  phone: string | null = null,
): Promise<ReceiptCheck> {
  const reference = normaliseReference(typedReference);
  const senderIndex = phone ? deps.vault.blindIndex(PHONE_INDEX_PURPOSE, phone) : null;
  const [row] = reference ? await deps.db.select().from(reports).where(eq(reports.reference, reference)) : [];
  // The reporting phone needs no PIN: it answers only about its own reports, so it reveals nothing.
  if (row?.reporterIndex && senderIndex && row.reporterIndex === senderIndex)
    return { ok: true, report: row, by: "reporting_phone" };
  const now = deps.now();
  if (senderIndex && (await peekRateLimit(deps.db, senderKey(senderIndex), now, LOCK_MS)) >= MAX_PIN_FAILURES)
    return { ok: false, reason: "locked" };
  // The web never sends a malformed reference this far without a reply; nothing to count against.
  if (!reference) return senderIndex ? fail(deps, null, senderIndex) : { ok: false, reason: "no_match" };
  // A locked reference still counts against the sender, exactly as an unknown one does.
  if ((await peekRateLimit(deps.db, referenceKey(deps, reference), now, LOCK_MS)) >= MAX_PIN_FAILURES)
    return fail(deps, reference, senderIndex);
  if (row?.pinHash && verifyPin(deps.config.vault.hashKey, reference, typedPin ?? "", row.pinHash)) {
    await clearRateLimit(deps.db, referenceKey(deps, reference));
    return { ok: true, report: row, by: "pin" };
  }
  return fail(deps, reference, senderIndex);
}

/** Whether `phone` made the report with this reference. Counts nothing: it only ever says yes to the reporter. */
export async function isReportingPhone(
  deps: Deps,
  typedReference: string,
  phone: string | null,
): Promise<boolean> {
  const reference = normaliseReference(typedReference);
  if (!reference || !phone) return false;
  const [row] = await deps.db
    .select({ reporterIndex: reports.reporterIndex })
    .from(reports)
    .where(eq(reports.reference, reference));
  return (
    row?.reporterIndex != null && row.reporterIndex === deps.vault.blindIndex(PHONE_INDEX_PURPOSE, phone)
  );
}
