// The job queue: enqueue inside the transaction of the change that needs the job; workers claim
// due jobs with FOR UPDATE SKIP LOCKED, so two workers (or two server processes) never run one job
// at the same time. Jobs run at least once, so handlers must be idempotent.
import { and, eq, sql } from "drizzle-orm";
import { queryRows } from "../db/client.ts";
import type { Deps } from "../deps.ts";
import { safeErrorMessage } from "../lib/log-safety.ts";
import { jobs } from "./jobs.table.ts";

export interface EnqueueOptions {
  runAt?: Date;
  /** A second enqueue with this key, while the first is still queued or running, is ignored. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export async function enqueueJob(
  txDeps: Deps,
  kind: string,
  payload: Record<string, unknown>,
  opts: EnqueueOptions = {},
): Promise<void> {
  await txDeps.db
    .insert(jobs)
    .values({
      kind,
      payload,
      dedupeKey: opts.dedupeKey ?? null,
      runAt: opts.runAt ?? txDeps.now(),
      maxAttempts: opts.maxAttempts ?? 8,
      createdAt: txDeps.now(),
    })
    .onConflictDoNothing();
}

export type JobHandler = (deps: Deps, payload: Record<string, unknown>) => Promise<void>;

/** Retry delay after the n-th failed attempt: 5 s, 10 s, 20 s ... capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

const LEASE_MS = 5 * 60_000;

interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/**
 * Claims up to `limit` due jobs of the kinds we have handlers for, runs each, and records the
 * outcome. A job whose worker died keeps its lease until it expires and is then claimed again.
 * Returns how many jobs were run.
 */
export async function runDueJobs(
  deps: Deps,
  handlers: Readonly<Record<string, JobHandler>>,
  limit = 20,
): Promise<number> {
  const kinds = Object.keys(handlers);
  if (kinds.length === 0) return 0;
  const now = deps.now();
  const claimed = await deps.db.transaction(async (tx) =>
    queryRows<ClaimedJob>(
      tx as unknown as Deps["db"],
      sql`
      update ${jobs} set status = 'running', attempts = ${jobs.attempts} + 1,
        lease_until = ${new Date(now.getTime() + LEASE_MS).toISOString()}
      where id in (
        select id from ${jobs}
        where kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
          and ((status = 'queued' and run_at <= ${now.toISOString()})
            or (status = 'running' and lease_until < ${now.toISOString()}))
        order by run_at
        limit ${limit}
        for update skip locked
      )
      returning id, kind, payload, attempts, max_attempts`,
    ),
  );
  for (const job of claimed) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      await handler(deps, job.payload);
      await deps.db
        .update(jobs)
        .set({ status: "done", finishedAt: deps.now(), leaseUntil: null, lastError: null, dedupeKey: null })
        .where(eq(jobs.id, job.id));
    } catch (error) {
      // Never the raw message: a failed query's lists its parameters (report text, sealed contacts).
      const message = safeErrorMessage(error);
      const dead = job.attempts >= job.max_attempts;
      deps.log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts }, `job failed: ${message}`);
      await deps.db
        .update(jobs)
        .set({
          status: dead ? "dead" : "queued",
          runAt: new Date(deps.now().getTime() + retryDelayMs(job.attempts)),
          leaseUntil: null,
          lastError: message.slice(0, 2000),
          finishedAt: dead ? deps.now() : null,
          dedupeKey: dead ? null : undefined,
        })
        .where(and(eq(jobs.id, job.id), eq(jobs.status, "running")));
    }
  }
  return claimed.length;
}
