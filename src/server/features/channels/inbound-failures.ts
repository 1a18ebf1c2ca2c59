// Why processing a stored SMS failed, and whether trying again can help. A dropped connection, a
// serialization conflict or a lock timeout pass: the message is retried with backoff. A message
// that can never succeed as it is (its payload cannot be opened, the report service refuses it, the
// database refuses its data) is set aside at once with a reason staff can act on, instead of
// failing eight times over ten minutes while the resident waits for an answer that never comes.
import { AppError } from "../../lib/errors.ts";
import { databaseErrorOf, maskedMessage, safeErrorMessage } from "../../lib/log-safety.ts";
import { VaultError } from "../../lib/vault.ts";

/** Thrown where processing knows that a message cannot succeed however often it is tried. */
export class PermanentInboundError extends Error {
  override readonly name = "PermanentInboundError";
}

export interface FailureVerdict {
  /** True when retrying cannot help: the message is set aside as failed at once. */
  permanent: boolean;
  /** Shown on Admin → Incoming SMS and logged: never the text, the sender or a query's values. */
  reason: string;
}

const AFTER_FIX = "Retrying will not help until the cause is fixed; then press Try again.";

// SQLSTATE classes that no retry can change: data exceptions (22: a NUL byte, a value too long, bad
// input syntax), integrity violations (23, except a unique conflict, which a racing worker can
// cause and a retry resolves) and errors in the statement itself (42: a bug, fixed by a release).
function permanentSqlState(code: string): boolean {
  if (code === "23505") return false;
  return code.startsWith("22") || code.startsWith("23") || code.startsWith("42");
}

export function classifyInboundFailure(error: unknown): FailureVerdict {
  if (error instanceof VaultError)
    return {
      permanent: true,
      reason:
        "The stored message cannot be opened with this server's vault keys (a key was removed, or the row was damaged). Restore the key in BARAZA_VAULT_KEYS, then press Try again.",
    };
  if (error instanceof PermanentInboundError)
    return { permanent: true, reason: `${maskedMessage(error.message)}. ${AFTER_FIX}` };
  if (error instanceof AppError && error.status < 500)
    return {
      permanent: true,
      reason: `The report service refused this message: ${maskedMessage(error.message)} ${AFTER_FIX}`,
    };
  const database = databaseErrorOf(error);
  if (database && permanentSqlState(database.code))
    return {
      permanent: true,
      reason: `The database cannot store this message as it is: ${safeErrorMessage(database)}. ${AFTER_FIX}`,
    };
  return { permanent: false, reason: safeErrorMessage(error) };
}
