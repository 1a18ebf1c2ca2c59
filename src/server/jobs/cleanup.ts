// The "jobs.cleanup" job: finished jobs are kept for a while (to see what ran and why something
// failed), then deleted, so the queue table does not grow for ever. Runs once a day and books the
// next day's run itself; serve books the first one at start (a second booking of a day is ignored).
import { and, eq, lt } from "drizzle-orm";
import type { Deps } from "../deps.ts";
import { jobs } from "./jobs.table.ts";
import { enqueueJob } from "./queue.ts";

export const JOBS_CLEANUP_JOB = "jobs.cleanup";
const DAY_MS = 86_400_000;
/** Done jobs: a month is enough to answer "did the reminder job run?". */
export const DONE_JOBS_KEPT_DAYS = 30;
/** Dead jobs failed every attempt; someone may still need to look at why. */
export const DEAD_JOBS_KEPT_DAYS = 180;
/** Run at 03:00 UTC (06:00 in Kenya), before the working day. */
const RUN_HOUR_UTC = 3;

export function nextCleanupAt(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RUN_HOUR_UTC);
  return new Date(today > now.getTime() ? today : today + DAY_MS);
}

export async function scheduleJobsCleanup(txDeps: Deps): Promise<void> {
  const runAt = nextCleanupAt(txDeps.now());
  await enqueueJob(
    txDeps,
    JOBS_CLEANUP_JOB,
    {},
    { runAt, dedupeKey: `${JOBS_CLEANUP_JOB}@${runAt.toISOString()}` },
  );
}

export async function deleteFinishedJobs(deps: Deps): Promise<{ done: number; dead: number }> {
  const now = deps.now().getTime();
  const older = (status: "done" | "dead", days: number) =>
    deps.db
      .delete(jobs)
      .where(and(eq(jobs.status, status), lt(jobs.finishedAt, new Date(now - days * DAY_MS))))
      .returning({ id: jobs.id });
  const done = await older("done", DONE_JOBS_KEPT_DAYS);
  const dead = await older("dead", DEAD_JOBS_KEPT_DAYS);
  return { done: done.length, dead: dead.length };
}

export async function runJobsCleanupJob(deps: Deps): Promise<void> {
  // Booked first, so that a failing run still leaves tomorrow's in place.
  await scheduleJobsCleanup(deps);
  const deleted = await deleteFinishedJobs(deps);
  deps.log.info(deleted, "finished jobs cleaned up");
}
