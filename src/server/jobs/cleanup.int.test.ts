// The daily clean-up of finished jobs, against a real database and the injected clock.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookRecurringJobs, JOB_HANDLERS } from "../background.ts";
import { queryRows } from "../db/client.ts";
import { startTestServer, type TestServer } from "../test/harness.ts";
import { DEAD_JOBS_KEPT_DAYS, DONE_JOBS_KEPT_DAYS, JOBS_CLEANUP_JOB, nextCleanupAt } from "./cleanup.ts";
import { jobs } from "./jobs.table.ts";
import { runDueJobs } from "./queue.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const DAY = 86_400_000;

async function finishedJob(status: "done" | "dead", daysAgo: number): Promise<string> {
  const now = server.clock.now().getTime();
  const [row] = await server.deps.db
    .insert(jobs)
    .values({
      kind: "report.triage",
      payload: {},
      status,
      runAt: new Date(now - daysAgo * DAY),
      createdAt: new Date(now - daysAgo * DAY),
      finishedAt: new Date(now - daysAgo * DAY),
    })
    .returning({ id: jobs.id });
  return (row as { id: string }).id;
}

describe("finished jobs clean-up", () => {
  it("is booked for 03:00 UTC, today if that is still ahead, else tomorrow", () => {
    expect(nextCleanupAt(new Date("2026-11-23T02:59:00Z")).toISOString()).toBe("2026-11-23T03:00:00.000Z");
    expect(nextCleanupAt(new Date("2026-11-23T08:00:00Z")).toISOString()).toBe("2026-11-24T03:00:00.000Z");
  });

  it("deletes done jobs after 30 days and dead ones after 180, keeps queued work, and books the next day", async () => {
    const oldDone = await finishedJob("done", DONE_JOBS_KEPT_DAYS + 1);
    const recentDone = await finishedJob("done", DONE_JOBS_KEPT_DAYS - 1);
    const oldDead = await finishedJob("dead", DEAD_JOBS_KEPT_DAYS + 1);
    const recentDead = await finishedJob("dead", DONE_JOBS_KEPT_DAYS + 1);
    await bookRecurringJobs(server.deps);
    await bookRecurringJobs(server.deps); // a restart books nothing twice
    const booked = await server.deps.db.select().from(jobs).where(eq(jobs.kind, JOBS_CLEANUP_JOB));
    expect(booked).toHaveLength(1);

    server.clock.advance(DAY);
    await runDueJobs(server.deps, JOB_HANDLERS);
    const left = new Set((await server.deps.db.select({ id: jobs.id }).from(jobs)).map((j) => j.id));
    expect(left.has(oldDone)).toBe(false);
    expect(left.has(oldDead)).toBe(false);
    expect(left.has(recentDone)).toBe(true);
    expect(left.has(recentDead)).toBe(true);
    const next = await queryRows<{ run_at: Date; status: string }>(
      server.deps.db,
      sql`select run_at, status from jobs where kind = ${JOBS_CLEANUP_JOB} and status = 'queued'`,
    );
    expect(next).toHaveLength(1);
    expect(new Date(next[0]?.run_at ?? 0).getTime()).toBeGreaterThan(server.clock.now().getTime());
  });
});
