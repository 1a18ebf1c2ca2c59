// Writes and verifies the audit log. recordAudit must run inside the transaction of the change it records.
import { and, asc, desc, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Deps } from "../../deps.ts";
import { type Principal, sqlPathInScope } from "../../lib/scope.ts";
import { type AuditContent, GENESIS_HASH, hashAuditEntry, toJsonValue } from "./audit.chain.ts";
import { auditLog } from "./audit.table.ts";

export interface Actor {
  id: string | null;
  /** Who, in words: a user's email, "system", or "cli". */
  label: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: "system" };

export interface AuditEvent {
  action: string; // verb.noun, e.g. "user.create", "session.login"
  entityType: string;
  entityId: string;
  organisationId?: string | null;
  placePath?: string | null;
  before?: unknown;
  after?: unknown;
}

const AUDIT_CHAIN_LOCK_ID = 727_402; // serialises chain appends across server processes

export async function recordAudit(txDeps: Deps, actor: Actor, event: AuditEvent): Promise<void> {
  const { db } = txDeps;
  await db.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_ID})`);
  const [last] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const content: AuditContent = {
    at: txDeps.now().toISOString(),
    actorId: actor.id,
    actorLabel: actor.label,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    organisationId: event.organisationId ?? null,
    placePath: event.placePath ?? null,
    before: toJsonValue(event.before),
    after: toJsonValue(event.after),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await db.insert(auditLog).values({
    ...content,
    at: new Date(content.at),
    prevHash,
    hash: hashAuditEntry(prevHash, content),
  });
}

export interface AuditHead {
  seq: number;
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problems: string[];
  /** The newest entry: record it outside the database, and pass it back as `expectHead` later. */
  head: AuditHead | null;
}

/** "1234:9f86d0…" as printed by `baraza audit verify`. */
export function parseAuditHead(text: string): AuditHead | null {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { seq: Number(match[1]), hash: match[2] as string } : null;
}

/**
 * Walks the whole chain in order; reports every entry whose content or link does not match.
 * A chain cut short at its end still links up, so removing the newest entries is only visible
 * against a head recorded earlier somewhere else: `expectHead` must still be in the chain, unchanged.
 */
export async function verifyAuditLog(
  deps: Deps,
  { batchSize = 2000, expectHead }: { batchSize?: number; expectHead?: AuditHead } = {},
): Promise<VerifyResult> {
  const problems: string[] = [];
  let expectedPrev = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  let expectedHeadSeen = false;
  for (;;) {
    const rows = await deps.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize);
    for (const row of rows) {
      const content: AuditContent = {
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        organisationId: row.organisationId,
        placePath: row.placePath,
        before: row.before,
        after: row.after,
      };
      if (row.prevHash !== expectedPrev)
        problems.push(
          `entry ${row.seq}: its link to the previous entry is broken (an entry before it was removed or altered)`,
        );
      if (hashAuditEntry(row.prevHash, content) !== row.hash)
        problems.push(
          `entry ${row.seq} (${row.action} ${row.entityType} ${row.entityId}): content does not match its hash`,
        );
      if (expectHead && row.seq === expectHead.seq) {
        expectedHeadSeen = true;
        if (row.hash !== expectHead.hash)
          problems.push(
            `entry ${row.seq}: its hash is not the one recorded earlier (the log was rewritten from there)`,
          );
      }
      expectedPrev = row.hash;
      lastSeq = row.seq;
      checked++;
    }
    if (rows.length < batchSize) break;
  }
  if (expectHead && !expectedHeadSeen)
    problems.push(
      `entry ${expectHead.seq}, recorded earlier as the newest, is missing: entries were removed (the log now ends at ${lastSeq})`,
    );
  return {
    ok: problems.length === 0,
    checked,
    problems,
    head: checked > 0 ? { seq: lastSeq, hash: expectedPrev } : null,
  };
}

/**
 * Entries are scoped like everything else: an entry tied to an organisation or an area is shown only
 * to readers of that organisation and area; unscoped entries (sign-ins, system events) only nationwide.
 */
function auditInScope(principal: Principal) {
  const { scope } = principal;
  return and(
    scope.organisationIds.length > 0
      ? or(isNull(auditLog.organisationId), inArray(auditLog.organisationId, scope.organisationIds))
      : isNull(auditLog.organisationId),
    scope.allPlaces ? undefined : sqlPathInScope(auditLog.placePath, scope),
  );
}

export async function listAuditEntries(
  deps: Deps,
  principal: Principal,
  query: { limit: number; before?: number | undefined },
) {
  const rows = await deps.db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
    })
    .from(auditLog)
    .where(and(auditInScope(principal), query.before ? lt(auditLog.seq, query.before) : undefined))
    .orderBy(desc(auditLog.seq))
    .limit(query.limit);
  return rows.map(({ actorLabel, at, ...r }) => ({ ...r, at: at.toISOString(), actorEmail: actorLabel }));
}
