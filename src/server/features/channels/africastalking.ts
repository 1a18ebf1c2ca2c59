// Africa's Talking wire formats (see shared/GATEWAYS.md): inbound SMS, USSD and delivery-report
// callbacks, the USSD response body, and the outbound send-SMS request and response.
// Pure translation only; the routes decide what to do with the parsed values.
// The callbacks carry no signature: protect them with a secret token in the callback URL and
// deduplicate inbound messages on `id` (AT may retry a callback that did not get a 2xx).
import { z } from "zod";
import { truncateGsm7 } from "../../../common/messages.ts";
import {
  type CallbackFields,
  freeTextField,
  messageIdField,
  optionalField,
  senderField,
  unknownFields,
} from "./callback-fields.ts";

/** Generous bound for a callback's text: long SMS are kept to this (and get the "too long" reply). */
const MAX_CALLBACK_TEXT = 100_000;
/** A USSD session's inputs so far; far beyond any real session (each hop is at most 182 characters). */
const MAX_USSD_TEXT = 2000;

const fieldError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "is required" : `must be ${expected}`;

const requiredString = (max = 200) =>
  z
    .string({ error: fieldError("text") })
    .trim()
    .min(1, "is required")
    .max(max, `must be at most ${max} characters`);

const optionalString = (max = 200) =>
  z
    .string({ error: fieldError("text") })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((v) => (v === "" ? undefined : v));

const phoneField = z
  .string({ error: fieldError("a phone number") })
  .trim()
  .regex(/^\+?\d{6,15}$/, "must be a phone number in international form, e.g. +254712345678");

// "2017-05-03T06:04:45Z", "2017-05-03 06:04:45" and "2018-03-19T08:34:18.445Z", all UTC.
const AT_DATE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?Z?$/;

/** Parses the three date forms Africa's Talking is known to send; null for anything else. */
export function parseAtDate(raw: string): Date | null {
  const m = AT_DATE.exec(raw.trim());
  if (!m) return null;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map(Number);
  const millis = Math.floor(Number(`0.${m[7] ?? "0"}`) * 1000);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC rolls 2017-02-30 over into March; a real gateway date never needs that.
  const roundTrip = date.toISOString().slice(0, 19).replace("T", " ");
  return roundTrip === `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` ? date : null;
}

/**
 * Incoming SMS callback, read liberally (callback-fields.ts): only `from` and `id` are required;
 * an odd date, a long linkId or an unknown field is kept, never a reason to refuse the message.
 * Parse the output of `cleanCallbackFields`.
 */
export const atInboundSmsSchema = z.object({
  from: senderField,
  to: optionalField(40),
  text: freeTextField(MAX_CALLBACK_TEXT),
  date: optionalField(64),
  id: messageIdField("id"),
  // Echoed when replying to a premium message, so kept whole up to a generous bound.
  linkId: optionalField(1000),
  networkCode: optionalField(20),
});
export type AtInboundSms = z.output<typeof atInboundSmsSchema>;
const AT_SMS_FIELDS = ["from", "to", "text", "date", "id", "linkId", "networkCode"];

/** What is kept of a callback besides sender and text: the date (as ISO, or as sent when odd) and the rest. */
export function atSmsExtra(sms: AtInboundSms, fields: CallbackFields): Record<string, string | undefined> {
  const date = sms.date === undefined ? null : parseAtDate(sms.date);
  return {
    ...unknownFields(fields, AT_SMS_FIELDS),
    date: date?.toISOString(),
    ...(sms.date !== undefined && date === null && { dateAsSent: sms.date }),
    linkId: sms.linkId,
    networkCode: sms.networkCode,
  };
}

/** USSD callback: `text` is empty on the first hop, then every input so far joined with `*`. */
export const atUssdSchema = z.object({
  sessionId: messageIdField("sessionId"),
  serviceCode: optionalField(40),
  phoneNumber: senderField,
  networkCode: optionalField(20),
  text: freeTextField(MAX_USSD_TEXT),
});
export type AtUssdRequest = z.output<typeof atUssdSchema>;

export const AT_DELIVERY_STATUSES = [
  "Sent",
  "Submitted",
  "Buffered",
  "Rejected",
  "Success",
  "Failed",
  "Expired",
] as const;
export type AtDeliveryStatus = (typeof AT_DELIVERY_STATUSES)[number];
export type DeliveryOutcome = "pending" | "delivered" | "failed";

const DELIVERY_OUTCOMES: Record<AtDeliveryStatus, DeliveryOutcome> = {
  Sent: "pending",
  Submitted: "pending",
  Buffered: "pending",
  Success: "delivered",
  Rejected: "failed",
  Failed: "failed",
  Expired: "failed",
};

