// The worker side of SMS intake: stored callbacks become reports, additions, status answers,
// STOP/START and help replies. A batch is claimed with FOR UPDATE SKIP LOCKED (several server
// processes can run this at once), and each message runs in a savepoint so that one bad row is
// counted and retried without holding up the rest. The report, the reply in the outbox and the
// row's `processed_at` commit together: a crash anywhere means the message is simply done again,
// and the unique inbound id on reports and the reply's dedupe key make "again" harmless.

import { sql } from "drizzle-orm";
import { statusMessage, t } from "../../../common/messages.ts";
import type { Locale } from "../../../common/taxonomy.ts";
import { queryRows } from "../../db/client.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { retryDelayMs } from "../../jobs/queue.ts";
import { withoutControlCharacters } from "../../lib/control-chars.ts";
import { hitRateLimit } from "../../lib/rate-limit.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { statusForResident } from "../cases/feedback.service.ts";
import { enqueueSms, STOP_CONFIRMATION_PURPOSE } from "../messaging/outbox.service.ts";
import { checkReceipt } from "../reports/receipt.service.ts";
import { addToReport, findRecentReportFrom, submitReport } from "../reports/reports.service.ts";
import { triageReport } from "../reports/triage/triage.ts";
import { INBOUND_PAYLOAD_PURPOSE, type SmsPayload } from "./inbound.service.ts";
import { inboundMessages, smsOptOuts } from "./inbound.table.ts";
import { classifyInboundFailure, PermanentInboundError } from "./inbound-failures.ts";
import {
  detectLocale,
  FOLLOW_UP_WINDOW_MINUTES,
  isFollowUpOf,
  MAX_SMS_REPORT_CHARS,
  parseInboundSms,
} from "./sms-commands.ts";

/** Messages one sender may send per hour before we stop acting on them (they are still stored). */
export const SMS_SENDER_LIMIT_PER_HOUR = 30;
const HOUR_MS = 60 * 60_000;
/**
 * A message that failed this many times is set aside as "failed" for staff to look at. Retries are
 * spaced out (5 s, 10 s, 20 s ... retryDelayMs), so the attempts span about ten minutes: long
 * enough to ride out a database restart, short enough that a resident is not left waiting an hour.
 */
export const MAX_INBOUND_ATTEMPTS = 8;
const DEFAULT_BATCH = 50;

export type InboundOutcome =
  | "report"
  | "addition"
  | "status"
  | "stop"
  | "start"
  | "help"
  | "empty"
  | "too_long"
  | "rate_limited"
  | "failed";

interface ClaimedRow {
  id: string;
  payload_sealed: string;
  sender_index: string | null;
  attempts: number;
}

interface Done {
  outcome: InboundOutcome;
  reportId?: string | null;
}

const SMS_ACTOR = { id: null, label: "resident (sms)" };

/**
 * Processes up to `limit` stored SMS in the order they arrived. Returns how many were finished
 * (processed, or given up on); a message that failed and will be retried is not counted, so the
 * worker waits its interval before the retry instead of spinning on it.
 */
export async function processInboundMessages(deps: Deps, limit = DEFAULT_BATCH): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const claimed = await queryRows<ClaimedRow>(
      tx.db,
      sql`select id, payload_sealed, sender_index, attempts from ${inboundMessages}
          where processed_at is null and kind = 'sms'
            and (next_attempt_at is null or next_attempt_at <= ${tx.now().toISOString()})
          order by received_at, id
          limit ${limit}
          for update skip locked`,
    );
    const waiting = await waitingForOlderMessages(tx, claimed);
    // A sender's messages are handled in order: a follow-up must find the report it follows. So a
    // message waits while an older one from its sender is pending elsewhere or failed just now.
    const failedSenders = new Set<string>();
    let finished = 0;
    for (const row of claimed) {
      if (waiting.has(row.id) || (row.sender_index && failedSenders.has(row.sender_index))) continue;
      try {
        await tx.db.transaction((savepoint) =>
          processOne({ ...tx, db: savepoint as unknown as Deps["db"] }, row),
        );
        finished++;
      } catch (error) {
        if (row.sender_index) failedSenders.add(row.sender_index);
        if (await recordFailure(tx, row, error)) finished++;
      }
    }
    return finished;
  });
}

/**
 * The claimed messages that have an older message from the same sender still pending outside
 * this batch (claimed by another worker, or retrying after a failure). One query per batch.
 */
