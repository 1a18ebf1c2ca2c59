// The outbox: `enqueueSms` / `enqueueEmail` inside the transaction of the change that causes the
// message; `deliverDueMessages` from the worker, for both channels. See outbound_messages in outbox.table.ts for the states.

import { and, eq, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.ts";
import type { Deps } from "../../deps.ts";
import { retryDelayMs } from "../../jobs/queue.ts";
import { maskContacts } from "../../lib/redact.ts";
import { smsOptOuts } from "../channels/inbound.table.ts";
import { outboundMessages } from "./outbox.table.ts";

export const PHONE_INDEX_PURPOSE = "reporter.phone";
export const PHONE_SEAL_PURPOSE = "reporter.phone";
/** Staff email addresses in the outbox: sealed and indexed under a purpose of their own. */
export const EMAIL_SEAL_PURPOSE = "staff.email";
export const EMAIL_INDEX_PURPOSE = "staff.email";
/**
 * The one message that still goes to a number that has just sent STOP: the confirmation that
 * nothing more will be sent (operators and residents expect it). No other purpose is exempt.
 */
/**
 * Message bodies are sealed too: a receipt carries the report's reference and its PIN, which
 * together open the report's status and let anyone add to it. Rows written before bodies were
 * sealed hold plain text and are sent as they are (see openBody).
 */
export const BODY_SEAL_PURPOSE = "outbound.body";
export const STOP_CONFIRMATION_PURPOSE = "sms.stop_confirmation";
const MAX_SEND_ATTEMPTS = 6;
const SEND_LEASE_MS = 2 * 60_000;

export interface SmsToEnqueue {
  /** E.164, already normalised. */
  to: string;
  body: string;
  purpose: string;
  reportId?: string | null;
  dedupeKey?: string | null;
}

/** One outbox row, whatever the channel; false when the same dedupeKey is already there. */
async function enqueueOutbound(
  txDeps: Deps,
  recipient: { channel: "sms" | "email"; sealed: string; index: string; subject?: string },
  message: { body: string; purpose: string; reportId?: string | null; dedupeKey?: string | null },
): Promise<boolean> {
  const now = txDeps.now();
  const rows = await txDeps.db
    .insert(outboundMessages)
    .values({
      channel: recipient.channel,
      recipientSealed: recipient.sealed,
      recipientIndex: recipient.index,
      subject: recipient.subject ?? null,
      body: txDeps.vault.encrypt(BODY_SEAL_PURPOSE, message.body),
      purpose: message.purpose,
      reportId: message.reportId ?? null,
      dedupeKey: message.dedupeKey ?? null,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: outboundMessages.id });
  return rows.length > 0;
}

/** Writes the message to the outbox; returns false when it was already there (same dedupeKey). */
export function enqueueSms(txDeps: Deps, message: SmsToEnqueue): Promise<boolean> {
  return enqueueOutbound(
    txDeps,
    {
      channel: "sms",
      sealed: txDeps.vault.encrypt(PHONE_SEAL_PURPOSE, message.to),
      index: txDeps.vault.blindIndex(PHONE_INDEX_PURPOSE, message.to),
    },
    message,
  );
}

export interface EmailToEnqueue {
  to: string;
  subject: string;
  body: string;
  purpose: string;
  reportId?: string | null;
  dedupeKey?: string | null;
}

/** Writes an email to the outbox; returns false when it was already there (same dedupeKey). */
export function enqueueEmail(txDeps: Deps, message: EmailToEnqueue): Promise<boolean> {
  const address = message.to.trim().toLowerCase();
  return enqueueOutbound(
    txDeps,
    {
      channel: "email",
      sealed: txDeps.vault.encrypt(EMAIL_SEAL_PURPOSE, address),
      index: txDeps.vault.blindIndex(EMAIL_INDEX_PURPOSE, address),
      subject: message.subject,
    },
    message,
  );
}

export async function isOptedOut(db: Db, phoneIndex: string): Promise<boolean> {
  const [row] = await db
    .select({ at: smsOptOuts.optedOutAt })
    .from(smsOptOuts)
    .where(eq(smsOptOuts.phoneIndex, phoneIndex));
  return row !== undefined;
}

interface ClaimedMessage {
  id: string;
  channel: "sms" | "email";
  subject: string | null;
  recipient_sealed: string;
  recipient_index: string;
  body: string;
  purpose: string;
  attempts: number;
}

/**
 * Sends due messages through `deps.sms` or `deps.email`, by channel. Returns how many rows it handled (sent, failed or
 * suppressed). Rows left in `sending` by a process that died become `uncertain` (never re-sent).
 */
export async function deliverDueMessages(deps: Deps, limit = 50): Promise<number> {
  const now = deps.now();
  const abandoned = await deps.db
    .update(outboundMessages)
    .set({ status: "uncertain", leaseUntil: null, lastError: "the sending process stopped mid-send" })
    .where(
      and(eq(outboundMessages.status, "sending"), sql`${outboundMessages.leaseUntil} < ${now.toISOString()}`),
    )
    .returning({ id: outboundMessages.id });
  const claimed = await deps.db.transaction((tx) =>
    queryRows<ClaimedMessage>(
      tx as unknown as Db,
      sql`
      update ${outboundMessages} set status = 'sending', attempts = ${outboundMessages.attempts} + 1,
        lease_until = ${new Date(now.getTime() + SEND_LEASE_MS).toISOString()},
        provider = case when channel = 'sms' then ${deps.sms.name} else ${deps.email.name} end
      where id in (
        select id from ${outboundMessages}
        where status = 'pending' and next_attempt_at <= ${now.toISOString()}
        order by next_attempt_at
        limit ${limit}
        for update skip locked
      )
      returning id, channel, subject, recipient_sealed, recipient_index, body, purpose, attempts`,
    ),
  );
  for (const message of claimed) await deliverOne(deps, message);
  return abandoned.length + claimed.length;
}

/** A sealed body ("v1:<key>:<iv>:<ciphertext>:<tag>") opened; a plain one from before sealing as it is. */
function openBody(deps: Deps, stored: string): string {
  const sealed = stored.startsWith("v1:") && stored.split(":").length === 5;
  return sealed ? deps.vault.decrypt(BODY_SEAL_PURPOSE, stored) : stored;
}

async function deliverOne(deps: Deps, message: ClaimedMessage): Promise<void> {
  const finish = (values: Partial<typeof outboundMessages.$inferInsert>) =>
    deps.db
      .update(outboundMessages)
      .set({ leaseUntil: null, ...values })
      .where(eq(outboundMessages.id, message.id));
  const email = message.channel === "email";
  // STOP is an SMS matter: it says nothing about a staff member's mailbox.
  const exempt = email || message.purpose === STOP_CONFIRMATION_PURPOSE;
  if (!exempt && (await isOptedOut(deps.db, message.recipient_index))) {
    await finish({ status: "suppressed", lastError: "the recipient sent STOP" });
    return;
  }
  let to: string;
  let body: string;
  try {
    to = deps.vault.decrypt(email ? EMAIL_SEAL_PURPOSE : PHONE_SEAL_PURPOSE, message.recipient_sealed);
    body = openBody(deps, message.body);
  } catch (error) {
    await finish({ status: "failed", lastError: (error as Error).message });
    return;
  }
  const result = email
    ? await deps.email.send({ to, subject: message.subject ?? "", body })
    : await deps.sms.send({ to, body });
  if (result.ok) {
    await finish({
      status: "sent",
      sentAt: deps.now(),
      providerMessageId: result.providerMessageId,
      lastError: null,
    });
    return;
  }
  const giveUp = !result.retryable || message.attempts >= MAX_SEND_ATTEMPTS;
  // Gateways and mail servers quote the number or address they refused; staff read this on the
  // Outgoing messages page, and a resident's number is shown only through an audited reveal.
  const error = maskContacts(result.error).slice(0, 500);
  deps.log.warn(
    { outboundId: message.id, attempt: message.attempts },
    `${email ? "Email" : "SMS"} not sent: ${error}`,
  );
  await finish({
    status: result.uncertain ? "uncertain" : giveUp ? "failed" : "pending",
    lastError: error,
    nextAttemptAt: new Date(deps.now().getTime() + retryDelayMs(message.attempts)),
  });
}
