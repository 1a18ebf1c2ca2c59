// Incoming messages that could not be processed, as staff see them: when and how they came and what
// went wrong, never who sent them or what they said (the payload stays sealed).
import { z } from "zod";

export interface FailedInboundView {
  id: string;
  gateway: "africastalking" | "twilio";
  kind: "sms" | "ussd";
  receivedAt: string;
  attempts: number;
  lastError: string | null;
  /** When processing last gave up on it. */
  failedAt: string | null;
}

/** SMS stored and not processed yet: a count that grows, or an oldest that ages, means processing is stuck. */
export interface InboundBacklogView {
  count: number;
  oldestReceivedAt: string | null;
}

export const messageListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * An outgoing SMS or email that did not go out for sure: `failed` (the gateway refused it, or every
 * retry failed) or `uncertain` (the connection broke mid-send: it may or may not have arrived).
 * Never the recipient or the text; the report reference, when there is one, to look it up.
 */
export interface UndeliveredView {
  id: string;
  channel: "sms" | "email";
  status: "failed" | "uncertain";
  purpose: string;
  reportReference: string | null;
  createdAt: string;
  attempts: number;
  lastError: string | null;
  /** The gateway's delivery report, when one came: what it means, its own word, why, and when. */
  delivery: {
    outcome: "pending" | "delivered" | "failed";
    status: string;
    failureReason: string | null;
    reportedAt: string;
  } | null;
}
