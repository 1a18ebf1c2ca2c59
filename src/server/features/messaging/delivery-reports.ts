// Delivery reports as the gateways post them (shared/GATEWAYS.md), read into one shape. Pure.
//
// Liberal on purpose: a report that cannot be read is retried by the gateway and then lost, so
// only a report without an id or a status is refused. Unknown status words are kept and shown
// but settle nothing; control characters are removed (lib/control-chars.ts) so that nothing a
// gateway sends can break a query or a log line.
import { badRequest, type FieldProblem } from "../../lib/errors.ts";
import { maskContacts } from "../../lib/redact.ts";
import {
  AT_DELIVERY_STATUSES,
  atDeliveryReportSchema,
  type DeliveryOutcome,
} from "../channels/africastalking.ts";
import { type CallbackFields, cleanCallbackFields } from "../channels/callback-fields.ts";
import type { FormFields } from "../channels/form-body.ts";

export type DeliveryGateway = "africastalking" | "twilio";
export type { DeliveryOutcome };

export interface DeliveryReport {
  gateway: DeliveryGateway;
  /** The id the gateway gave when it took the message (`messageId` / `sid`). */
  providerMessageId: string;
  outcome: DeliveryOutcome;
  /** The gateway's own word, e.g. "Success", "Buffered", "undelivered". */
  status: string;
  failureReason: string | null;
  /**
   * The recipient as the gateway names it, used only to find an uncertain send whose id was never
   * recorded; never stored or logged.
   */
  recipient: string | null;
}

/** A field of the cleaned callback (cleanCallbackFields: first value, no control characters), trimmed and cut; blank is absent. */
function field(fields: CallbackFields, name: string, max: number): string | undefined {
  return fields[name]?.trim().slice(0, max) || undefined;
}

/** E.164 with "+", or null: the outbox seals and indexes recipients in that form. */
function recipientOf(raw: string | undefined): string | null {
  const compact = raw?.replace(/[\s-]/g, "");
  return compact && /^\+?\d{6,15}$/.test(compact) ? `+${compact.replace(/^\+/, "")}` : null;
}

// The meaning of Africa's Talking's words is defined once, in its wire format module.
function atOutcome(status: string): DeliveryOutcome {
  if (!(AT_DELIVERY_STATUSES as readonly string[]).includes(status)) return "pending";
  const parsed = atDeliveryReportSchema.safeParse({ id: "x", status });
  return parsed.success ? parsed.data.outcome : "pending";
}

const TWILIO_OUTCOMES: Record<string, DeliveryOutcome> = {
  accepted: "pending",
  scheduled: "pending",
  queued: "pending",
  sending: "pending",
  sent: "pending",
  delivered: "delivered",
  read: "delivered",
  undelivered: "failed",
  failed: "failed",
  canceled: "failed",
};

/** A report without an id or a status cannot be matched or understood: 400 naming the field. */
function requireFields(
  what: string,
  id: string | undefined,
  status: string | undefined,
  names: [string, string],
): [string, string] {
  const problems: FieldProblem[] = [
    ...(id ? [] : [{ path: names[0], message: "is required: the id the gateway gave the message" }]),
    ...(status ? [] : [{ path: names[1], message: "is required: the message's delivery status" }]),
  ];
  if (problems.length > 0)
    throw badRequest(
      `The ${what} has problems: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`,
      problems,
    );
  return [id ?? "", status ?? ""];
}

// A gateway may quote the number it could not reach; staff read the reason on a page.
const reasonOf = (raw: string | undefined) => (raw ? maskContacts(raw) : null);

/** Africa's Talking: `id`, `status`, `failureReason`, `phoneNumber` (`networkCode`, `retryCount` unused). */
export function readAtDeliveryReport(body: FormFields): DeliveryReport {
  const fields = cleanCallbackFields(body);
  const [id, status] = requireFields(
    "Africa's Talking delivery report",
    field(fields, "id", 100),
    field(fields, "status", 40),
    ["id", "status"],
  );
  return {
    gateway: "africastalking",
    providerMessageId: id,
    status: maskContacts(status),
    outcome: atOutcome(status),
    failureReason: reasonOf(field(fields, "failureReason", 100)),
    recipient: recipientOf(field(fields, "phoneNumber", 40)),
  };
}

/** Twilio status callback: `MessageSid`, `MessageStatus`, `ErrorCode`, `To`. */
export function readTwilioStatusCallback(body: FormFields): DeliveryReport {
  const fields = cleanCallbackFields(body);
  const [id, status] = requireFields(
    "Twilio status callback",
    field(fields, "MessageSid", 100) ?? field(fields, "SmsSid", 100),
    field(fields, "MessageStatus", 40) ?? field(fields, "SmsStatus", 40),
    ["MessageSid", "MessageStatus"],
  );
  const errorCode = field(fields, "ErrorCode", 20);
  return {
    gateway: "twilio",
    providerMessageId: id,
    status: maskContacts(status),
    outcome: TWILIO_OUTCOMES[status.toLowerCase()] ?? "pending",
    failureReason: reasonOf(errorCode && `Twilio error ${errorCode}`),
    recipient: recipientOf(field(fields, "To", 40)),
  };
}
