// Pure: how an audit entry is hashed. Shared by the writer and by `baraza audit verify`.
import { createHash } from "node:crypto";

export interface AuditContent {
  at: string; // ISO 8601 with milliseconds
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  placePath: string | null;
  before: unknown;
  after: unknown;
}

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth, so that jsonb's own key order does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function hashAuditEntry(prevHash: string, content: AuditContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(content)).digest("hex");
}

/** Snapshot a value the way jsonb will give it back (Dates become strings, undefined disappears). */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
