import { describe, expect, it } from "vitest";
import { AppError } from "./errors.ts";
import { LOG_REDACT_PATHS, maskedMessage, safeError, safeErrorMessage, safeLogFields } from "./log-safety.ts";

/** The shape drizzle gives a failed statement: SQL and every parameter in the message. */
function failedQuery(cause: unknown) {
  const error = new Error(
    "Failed query: insert into reports (text, contact_sealed) values ($1, $2)\nparams: Mimi ni Grace 0722123456,v1:dev:abc:def:ghi",
  );
  Object.assign(error, {
    query: "insert into reports ...",
    params: ["Mimi ni Grace 0722123456", "v1:dev:abc"],
    cause,
  });
  return error;
}
const pgError = (code: string, message: string) =>
  Object.assign(new Error(message), { code, severity: "ERROR", detail: "Grace 0722123456", where: "Grace" });

describe("safe error messages", () => {
  it("say what the database refused, never the parameters, the detail or the quoted value", () => {
    const error = failedQuery(pgError("22P02", 'invalid input syntax for type integer: "Grace 0722123456"'));
    expect(safeErrorMessage(error)).toBe('invalid input syntax for type integer: "…" (SQLSTATE 22P02)');
  });

  it("keep the names of constraints, relations and encodings, which help fix the cause", () => {
    expect(maskedMessage('duplicate key value violates unique constraint "reports_reference_key"')).toBe(
      'duplicate key value violates unique constraint "reports_reference_key"',
    );
    expect(maskedMessage('invalid byte sequence for encoding "UTF8": 0x00')).toBe(
      'invalid byte sequence for encoding "UTF8": 0x00',
    );
    expect(maskedMessage('value "Grace" is out of range for type integer')).toBe(
      'value "…" is out of range for type integer',
    );
  });

  it("mask what JSON.parse quotes, unbalanced quotes, phone numbers and e-mail addresses", () => {
    let message = "";
    try {
      JSON.parse('{"from":"+254722123456","text":"Grace');
    } catch (error) {
      message = safeErrorMessage(error);
    }
    expect(message).not.toMatch(/Grace|722123456/);
    expect(maskedMessage('bad value "Grace Wambui 07')).toBe('bad value "…');
    expect(maskedMessage("call 0722 123 456 or grace@example.com")).toBe("call [phone] or [email]");
  });

  it("name a failed query without a database error behind it by its cause", () => {
    expect(safeErrorMessage(failedQuery(new Error("Connection terminated unexpectedly")))).toBe(
      "database query failed: Connection terminated unexpectedly",
    );
    expect(safeErrorMessage(new AppError(400, "bad_request", "The text is too long."))).toBe(
      "The text is too long.",
    );
  });
});

describe("safeError (the log serializer)", () => {
  it("keeps type, code, stack frames and causes, and drops query, params, detail and where", () => {
    const serialized = safeError(
      failedQuery(pgError("22021", 'invalid byte sequence for encoding "UTF8": 0x00')),
    );
    const text = JSON.stringify(serialized);
    expect(text).not.toMatch(/Grace|0722123456|v1:dev|Failed query: insert/);
    expect(serialized.message).toBe("database query failed (parameters are never logged)");
    expect(serialized.cause).toMatchObject({ code: "22021", message: expect.stringContaining("UTF8") });
    expect(serialized.stack).toMatch(/^\s+at /);
  });

  it("makes logged fields safe and hides keys that hold resident data", () => {
    expect(safeLogFields({ task: "inbound", text: "Grace", err: failedQuery(null) })).toMatchObject({
      task: "inbound",
      text: "[redacted]",
      err: { message: "database query failed (parameters are never logged)" },
    });
    expect(LOG_REDACT_PATHS).toEqual(expect.arrayContaining(["body", "*.body", "params", "*.detail"]));
  });
});
