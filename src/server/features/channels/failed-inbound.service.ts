// Incoming SMS that processing gave up on (MAX_INBOUND_ATTEMPTS failures): shown to staff without
// their sender or text, and run again on request once the cause is fixed, so that no report sent
// by SMS is lost to a bug or an outage that outlasted the retries.

import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { FailedInboundView, InboundBacklogView } from "../../../common/contracts/channels.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { conflict, forbidden, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { maskContacts } from "../../lib/redact.ts";
import { type Principal, requirePermission } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import { inboundMessages } from "./inbound.table.ts";

/**
 * A message's place is only known once it is processed, so one that failed may come from any
 * county: only staff whose scope is the whole country may see or re-run them.
 */
export function requireNationalChannelsRole(principal: Principal): void {
  requirePermission(principal, "channels.manage");
  if (!principal.scope.allPlaces)
    throw forbidden(
      "Incoming messages that failed have no place yet, so only staff who cover the whole country can see them.",
    );
}

const failed = and(eq(inboundMessages.outcome, "failed"), isNotNull(inboundMessages.processedAt));

export async function listFailedInbound(
  deps: Deps,
  principal: Principal,
  limit: number,
): Promise<{ messages: FailedInboundView[]; total: number; waiting: InboundBacklogView }> {
  requireNationalChannelsRole(principal);
  const rows = await deps.db
    .select({
      id: inboundMessages.id,
      gateway: inboundMessages.gateway,
      kind: inboundMessages.kind,
      receivedAt: inboundMessages.receivedAt,
      attempts: inboundMessages.attempts,
      lastError: inboundMessages.lastError,
      failedAt: inboundMessages.processedAt,
    })
    .from(inboundMessages)
    .where(failed)
    .orderBy(desc(inboundMessages.receivedAt), desc(inboundMessages.id))
    .limit(limit);
  const [counted] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboundMessages)
    .where(failed);
  const [backlog] = await deps.db
    .select({
      count: sql<number>`count(*)::int`,
      oldest: sql<string | null>`min(${inboundMessages.receivedAt})`,
    })
    .from(inboundMessages)
    .where(and(isNull(inboundMessages.processedAt), eq(inboundMessages.kind, "sms")));
  return {
    messages: rows.map((row) => ({
      ...row,
      gateway: row.gateway as FailedInboundView["gateway"],
      kind: row.kind as FailedInboundView["kind"],
      receivedAt: row.receivedAt.toISOString(),
      failedAt: row.failedAt?.toISOString() ?? null,
      // Rows stored before errors were masked on the way in (inbound-processing.service.ts).
      lastError: row.lastError && maskContacts(row.lastError),
    })),
    total: counted?.n ?? 0,
    waiting: {
      count: backlog?.count ?? 0,
      oldestReceivedAt: backlog?.oldest ? new Date(backlog.oldest).toISOString() : null,
    },
  };
}

/**
 * Puts a failed message back in the queue with a fresh set of attempts; the worker picks it up on
 * its next round. The last error stays until it is processed, to compare if it fails again.
 */
export async function retryFailedInbound(deps: Deps, principal: Principal, id: string): Promise<void> {
  requireNationalChannelsRole(principal);
  if (!isUuid(id)) throw notFound("The message");
  await inTransaction(deps, async (tx) => {
    const [row] = await tx.db
      .update(inboundMessages)
      .set({ processedAt: null, outcome: null, attempts: 0, nextAttemptAt: null })
      .where(and(eq(inboundMessages.id, id), failed))
      .returning({ id: inboundMessages.id, gateway: inboundMessages.gateway });
    if (!row) {
      const [exists] = await tx.db
        .select({ outcome: inboundMessages.outcome })
        .from(inboundMessages)
        .where(eq(inboundMessages.id, id));
      if (!exists) throw notFound("The message");
      throw conflict("This message is not failed any more: someone queued it again, or it was processed.");
    }
    await recordAudit(tx, actorOf(principal), {
      action: "inbound.retry",
      entityType: "inbound_message",
      entityId: row.id,
      before: { outcome: "failed" },
      after: { outcome: null, attempts: 0 },
    });
  });
}
