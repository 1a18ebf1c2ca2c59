// Builders for the reports route tests: reports submitted through the same service every channel
// uses, then triaged by the real background worker.
import { inTransaction } from "../../deps.ts";
import { makeUser } from "../../test/fixtures.ts";
import type { TestServer } from "../../test/harness.ts";
import { type NewReport, submitReport } from "./reports.service.ts";

export async function submit(
  server: TestServer,
  report: Partial<NewReport> & { text: string },
): Promise<{ id: string; reference: string }> {
  return inTransaction(server.deps, (tx) => submitReport(tx, { channel: "sms", locale: "sw", ...report }));
}

/** Submits and lets the worker triage it, as the running server would within a second. */
export async function submitAndTriage(
  server: TestServer,
  report: Partial<NewReport> & { text: string },
): Promise<{ id: string; reference: string }> {
  const submitted = await submit(server, report);
  await server.worker.drain();
  return submitted;
}

export { signedIn } from "../../test/fixtures.ts";
export { makeUser };
