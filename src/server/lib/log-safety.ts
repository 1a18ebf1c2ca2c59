// What an error may say in a log line or in a stored last_error. Errors carry what residents wrote:
// drizzle's "Failed query" message lists every parameter (report text, sealed contacts), a
// PostgreSQL error quotes the value it refused (message, `detail`, `where`, `query`, `params`), and
// JSON.parse quotes the text it choked on. Only the kind of error, its code, a message with quoted
// values and contact details masked, and the stack frames (never the stack's message header) leave.
import { withoutControlCharacters } from "./control-chars.ts";
import { maskContacts } from "./redact.ts";

const MAX_MESSAGE = 300;
const MAX_CAUSES = 3;

/** An error from PostgreSQL or PGlite: a five-character SQLSTATE and a severity. */
export interface DatabaseErrorLike {
  code: string;
  message: string;
  severity?: string;
}

export function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  const e = error as { code?: unknown; severity?: unknown } | null;
  return typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === "string";
}

/** drizzle's wrapper around a failed statement; its message holds the SQL and every parameter. */
function isFailedQuery(error: unknown): error is Error & { cause?: unknown } {
  return error instanceof Error && "params" in error && "query" in error;
}

/** The database error behind a drizzle wrapper (or the error itself), if there is one. */
export function databaseErrorOf(error: unknown): DatabaseErrorLike | null {
  if (isDatabaseError(error)) return error;
  if (isFailedQuery(error) && isDatabaseError(error.cause)) return error.cause;
  return null;
}

// PostgreSQL quotes the values it refuses anywhere in a message (`invalid input syntax for type
// integer: "0722 Grace"`, `value "…" is out of range`), and so does JSON.parse (`"{"from":"+2547…"...
// is not valid JSON`). A quoted word is kept only after the name of what it names (`constraint
// "reports_pkey"`, `encoding "UTF8"`): those are identifiers, useful to whoever fixes the cause.
const QUOTED = /(\b[A-Za-z]+\s+)?"(?:[^"\\]|\\.)*"(?:\.\.\.)?/g;
const IDENTIFIER_KINDS = new Set([
  "column",
  "constraint",
  "database",
  "encoding",
  "function",
  "index",
  "relation",
  "role",
  "schema",
  "sequence",
  "table",
  "trigger",
  "type",
]);
const SINGLE_QUOTED = /'(?:[^'\\]|\\.){2,}'/g;

function maskQuoted(message: string): string {
  const masked = message
    .replace(QUOTED, (quoted, before: string | undefined) =>
      before && IDENTIFIER_KINDS.has(before.trim().toLowerCase()) ? quoted : `${before ?? ""}"…"`,
    )
    .replace(SINGLE_QUOTED, "'…'");
  // A quote left open (a value cut short, or one holding a quote itself): mask from it to the end.
  const quotes = masked.split('"').length - 1;
  return quotes % 2 === 1 ? masked.replace(/"[^"]*$/, '"…') : masked;
}

/** A message with quoted values, phone numbers and e-mail addresses masked, on one short line. */
export function maskedMessage(message: string): string {
  const masked = maskContacts(maskQuoted(withoutControlCharacters(message))).replace(/\s+/g, " ");
  return masked.length > MAX_MESSAGE ? `${masked.slice(0, MAX_MESSAGE)}…` : masked;
}

/** What went wrong, in words safe for a log line, an error column and a staff screen. */
export function safeErrorMessage(error: unknown): string {
  const database = databaseErrorOf(error);
  if (database) return `${maskedMessage(database.message)} (SQLSTATE ${database.code})`;
  // A failed query without a database error behind it (a dropped connection): its cause says why.
  if (isFailedQuery(error))
    return error.cause ? `database query failed: ${safeErrorMessage(error.cause)}` : "database query failed";
  if (error instanceof Error) return maskedMessage(error.message);
  return maskedMessage(String(error));
}

export interface SafeError {
  type: string;
  message: string;
  code?: string;
  /** The stack frames ("" when there are none): pino's serializer type wants a string. */
  stack: string;
  cause?: SafeError;
}

/** The stack's frames only: its first lines repeat the message, which may hold the parameters. */
export function framesOf(stack: unknown): string {
  if (typeof stack !== "string") return "";
  return stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 15)
    .join("\n");
}

/** Pino's `err` serializer and the console log's: no detail, where, query, params or body, ever. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: safeErrorMessage(error), stack: "" };
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  return {
    type: error.constructor?.name || error.name,
    message: isFailedQuery(error)
      ? "database query failed (parameters are never logged)"
      : safeErrorMessage(error),
    ...(typeof code === "string" && /^[\w.-]{1,40}$/.test(code) && { code }),
    stack: framesOf(error.stack),
    ...(cause !== undefined && depth < MAX_CAUSES && { cause: safeError(cause, depth + 1) }),
  };
}

/**
 * Keys never logged whatever holds them: request bodies and parameters, resident-written text,
 * contacts, and the parts of database errors that quote values. Used as pino redaction paths.
 */
const SECRET_KEYS = [
  "body",
  "payload",
  "params",
  "parameters",
  "query",
  "detail",
  "where",
  "internalQuery",
  "text",
  "phone",
  "phoneNumber",
  "from",
  "email",
  "contact",
  "contactSealed",
  "payloadSealed",
];
export const LOG_REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  "req.headers['x-csrf-token']",
  "req.headers['x-twilio-signature']",
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
];

/** A logged object made safe for the text log: errors serialized safely, secret keys removed. */
export function safeLogFields(value: unknown): unknown {
  if (value instanceof Error) return safeError(value);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (SECRET_KEYS.includes(key)) out[key] = "[redacted]";
    else out[key] = field instanceof Error || key === "err" ? safeError(field) : field;
  }
  return out;
}