async function waitingForOlderMessages(txDeps: Deps, claimed: ClaimedRow[]): Promise<Set<string>> {
  if (claimed.length === 0) return new Set();
  const ids = sql.join(
    claimed.map((row) => sql`${row.id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string }>(
    txDeps.db,
    sql`select m.id from ${inboundMessages} m
        where m.id in (${ids}) and m.sender_index is not null
          and exists (
            select 1 from ${inboundMessages} e
            where e.processed_at is null and e.kind = 'sms' and e.sender_index = m.sender_index
              and (e.received_at, e.id) < (m.received_at, m.id) and e.id not in (${ids}))`,
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * Counts a failed attempt. A message that cannot succeed as it is (inbound-failures.ts) is set
 * aside at once; any other failure is retried with backoff until MAX_INBOUND_ATTEMPTS.
 */
async function recordFailure(txDeps: Deps, row: ClaimedRow, error: unknown): Promise<boolean> {
  const attempts = row.attempts + 1;
  // The reason never holds the text, the sender or a failed query's parameters (staff read it on
  // the Incoming SMS page, and it is logged).
  const verdict = classifyInboundFailure(error);
  const giveUp = verdict.permanent || attempts >= MAX_INBOUND_ATTEMPTS;
  const message = verdict.reason.slice(0, 500);
  txDeps.log.warn(
    { inboundId: row.id, attempt: attempts, permanent: verdict.permanent },
    `inbound SMS not processed: ${message}`,
  );
  await txDeps.db
    .update(inboundMessages)
    .set({
      attempts,
      lastError: message,
      nextAttemptAt: giveUp ? null : new Date(txDeps.now().getTime() + retryDelayMs(attempts)),
      ...(giveUp && { processedAt: txDeps.now(), outcome: "failed" }),
    })
    .where(sql`${inboundMessages.id} = ${row.id}`);
  return giveUp;
}

function openPayload(deps: Deps, sealed: string): SmsPayload {
  const json = deps.vault.decrypt(INBOUND_PAYLOAD_PURPOSE, sealed);
  let payload: SmsPayload;
  try {
    payload = JSON.parse(json) as SmsPayload;
  } catch {
    // JSON.parse quotes the text it choked on; that text holds a phone number, and this message
    // goes to the log and to last_error.
    throw new PermanentInboundError("The stored message is damaged (its payload is not valid JSON)");
  }
  // The edge cleans text before storing it; SMS stored before it did (a NUL made every attempt
  // fail) are cleaned here, so that "Try again" on Admin → Incoming SMS can succeed for them.
  return { ...payload, text: withoutControlCharacters(payload.text ?? "") };
}

async function processOne(txDeps: Deps, row: ClaimedRow): Promise<void> {
  const payload = openPayload(txDeps, row.payload_sealed);
  const done = await act(txDeps, row, payload);
  await txDeps.db
    .update(inboundMessages)
    .set({
      processedAt: txDeps.now(),
      outcome: done.outcome,
      reportId: done.reportId ?? null,
      attempts: row.attempts + 1,
      lastError: null,
    })
    .where(sql`${inboundMessages.id} = ${row.id}`);
}

async function act(txDeps: Deps, row: ClaimedRow, payload: SmsPayload): Promise<Done> {
  const { phone } = payload;
  const intent = parseInboundSms(payload.text);
  const locale = detectLocale(payload.text);
  const reply = (body: string, purpose: string, reportId: string | null = null) =>
    phone
      ? enqueueSms(txDeps, { to: phone, body, purpose, reportId, dedupeKey: `reply:${row.id}` })
      : Promise.resolve(false);

  // STOP and START are always honoured, even from a sender over the limit.
  if (row.sender_index && intent.kind !== "stop" && intent.kind !== "start") {
    const key = `sms-sender:${row.sender_index}`;
    const count = await hitRateLimit(txDeps.db, key, txDeps.now(), HOUR_MS);
    if (count > SMS_SENDER_LIMIT_PER_HOUR) {
      // One "please wait" per window, not one per message: replies cost money and annoy.
      if (count === SMS_SENDER_LIMIT_PER_HOUR + 1) await reply(t(locale, "rateLimited"), "sms.rate_limited");
      return { outcome: "rate_limited" };
    }
  }

  switch (intent.kind) {
    case "report":
      return reportOrAddition(txDeps, row, payload, intent.text, locale, reply);
    case "new_report":
      return newReport(txDeps, row, payload, intent.text, locale, reply, null);
    case "add":
      return explicitAddition(txDeps, row, payload, intent, locale, reply);
    case "status": {
      if (intent.reference === null) {
        await reply(t(locale, "statusMissingReference"), "report.status");
        return { outcome: "status" };
      }
      // From the reporting phone, or with the PIN; otherwise the same words as an unknown code.
      const answer = await statusForResident(txDeps, { reference: intent.reference, pin: intent.pin, phone });
      const body = answer.ok
        ? statusMessage(locale, answer.reference, answer.status)
        : t(locale, answer.reason === "locked" ? "statusLocked" : "statusNoMatch");
      await reply(body, "report.status");
      return { outcome: "status" };
    }
    case "stop":
      if (row.sender_index) {
        await txDeps.db
          .insert(smsOptOuts)
          .values({ phoneIndex: row.sender_index, optedOutAt: txDeps.now() })
          .onConflictDoNothing();
        await auditOptChange(txDeps, row.id, "sms.opt_out");
      }
      await reply(t(locale, "stopConfirmed"), STOP_CONFIRMATION_PURPOSE);
      return { outcome: "stop" };
    case "start":
      if (row.sender_index) {
        await txDeps.db.delete(smsOptOuts).where(sql`${smsOptOuts.phoneIndex} = ${row.sender_index}`);
        await auditOptChange(txDeps, row.id, "sms.opt_in");
      }
      await reply(t(locale, "startConfirmed"), "sms.start_confirmation");
      return { outcome: "start" };
    case "help":
      await reply(t(locale, "help"), "sms.help");
      return { outcome: "help" };
    case "empty":
      await reply(t(locale, "empty"), "sms.help");
      return { outcome: "empty" };
    case "too_long":
      await reply(t(locale, "tooLong", { max: MAX_SMS_REPORT_CHARS }), "sms.help");
      return { outcome: "too_long" };
  }
}

type Reply = (body: string, purpose: string, reportId?: string | null) => Promise<boolean>;

/**
 * A report, or more about the one this number sent just before: only when it reads as a
 * continuation (isFollowUpOf); when in doubt a new report, whose reply says how to add it instead.
 */
async function reportOrAddition(
  txDeps: Deps,
  row: ClaimedRow,
  payload: SmsPayload,
  text: string,
  locale: Locale,
  reply: Reply,
): Promise<Done> {
  const { phone } = payload;
  const recent = phone ? await findRecentReportFrom(txDeps, phone, FOLLOW_UP_WINDOW_MINUTES * 60_000) : null;
  if (recent && isFollowUpOf(text, recent.text, triageReport)) {
    await addToReport(txDeps, recent, { channel: "sms", text, inboundMessageId: row.id });
    await reply(
      t(locale, "detailsAttached", { reference: recent.reference }),
      "report.details_added",
      recent.id,
    );
    return { outcome: "addition", reportId: recent.id };
  }
  return newReport(txDeps, row, payload, text, locale, reply, recent?.reference ?? null);
}

/** A new report with its own reference and PIN (to follow up from another phone or the web). */
async function newReport(
  txDeps: Deps,
  row: ClaimedRow,
  payload: SmsPayload,
  text: string,
  locale: Locale,
  reply: Reply,
  previous: string | null,
): Promise<Done> {
  const report = await submitReport(txDeps, {
    channel: "sms",
    text,
    locale,
    phone: payload.phone,
    inboundMessageId: row.id,
    withPin: true,
  });
  const receipt = { reference: report.reference, pin: report.pin ?? "" };
  await reply(
    previous ? t(locale, "smsReceivedSeparate", { ...receipt, previous }) : t(locale, "smsReceived", receipt),
    "report.receipt",
    report.id,
  );
  return { outcome: "report", reportId: report.id };
}

/** "ADD <ref> text": from the reporting phone, or with the PIN, checked like a status request. */
async function explicitAddition(
  txDeps: Deps,
  row: ClaimedRow,
  payload: SmsPayload,
  intent: { reference: string | null; pin: string | null; text: string },
  locale: Locale,
  reply: Reply,
): Promise<Done> {
  if (intent.reference === null || intent.text === "") {
    await reply(t(locale, "addMissingReference"), "report.details_added");
    return { outcome: "addition" };
  }
  const checked = await checkReceipt(txDeps, intent.reference, intent.pin, payload.phone);
  if (!checked.ok) {
    await reply(
      t(locale, checked.reason === "locked" ? "statusLocked" : "addNoMatch"),
      "report.details_added",
    );
    return { outcome: "addition" };
  }
  const report = checked.report;
  await addToReport(txDeps, report, { channel: "sms", text: intent.text, inboundMessageId: row.id });
  await reply(
    t(locale, "detailsAttached", { reference: report.reference }),
    "report.details_added",
    report.id,
  );
  return { outcome: "addition", reportId: report.id };
}

/** The opt-out list changes what residents receive, so it is audited; never with the number. */
function auditOptChange(txDeps: Deps, inboundId: string, action: "sms.opt_out" | "sms.opt_in") {
  return recordAudit(txDeps, SMS_ACTOR, {
    action,
    entityType: "inbound_message",
    entityId: inboundId,
  });
}
