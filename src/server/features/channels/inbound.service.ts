// Intake of gateway SMS callbacks: ONE insert, then the gateway gets its 200.
// This is the hot path (benchmarked in bench/intake): no lookups, no report, no reply here.
// Everything else happens in the worker (inbound-processing.service.ts), from the stored row,
// so a message the gateway was told we have can never be lost, even if the server dies next.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { Deps } from "../../deps.ts";
import { normalisePhone } from "../../lib/vault.ts";
import { PHONE_INDEX_PURPOSE } from "../messaging/outbox.service.ts";
import { inboundMessages } from "./inbound.table.ts";

export const INBOUND_PAYLOAD_PURPOSE = "inbound.payload";
export type Gateway = "africastalking" | "twilio";

export interface IncomingSms {
  gateway: Gateway;
  /** The gateway's own message id: AT `id`, Twilio `MessageSid`. Retries carry the same one. */
  externalId: string;
  from: string;
  to: string;
  text: string;
  /** Gateway-specific extras worth keeping (AT date, linkId, networkCode; Twilio AccountSid...). */
  extra: Record<string, string | undefined>;
}

/** What is sealed in `payload_sealed`: the callback as received, plus the sender in E.164 when it is one. */
export interface SmsPayload {
  from: string;
  /** E.164, or null when `from` is not a phone number we can answer (then no reply is sent). */
  phone: string | null;
  to: string;
  text: string;
  extra: Record<string, string | undefined>;
}

/** The sender as E.164, or null for something that is not a diallable number (a short code, a name). */
export function senderPhone(from: string): string | null {
  try {
    return normalisePhone(from, { allowForeign: true });
  } catch {
    return null;
  }
}

function prepareInsert(db: Db) {
  const value = (name: string) => sql.placeholder(name);
  return db
    .insert(inboundMessages)
    .values({
      gateway: value("gateway"),
      kind: "sms",
      externalId: value("externalId"),
      payloadSealed: value("payloadSealed"),
      senderIndex: value("senderIndex"),
      receivedAt: value("receivedAt"),
    })
    .onConflictDoNothing({ target: [inboundMessages.gateway, inboundMessages.externalId] })
    .returning({ one: sql<number>`1` })
    .prepare("inbound_sms_insert");
}
type PreparedInsert = ReturnType<typeof prepareInsert>;

// The intake is the hot path: building the INSERT with the query builder on every callback cost a
// third of the throughput (bench/intake), so it is built once per database handle and executed as
// a named prepared statement. Keyed weakly by the handle: a closed database takes its entry along.
const preparedInserts = new WeakMap<Db, PreparedInsert>();

/**
 * Stores one inbound SMS, sealed. A callback with an id already stored (a gateway retry) is
 * acknowledged again but not stored twice: `duplicate` is then true.
 */
export async function receiveSms(deps: Deps, sms: IncomingSms): Promise<{ duplicate: boolean }> {
  const phone = senderPhone(sms.from);
  const payload: SmsPayload = { from: sms.from, phone, to: sms.to, text: sms.text, extra: sms.extra };
  let insert = preparedInserts.get(deps.db);
  if (!insert) {
    insert = prepareInsert(deps.db);
    preparedInserts.set(deps.db, insert);
  }
  const rows = await insert.execute({
    gateway: sms.gateway,
    externalId: sms.externalId,
    payloadSealed: deps.vault.encrypt(INBOUND_PAYLOAD_PURPOSE, JSON.stringify(payload)),
    // The same blind index as reports and the outbox use, so STOP and rate limits line up.
    senderIndex: phone ? deps.vault.blindIndex(PHONE_INDEX_PURPOSE, phone) : null,
    receivedAt: deps.now(),
  });
  return { duplicate: rows.length === 0 };
}
