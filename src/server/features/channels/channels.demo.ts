// Demo data for Admin → Incoming SMS: one resident's SMS that processing gave up on during a
// (pretend) database outage, so the screen has something to show and to run again.
import { and, eq, isNull } from "drizzle-orm";
import type { Deps } from "../../deps.ts";
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
}
