// Demo data for Admin → Incoming SMS and Outgoing messages: one resident's SMS that processing gave
// up on during a (pretend) database outage, and one SMS whose sending broke off mid-way, so both
// screens have something to show and to settle.
import { and, eq, isNull } from "drizzle-orm";
import type { Deps } from "../../deps.ts";
import { enqueueSms } from "../messaging/outbox.service.ts";
import { outboundMessages } from "../messaging/outbox.table.ts";
import { receiveSms } from "./inbound.service.ts";
import { inboundMessages } from "./inbound.table.ts";
import { MAX_INBOUND_ATTEMPTS } from "./inbound-processing.service.ts";

export const DEMO_FAILED_SMS_ID = "ATXid_demo_failed_0001";

export async function seedChannelsDemo(deps: Deps): Promise<void> {
  await receiveSms(deps, {
    gateway: "africastalking",
    externalId: DEMO_FAILED_SMS_ID,
    from: "+254711000999",
    to: "40123",
    text: "Vijana wenye visu wanawaibia watu karibu na soko la Kaptembwo kila jioni",
    extra: {},
  });
  // Set aside before any worker takes it, as the worker leaves a message after its last failure.
  await deps.db
    .update(inboundMessages)
    .set({
      processedAt: deps.now(),
      outcome: "failed",
      attempts: MAX_INBOUND_ATTEMPTS,
      lastError: "connect ECONNREFUSED 127.0.0.1:5432",
    })
    .where(and(eq(inboundMessages.externalId, DEMO_FAILED_SMS_ID), isNull(inboundMessages.processedAt)));
  const uncertainKey = "demo.uncertain.0001";
  await enqueueSms(deps, {
    to: "+254711000888",
    body: "Baraza: asante kwa ripoti yako. Kamati ya amani imeifuatilia na hali imetulia.",
    purpose: "report.status",
    dedupeKey: uncertainKey,
  });
  await deps.db
    .update(outboundMessages)
    .set({ status: "uncertain", attempts: 1, lastError: "socket hang up (the gateway may have taken it)" })
    .where(and(eq(outboundMessages.dedupeKey, uncertainKey), eq(outboundMessages.status, "pending")));
}
