// The edge of every gateway callback (Africa's Talking SMS and USSD, Twilio SMS). A gateway cannot
// be asked to fix what it sends, and a 4xx makes it retry and then drop the message: a resident's
// report lost. So callbacks are read liberally: control characters are removed (a NUL cannot be
// stored in PostgreSQL text), odd optional fields are kept, cut to a sane length, and only a
// callback that cannot be stored at all (no sender, no message id) is refused, saying what is
// missing. The schemas in africastalking.ts and twilio.ts are built from the fields here.
import { createHash } from "node:crypto";
import { z } from "zod";
import { withoutControlCharacters } from "../../lib/control-chars.ts";

/** A callback's fields, one clean string each. */
export type CallbackFields = Record<string, string>;

/**
 * Every field as one string without control characters. A repeated field counts once, by its
 * first value, except the free-text fields named, whose values are all kept (joined by a space):
 * nothing a resident typed is dropped.
 */
export function cleanCallbackFields(body: unknown, freeText: readonly string[] = []): CallbackFields {
  const fields: CallbackFields = Object.create(null);
  if (body === null || typeof body !== "object") return fields;
  for (const [rawName, value] of Object.entries(body)) {
    const name = withoutControlCharacters(rawName);
    const values = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === "string");
    if (values.length === 0 || name in fields) continue;
    const joined = freeText.includes(name) ? values.join(" ") : (values[0] as string);
    fields[name] = withoutControlCharacters(joined);
  }
  return fields;
}

/** Longer gateway ids are replaced by their digest: still one stable key per message, and indexable. */
export const MAX_ID_LENGTH = 100;

/** The gateway's message id as the idempotency key: as sent, or its SHA-256 when it is very long. */
export function idempotencyKey(id: string): string {
  if (id.length <= MAX_ID_LENGTH) return id;
  return `sha256:${createHash("sha256").update(id, "utf8").digest("hex")}`;
}

const cut = (max: number) => (value: string) => (value.length > max ? value.slice(0, max) : value);

/** A required field: refused only when absent or blank, with why it is needed. */
const required = (why: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required: ${why}` : "must be text") })
    .trim()
    .min(1, `is required: ${why}`);

/** The message id the gateway retries with; without it a retry would be stored twice. */
export const messageIdField = (name: string) =>
  required(`the gateway's ${name} tells a retried callback from a new message`).transform(idempotencyKey);

/** Who sent it: any non-blank value (a short code or a name is kept too, and gets no reply). */
export const senderField = required("the sender is needed to store the message").transform(cut(64));

/** An optional field: kept, cut to `max` characters; blank means absent. Never a reason to refuse. */
export const optionalField = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => {
      const trimmed = value?.trim();
      return trimmed ? cut(max)(trimmed) : undefined;
    });

/** What the resident typed, kept as typed; absent is empty (answered as an empty message). */
export const freeTextField = (max: number) => z.string().default("").transform(cut(max));

const EXTRA_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const MAX_EXTRA_FIELDS = 20;

/** Fields the gateway added that we do not know (e.g. `cost`): kept, a few and short, for support. */
export function unknownFields(fields: CallbackFields, known: readonly string[]): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (Object.keys(extra).length >= MAX_EXTRA_FIELDS) break;
    if (!known.includes(name) && name !== "token" && EXTRA_NAME.test(name)) extra[name] = cut(200)(value);
  }
  return extra;
}
