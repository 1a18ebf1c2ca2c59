// What the background worker does, in order, each round: turn stored gateway callbacks into
// reports, run due jobs, then send what is waiting in the outbox. One list, so that the server,
// the tests and the benchmarks all run the same work.
import type { Deps } from "./deps.ts";
import {
  ALERTS_DETECT_JOB,
  requestAlertDetection,
  runAlertsDetectJob,
  scheduleNextDetection,
} from "./features/alerts/alerts-job.service.ts";
import { CASE_DEADLINE_JOB, runDeadlineJob } from "./features/cases/deadlines.service.ts";
import { processInboundMessages } from "./features/channels/inbound-processing.service.ts";
import { deliverDueMessages } from "./features/messaging/outbox.service.ts";
import { cleanUpWebReceipts } from "./features/public-web/web-receipt.service.ts";
import { TRIAGE_JOB } from "./features/reports/reports.service.ts";
import { runTriageJob } from "./features/reports/triage-job.service.ts";
import { JOBS_CLEANUP_JOB, runJobsCleanupJob, scheduleJobsCleanup } from "./jobs/cleanup.ts";
import { type JobHandler, runDueJobs } from "./jobs/queue.ts";
import { createWorker, type Worker, type WorkerTask } from "./jobs/worker.ts";

/** Job kinds and their handlers. Kinds without a handler stay queued until one is added. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [TRIAGE_JOB]: async (deps, payload) => {
    await runTriageJob(deps, payload);
    // A new guess can put a report into a rising series: score again shortly (requests coalesce).
    await requestAlertDetection(deps);
  },
  [ALERTS_DETECT_JOB]: runAlertsDetectJob,
  [CASE_DEADLINE_JOB]: runDeadlineJob,
  [JOBS_CLEANUP_JOB]: async (deps) => {
    await runJobsCleanupJob(deps);
    // Receipt PINs past their window, and spent form tokens old enough to forget (idempotent).
    const receipts = await cleanUpWebReceipts(deps);
    deps.log.info(receipts, "web receipts cleaned up");
  },
};

/**
 * Jobs that book their own next run (alert detection every quarter hour, the daily clean-up) need a
 * first booking; serve makes it at every start, and a slot already booked is not booked twice.
 */
export async function bookRecurringJobs(deps: Deps): Promise<void> {
  await scheduleNextDetection(deps);
  await scheduleJobsCleanup(deps);
}

export const BACKGROUND_TASKS: readonly WorkerTask[] = [
  { name: "inbound", run: (deps) => processInboundMessages(deps) },
  { name: "jobs", run: (deps) => runDueJobs(deps, JOB_HANDLERS) },
  { name: "outbox", run: (deps) => deliverDueMessages(deps) },
];

export function createBackgroundWorker(deps: Deps): Worker {
  return createWorker(deps, BACKGROUND_TASKS, deps.config.worker.intervalMs);
}
