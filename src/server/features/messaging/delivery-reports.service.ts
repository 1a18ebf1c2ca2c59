// A gateway's delivery report applied to the outbox row it is about (outbox.table.ts).
//
// Idempotent and order-proof: `delivered` and `failed` are final, so a repeat or a late "sent"
// changes nothing and writes no audit row. A report also settles what a person would otherwise
// have to: an `uncertain` send is `sent` once the gateway says it has it (or `failed`, to be sent
// again), and a `sent` message the gateway could not deliver becomes `failed`. Every change is
// audited in the same transaction, without the number or the text.
//
// An uncertain send has no provider id (the process stopped before the gateway's answer was
// stored), so a report with an unknown id is matched to it by recipient: only when exactly one
// uncertain SMS to that number is waiting, so that a report is never applied to a guess.
import { createHash } from "node:crypto";
import { and, eq, isNull, or } from "drizzle-orm";
import { type Deps, inTransaction } from "../../deps.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import type { DeliveryReport } from "./delivery-reports.ts";
import { PHONE_INDEX_PURPOSE } from "./outbox.service.ts";
import { outboundMessages } from "./outbox.table.ts";

type Row = Pick<
  typeof outboundMessages.$inferSelect,
  "id" | "status" | "deliveryOutcome" | "deliveryStatus" | "deliveryFailureReason"
>;

const ROW = {
  id: outboundMessages.id,
  status: outboundMessages.status,
  deliveryOutcome: outboundMessages.deliveryOutcome,
  deliveryStatus: outboundMessages.deliveryStatus,
  deliveryFailureReason: outboundMessages.deliveryFailureReason,
};

const FINAL = new Set(["delivered", "failed"]);

/** Logs may tell reports apart by this, never by the id or the number itself. */
const idHash = (id: string) => createHash("sha256").update(id, "utf8").digest("hex").slice(0, 12);

function byProviderId(txDeps: Deps, report: DeliveryReport): Promise<Row[]> {
  return txDeps.db
    .select(ROW)
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.channel, "sms"),
        eq(outboundMessages.provider, report.gateway),
        eq(outboundMessages.providerMessageId, report.providerMessageId),
      ),
    )
    .for("update");
}

async function uncertainByRecipient(txDeps: Deps, report: DeliveryReport): Promise<Row | undefined> {
  if (!report.recipient) return undefined;
  const rows = await txDeps.db
    .select(ROW)
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.status, "uncertain"),
        eq(outboundMessages.channel, "sms"),
        eq(outboundMessages.recipientIndex, txDeps.vault.blindIndex(PHONE_INDEX_PURPOSE, report.recipient)),
        isNull(outboundMessages.providerMessageId),
        // Rows left uncertain before the provider was recorded have none.
        or(eq(outboundMessages.provider, report.gateway), isNull(outboundMessages.provider)),
      ),
    )
    .limit(2)
    .for("update");
  return rows.length === 1 ? rows[0] : undefined;
}

/** The outbox status a report implies: a report proves the gateway took an uncertain message. */
function nextStatus(status: string, outcome: DeliveryReport["outcome"]): string {
  if (outcome === "failed") return status === "sent" || status === "uncertain" ? "failed" : status;
  if (status === "uncertain") return "sent";
  return outcome === "delivered" && status === "failed" ? "sent" : status;
}

function auditAction(before: string, after: string): string {
  if (before === after) return "outbound.delivery_report";
  if (before === "uncertain") return "outbound.delivery_settled";
  // A failed send that arrived after all (a report later than the failure) is recorded as sent.
  return after === "failed" ? "outbound.delivery_failed" : "outbound.delivery_confirmed";
}

async function apply(txDeps: Deps, row: Row, report: DeliveryReport, matchedBy: string): Promise<boolean> {
  if (row.deliveryOutcome && FINAL.has(row.deliveryOutcome)) return false;
  const failureReason = report.outcome === "failed" ? report.failureReason : null;
  const same =
    row.deliveryOutcome === report.outcome &&
    row.deliveryStatus === report.status &&
    row.deliveryFailureReason === failureReason;
  if (same) return false;
  const status = nextStatus(row.status, report.outcome);
  const now = txDeps.now();
  await txDeps.db
    .update(outboundMessages)
    .set({
      status,
      providerMessageId: report.providerMessageId,
      provider: report.gateway,
      deliveryOutcome: report.outcome,
      deliveryStatus: report.status,
      deliveryFailureReason: failureReason,
      deliveryReportedAt: now,
      ...(status === "sent" && row.status !== "sent" && { sentAt: now }),
      ...(status === "failed" &&
        row.status !== "failed" && {
          lastError: `The gateway reported it was not delivered: ${report.status}${
            failureReason ? ` (${failureReason})` : ""
          }`,
        }),
    })
    .where(eq(outboundMessages.id, row.id));
  const actor: Actor = { id: null, label: `gateway:${report.gateway}` };
  await recordAudit(txDeps, actor, {
    action: auditAction(row.status, status),
    entityType: "outbound_message",
    entityId: row.id,
    before: { status: row.status, deliveryOutcome: row.deliveryOutcome, deliveryStatus: row.deliveryStatus },
    after: {
      status,
      deliveryOutcome: report.outcome,
      deliveryStatus: report.status,
      failureReason,
      matchedBy,
    },
  });
  return true;
}

/**
 * Records one delivery report. Unknown ids change nothing (the gateway gets its 200 all the same,
 * so that it does not retry for ever). Returns how many outbox rows changed.
 */
export async function recordDeliveryReport(deps: Deps, report: DeliveryReport): Promise<number> {
  const changed = await inTransaction(deps, async (tx) => {
    const rows = await byProviderId(tx, report);
    if (rows.length > 0) {
      let n = 0;
      for (const row of rows) if (await apply(tx, row, report, "provider_id")) n++;
      return n;
    }
    const uncertain = await uncertainByRecipient(tx, report);
    if (!uncertain) return null;
    return (await apply(tx, uncertain, report, "recipient")) ? 1 : 0;
  });
  if (changed === null)
    deps.log.info(
      { gateway: report.gateway, idHash: idHash(report.providerMessageId) },
      "delivery report for no known message: ignored",
    );
  return changed ?? 0;
}
