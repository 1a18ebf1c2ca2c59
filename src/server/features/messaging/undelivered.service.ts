// Outgoing messages that did not go out for sure, for a person to settle (outbox.table.ts): a failed
// one can be sent again once the cause is fixed; an uncertain one may have arrived, so only a person
// who checked (with the gateway's delivery report, or the recipient) decides to send it again or to
// record it as sent. Neither the recipient nor the text is shown.

import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { UndeliveredView } from "../../../common/contracts/channels.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { conflict, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { maskContacts } from "../../lib/redact.ts";
import type { Principal } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { requireNationalChannelsRole } from "../channels/failed-inbound.service.ts";
import { reports } from "../reports/reports.table.ts";
import { actorOf } from "../users/users.service.ts";
import { outboundMessages } from "./outbox.table.ts";

const UNSETTLED = ["failed", "uncertain"] as const;

export async function listUndelivered(
  deps: Deps,
  principal: Principal,
  limit: number,
): Promise<{ messages: UndeliveredView[]; total: number }> {
  requireNationalChannelsRole(principal);
  const unsettled = inArray(outboundMessages.status, [...UNSETTLED]);
  const rows = await deps.db
    .select({
      id: outboundMessages.id,
      channel: outboundMessages.channel,
      status: outboundMessages.status,
      purpose: outboundMessages.purpose,
      reportReference: reports.reference,
      createdAt: outboundMessages.createdAt,
      attempts: outboundMessages.attempts,
      lastError: outboundMessages.lastError,
      deliveryOutcome: outboundMessages.deliveryOutcome,
      deliveryStatus: outboundMessages.deliveryStatus,
      deliveryFailureReason: outboundMessages.deliveryFailureReason,
      deliveryReportedAt: outboundMessages.deliveryReportedAt,
    })
    .from(outboundMessages)
    .leftJoin(reports, eq(reports.id, outboundMessages.reportId))
    .where(unsettled)
    .orderBy(desc(outboundMessages.createdAt), desc(outboundMessages.id))
    .limit(limit);
  const [counted] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(outboundMessages)
    .where(unsettled);
  return {
    messages: rows.map(
      ({ deliveryOutcome, deliveryStatus, deliveryFailureReason, deliveryReportedAt, ...row }) => ({
        ...row,
        channel: row.channel as UndeliveredView["channel"],
        status: row.status as UndeliveredView["status"],
        createdAt: row.createdAt.toISOString(),
        // Rows stored before errors were masked on the way in (outbox.service.ts) may quote the recipient.
        lastError: row.lastError && maskContacts(row.lastError),
        // The gateway's word (delivery-reports.service.ts), masked when it was stored.
        delivery:
          deliveryOutcome && deliveryStatus && deliveryReportedAt
            ? {
                outcome: deliveryOutcome as NonNullable<UndeliveredView["delivery"]>["outcome"],
                status: deliveryStatus,
                failureReason: deliveryFailureReason,
                reportedAt: deliveryReportedAt.toISOString(),
              }
            : null,
      }),
    ),
    total: counted?.n ?? 0,
  };
}

export type Settlement = "resend" | "confirm_sent";

/**
 * A message sent again is a new message for the gateway, with an id of its own: the earlier send's
 * report no longer applies, and a late one for it must not find this row.
 */
const NO_DELIVERY_REPORT = {
  providerMessageId: null,
  deliveryOutcome: null,
  deliveryStatus: null,
  deliveryFailureReason: null,
  deliveryReportedAt: null,
};

/**
 * `resend`: back in the queue with a fresh set of attempts (the STOP list is checked again when it
 * goes). `confirm_sent`: an uncertain message that a person found was delivered; a failed one
 * cannot be, since the gateway said it was not.
 */
export async function settleUndelivered(
  deps: Deps,
  principal: Principal,
  id: string,
  settlement: Settlement,
): Promise<void> {
  requireNationalChannelsRole(principal);
  if (!isUuid(id)) throw notFound("The message");
  await inTransaction(deps, async (tx) => {
    const [row] = await tx.db
      .select({ status: outboundMessages.status, channel: outboundMessages.channel })
      .from(outboundMessages)
      .where(eq(outboundMessages.id, id))
      .for("update");
    if (!row) throw notFound("The message");
    if (!(UNSETTLED as readonly string[]).includes(row.status))
      throw conflict(`This message is ${row.status} now: someone settled it already, or it was sent.`);
    if (settlement === "confirm_sent" && row.status !== "uncertain")
      throw conflict("Only a message whose sending was uncertain can be recorded as sent; this one failed.");
    await tx.db
      .update(outboundMessages)
      .set(
        settlement === "resend"
          ? {
              status: "pending",
              attempts: 0,
              nextAttemptAt: tx.now(),
              leaseUntil: null,
              ...NO_DELIVERY_REPORT,
            }
          : { status: "sent", sentAt: tx.now() },
      )
      .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, row.status)));
    await recordAudit(tx, actorOf(principal), {
      action: settlement === "resend" ? "outbound.resend" : "outbound.confirm_sent",
      entityType: "outbound_message",
      entityId: id,
      before: { status: row.status, channel: row.channel },
      after: { status: settlement === "resend" ? "pending" : "sent" },
    });
  });
}
