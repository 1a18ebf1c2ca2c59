// What the background worker does, in order, each round: turn stored gateway callbacks into
// reports, run due jobs, then send what is waiting in the outbox. One list, so that the server,
// the tests and the benchmarks all run the same work.
import type { Deps } from "./deps.ts";
import { deliverDueMessages } from "./features/messaging/outbox.service.ts";
import { type JobHandler, runDueJobs } from "./jobs/queue.ts";
import { createWorker, type Worker, type WorkerTask } from "./jobs/worker.ts";

/** Job kinds and their handlers. Kinds without a handler stay queued until one is added. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {};

export const BACKGROUND_TASKS: readonly WorkerTask[] = [
  { name: "jobs", run: (deps) => runDueJobs(deps, JOB_HANDLERS) },
  { name: "outbox", run: (deps) => deliverDueMessages(deps) },
];

export function createBackgroundWorker(deps: Deps): Worker {
  return createWorker(deps, BACKGROUND_TASKS, deps.config.worker.intervalMs);
}