export const atDeliveryReportSchema = z
  .object({
    id: requiredString(100),
    status: z.enum(AT_DELIVERY_STATUSES, {
      error: (issue) =>
        issue.input === undefined ? "is required" : `must be one of ${AT_DELIVERY_STATUSES.join(", ")}`,
    }),
    phoneNumber: phoneField.optional(),
    networkCode: optionalString(10),
    failureReason: optionalString(100),
    retryCount: z.coerce.number({ error: "must be a number" }).int().min(0).optional(),
  })
  .transform((report) => ({ ...report, outcome: DELIVERY_OUTCOMES[report.status] }));
export type AtDeliveryReport = z.output<typeof atDeliveryReportSchema>;

/** The USSD hard cap: 160 bytes carry 182 GSM-7 characters. Screens are designed for 160. */
export const USSD_HARD_CAP = 182;

/** Body of the USSD answer: "CON " keeps the session open, "END " closes it. Never over the hard cap. */
export function formatUssdResponse(screen: { screen: string; end: boolean }): string {
  return `${screen.end ? "END" : "CON"} ${truncateGsm7(screen.screen, USSD_HARD_CAP)}`;
}
export const USSD_CONTENT_TYPE = "text/plain; charset=utf-8";

export interface AtSendSmsInput {
  /** The live or sandbox API base URL, from configuration. */
  baseUrl: string;
  apiKey: string;
  username: string;
  to: readonly string[];
  message: string;
  /** Registered sender ID or shortcode; AT's default sender is used when absent. */
  from?: string | undefined;
  /** Echo of an inbound premium message's linkId; makes this a premium (non-bulk) reply. */
  linkId?: string | undefined;
  keyword?: string | undefined;
  enqueue?: boolean | undefined;
}

export interface HttpRequestSpec {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

/** The form-encoded POST /version1/messaging request. */
export function buildAtSendSmsRequest(input: AtSendSmsInput): HttpRequestSpec {
  if (input.to.length === 0) throw new RangeError("An SMS needs at least one recipient");
  const form = new URLSearchParams({
    username: input.username,
    to: input.to.join(","),
    message: input.message,
  });
  if (input.from) form.set("from", input.from);
  form.set("bulkSMSMode", input.linkId ? "0" : "1");
  if (input.linkId) form.set("linkId", input.linkId);
  if (input.keyword) form.set("keyword", input.keyword);
  if (input.enqueue !== undefined) form.set("enqueue", input.enqueue ? "1" : "0");
  return {
    url: `${input.baseUrl.replace(/\/+$/, "")}/version1/messaging`,
    method: "POST",
    headers: {
      apiKey: input.apiKey,
      Accept: "application/json",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: form.toString(),
  };
}

const STATUS_CODE_REASONS: Record<number, string> = {
  401: "RiskHold",
  402: "InvalidSenderId",
  403: "InvalidPhoneNumber",
  404: "UnsupportedNumberType",
  405: "InsufficientBalance",
  406: "UserInBlacklist",
  407: "CouldNotRoute",
  500: "InternalServerError",
  501: "GatewayError",
  502: "RejectedByGateway",
};
const isAcceptedCode = (code: number) => code >= 100 && code <= 102;

export type AtRecipientResult =
  | { number: string; accepted: true; messageId: string; cost: string | null }
  | { number: string; accepted: false; reason: string };

export type AtSendSmsResult =
  | { ok: true; recipients: AtRecipientResult[] }
  | { ok: false; reason: string; recipients: AtRecipientResult[] };

const recipientSchema = z.object({
  number: z.string(),
  statusCode: z.coerce.number(),
  status: z.string().optional(),
  cost: z.string().optional(),
  messageId: z.string().optional(),
});
const sendResponseSchema = z.object({
  SMSMessageData: z.object({ Message: z.string().optional(), Recipients: z.array(recipientSchema) }),
});

function toRecipientResult(r: z.output<typeof recipientSchema>): AtRecipientResult {
  if (isAcceptedCode(r.statusCode) && r.messageId && r.messageId !== "None")
    return { number: r.number, accepted: true, messageId: r.messageId, cost: r.cost ?? null };
  const reason = STATUS_CODE_REASONS[r.statusCode] ?? r.status ?? `StatusCode${r.statusCode}`;
  return { number: r.number, accepted: false, reason };
}

/** Reads the JSON answer to a send: per recipient, accepted (100-102) or a named failure reason. */
export function parseAtSendSmsResponse(json: unknown): AtSendSmsResult {
  const parsed = sendResponseSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "UnexpectedResponse", recipients: [] };
  const { Message, Recipients } = parsed.data.SMSMessageData;
  const recipients = Recipients.map(toRecipientResult);
  // With no recipients the Message field carries the reason, e.g. "InvalidSenderId".
  if (recipients.length === 0) return { ok: false, reason: Message?.trim() || "NoRecipients", recipients };
  const [first] = recipients;
  if (first && !first.accepted && recipients.every((r) => !r.accepted))
    return { ok: false, reason: first.reason, recipients };
  return { ok: true, recipients };
}
