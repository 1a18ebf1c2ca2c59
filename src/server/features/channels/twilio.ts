// Twilio wire formats (see shared/GATEWAYS.md): the X-Twilio-Signature check, the inbound message
// webhook, and the TwiML reply.
//
// Validate the signature over the raw form parameters exactly as received, BEFORE the schema
// drops unknown fields: Twilio signs every parameter it sends, including ones added later.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { freeTextField, messageIdField, optionalField, senderField } from "./callback-fields.ts";

export type TwilioParams = Readonly<Record<string, string | readonly string[] | undefined>>;

function signedPayload(url: string, params: TwilioParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value === undefined) continue;
    // Repeated parameters: each distinct value once, sorted, as twilio-node does.
    const values = typeof value === "string" ? [value] : [...new Set(value)].sort();
    for (const v of values) data += name + v;
  }
  return data;
}

/** base64(HMAC-SHA1(authToken, url + name1 + value1 + name2 + value2 ...)) with names sorted. */
export function computeTwilioSignature(authToken: string, url: string, params: TwilioParams): string {
  return createHmac("sha1", authToken).update(signedPayload(url, params), "utf8").digest("base64");
}

/**
 * The webhook URL as Twilio may have signed it: as configured, with the scheme's default port
 * written out, and with any port removed (Twilio's own back ends are not consistent about ports).
 */
export function twilioUrlVariants(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const origin = `${parsed.protocol}//${parsed.username}${parsed.password ? `:${parsed.password}` : ""}${
    parsed.username || parsed.password ? "@" : ""
  }`;
  const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  const defaultPort = parsed.protocol === "https:" ? "443" : "80";
  const withPort = `${origin}${parsed.hostname}:${parsed.port || defaultPort}${rest}`;
  const withoutPort = `${origin}${parsed.hostname}${rest}`;
  return [...new Set([url, withPort, withoutPort])];
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  // Compare equal-length buffers so that the time taken does not depend on where they differ.
  if (left.length !== right.length) {
    timingSafeEqual(right, right);
    return false;
  }
  return timingSafeEqual(left, right);
}

/** True when the header matches the signature of any URL variant. A missing header never matches. */
export function validateTwilioSignature(
  authToken: string,
  url: string,
  params: TwilioParams,
  header: string | undefined,
): boolean {
  if (!authToken || !header) return false;
  let valid = false;
  // Every variant is checked, without stopping early, so timing says nothing about which matched.
  for (const variant of twilioUrlVariants(url)) {
    if (safeEqual(header, computeTwilioSignature(authToken, variant, params))) valid = true;
  }
  return valid;
}

/**
 * Incoming message webhook, read liberally after the signature has been checked (a signed request
 * comes from Twilio): only the message id and the sender are required. The id is MessageSid, or
 * the deprecated SmsMessageSid / SmsSid Twilio sends with the same value. Geographic fields
 * (FromCity, FromZip...) say where the resident is and are dropped. Parse `cleanCallbackFields`.
 */
export const twilioInboundSchema = z.preprocess(
  (fields) => {
    const f = (fields ?? {}) as Record<string, string | undefined>;
    return { ...f, MessageSid: f.MessageSid || f.SmsMessageSid || f.SmsSid };
  },
  z.object({
    MessageSid: messageIdField("MessageSid"),
    AccountSid: optionalField(64),
    MessagingServiceSid: optionalField(64),
    From: senderField,
    To: optionalField(64),
    // An MMS may arrive with no body at all; that is an empty message, answered as such.
    Body: freeTextField(100_000),
    NumMedia: optionalField(10),
    NumSegments: optionalField(10),
    OptOutType: optionalField(20),
  }),
);
export type TwilioInbound = z.output<typeof twilioInboundSchema>;

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
// Characters XML 1.0 cannot carry at all, even escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export const TWIML_CONTENT_TYPE = "text/xml; charset=utf-8";

/** TwiML answer: one reply message, or none (an empty <Response/>) when `text` is null. */
export function buildTwimlReply(text: string | null): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  if (text === null) return `${head}<Response/>`;
  return `${head}<Response><Message>${escapeXml(text)}</Message></Response>`;
}
