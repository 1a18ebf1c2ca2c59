// One error type for everything a client can be told about. Routes never build error bodies by hand.
import type { z } from "zod";

export interface FieldProblem {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[] | undefined;
  constructor(status: number, code: string, message: string, fields?: FieldProblem[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const badRequest = (message: string, fields?: FieldProblem[]) =>
  new AppError(400, "bad_request", message, fields);
export const unauthorised = (message = "Sign in first.") => new AppError(401, "unauthorised", message);
export const forbidden = (message = "You do not have permission to do that.") =>
  new AppError(403, "forbidden", message);
/** Used for records outside the caller's scope too, so that scoping does not leak existence. */
export const notFound = (what: string) => new AppError(404, "not_found", `${what} was not found.`);
export const conflict = (message: string) => new AppError(409, "conflict", message);
export const tooManyRequests = (message: string) => new AppError(429, "rate_limited", message);

function describeIssue(issue: z.core.$ZodIssue): FieldProblem[] {
  const at = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((k) => ({
      path: at ? `${at}.${k}` : k,
      message: "is not a field this request accepts",
    }));
  return [{ path: at || "(body)", message: issue.message }];
}

/** Validates input against a schema; on failure, a 400 naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "request"): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap(describeIssue);
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join("; ");
  throw badRequest(`The ${what} has problems: ${summary}`, fields);
}
