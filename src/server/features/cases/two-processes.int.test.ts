// Acceptance: two server processes against one PostgreSQL process the same deadlines and outbox
// with no duplicate message. Two real `serve` processes (each with its own worker and connection
// pool) run on one fresh database; their Africa's Talking driver points at a loopback sink run by
// this test, which records every SMS and which process sent it (each has its own AT username).
//
// Once both listen, the test opens cases through the services with a clock three days in the past:
// every reminder and escalation of both deadlines is due the moment a case commits, as is every
// message in the outbox, and both workers race for them. The test polls the database
// until no work is left (bounded), then checks that each message reached the sink exactly once and
// each deadline step ran once. PostgreSQL only: PGlite is one process by nature (its directory
// belongs to the one server that opened it), so two processes cannot share it.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDeps } from "../../cli/context.ts";
import { loadConfig } from "../../config.ts";
import { type Database, queryRows } from "../../db/client.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { openTestDatabase, TEST_DB_KIND } from "../../test/databases.ts";
import { testClock } from "../../test/harness.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { freePort, type ServerProcess, startServerProcess } from "../channels/server-process.fixture.ts";
import { BODY_SEAL_PURPOSE, PHONE_SEAL_PURPOSE } from "../messaging/outbox.service.ts";
import { memorySmsDriver } from "../messaging/sms-drivers.ts";
import { openCaseForReport } from "./cases.service.ts";
import { KAPTEMBWO, seedCases, verifiedReport } from "./cases-test.fixture.ts";
import { CASE_DEADLINE_JOB } from "./deadlines.service.ts";

const CASES = 10;
const PROCESSES = ["baraza-a", "baraza-b"];
const DONE_DEADLINE_MS = 25_000;
/** Per case: the reporter told it is open; the OCS and the station supervisor (the two members
 * with a phone) told it is assigned and reminded of both deadlines; the supervisor told of both
 * escalations. The chief and programme officers have no phone on record (in-app notices only). */
const SMS_PER_CASE = 1 + 2 + 2 * 2 + 2;
/** remind, supervisor, programme, for the acknowledgement and for the first action. */
const STEPS_PER_CASE = 6;

interface Received {
  sender: string;
  to: string;
  body: string;
}

/** A stand-in for Africa's Talking's send-SMS endpoint on 127.0.0.1 that accepts everything. */
function smsSink(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString());
      const to = form.get("to") ?? "";
      received.push({ sender: form.get("username") ?? "", to, body: form.get("message") ?? "" });
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({
          SMSMessageData: {
            Message: "Sent to 1/1 Total Cost: KES 0.8000",
            Recipients: [
              {
                number: to,
                status: "Success",
                statusCode: 101,
                cost: "KES 0.8000",
                messageId: `ATXid_${received.length}`,
              },
            ],
          },
        }),
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}`, received });
    }),
  );
}

async function waitFor(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + DONE_DEADLINE_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(TEST_DB_KIND !== "postgres")(
  "two server processes on one PostgreSQL (PostgreSQL only: PGlite cannot be shared by two processes)",
  () => {
    let database: Database;
    let deps: Deps;
    let sink: Awaited<ReturnType<typeof smsSink>>;
    let dataDir: string;
    const processes: ServerProcess[] = [];
    const secrets = {
      BARAZA_VAULT_KEYS: `t1:${randomBytes(32).toString("base64")}`,
      BARAZA_HASH_KEY: randomBytes(32).toString("base64"),
    };

    beforeAll(async () => {
      const test = await openTestDatabase();
      database = test.database;
      dataDir = mkdtempSync(path.join(tmpdir(), "baraza-two-"));
      // Three days ago: both deadlines of an emergency case, and every rung after them, are past.
      const clock = testClock(new Date(Date.now() - 3 * 24 * 3_600_000));
      const config = loadConfig({ NODE_ENV: "test", BARAZA_LOG_LEVEL: "silent", ...secrets });
      deps = { ...buildDeps(config, database), now: clock.now, sms: memorySmsDriver() };
      sink = await smsSink();
      const started = PROCESSES.map(async (username) =>
        startServerProcess({
          ...secrets,
          NODE_ENV: "test",
          DATABASE_URL: test.url as string,
          BARAZA_DATA_DIR: dataDir,
          PORT: String(await freePort()),
          BARAZA_WORKER_INTERVAL_MS: "50",
          BARAZA_SMS_DRIVER: "africastalking",
          AT_USERNAME: username,
          AT_API_KEY: "loopback-test-key",
          AT_API_URL: sink.url,
        }),
      );
      processes.push(...(await Promise.all(started)));
    }, 90_000);

    afterAll(async () => {
      await Promise.all(processes.map((p) => p.kill("SIGTERM")));
      await new Promise((resolve) => sink?.server.close(resolve));
      await database?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it("process the same deadlines and outbox with no duplicate message", { timeout: 60_000 }, async () => {
      await seedCases(deps);
      const reports: { id: string }[] = [];
      for (let i = 0; i < CASES; i++)
        reports.push(
          await verifiedReport(deps, {
            text: `Gang attack number ${i} at Kaptembwo market`,
            category: "gang_crime",
            urgency: "emergency",
            placeId: KAPTEMBWO,
            phone: `+2547330001${String(i).padStart(2, "0")}`,
            consentToContact: true,
          }),
        );
      // One transaction per case, as verification opens them; each commit puts its work in
      // front of both running workers at once.
      const opened: string[] = [];
      for (const report of reports)
        opened.push(
          (await inTransaction(deps, (tx) => openCaseForReport(tx, SYSTEM_ACTOR, report.id))).number,
        );

      await waitFor("both workers to finish every deadline step and message", async () => {
        const [left] = await queryRows<{ jobs: number; messages: number }>(
          database.db,
          sql`select
            (select count(*)::int from jobs where kind = ${CASE_DEADLINE_JOB} and status in ('queued', 'running')) as jobs,
            (select count(*)::int from outbound_messages where status in ('pending', 'sending')) as messages`,
        );
        return left?.jobs === 0 && left.messages === 0;
      });

      // Every message left once: the sink got exactly the outbox's SMS rows, each once, all sent.
      // (Staff emails go through the same outbox to the processes' console driver: all sent, one per key.)
      const emails = await queryRows<{ status: string; n: number; keys: number }>(
        database.db,
        sql`select status, count(*)::int as n, count(distinct dedupe_key)::int as keys
          from outbound_messages where channel = 'email' group by status`,
      );
      expect(emails).toEqual([{ status: "sent", n: expect.any(Number), keys: emails[0]?.n }]);
      const outbox = await queryRows<{ status: string; recipient_sealed: string; body: string }>(
        database.db,
        sql`select status, recipient_sealed, body from outbound_messages where channel = 'sms'`,
      );
      expect(outbox.every((m) => m.status === "sent")).toBe(true);
      expect(outbox).toHaveLength(CASES * SMS_PER_CASE);
      const key = (m: { to: string; body: string }) => `${m.to} ${m.body}`;
      const expected = outbox
        .map((m) =>
          key({
            to: deps.vault.decrypt(PHONE_SEAL_PURPOSE, m.recipient_sealed),
            body: deps.vault.decrypt(BODY_SEAL_PURPOSE, m.body),
          }),
        )
        .sort();
      const received = sink.received.map(key).sort();
      expect(new Set(received).size).toBe(received.length);
      expect(received).toEqual(expected);
      // Both processes took part in the race (each sends under its own AT username).
      expect(new Set(sink.received.map((m) => m.sender))).toEqual(new Set(PROCESSES));
      // Per case: assigned, two reminders and one escalation each for the OCS and the supervisor.
      for (const number of opened)
        expect(sink.received.filter((m) => m.body.includes(number))).toHaveLength(SMS_PER_CASE - 1);

      // Every deadline step ran once: one timeline entry per step, each job done on its first run.
      const [steps] = await queryRows<{ n: number; distinct_keys: number }>(
        database.db,
        sql`select count(*)::int as n, count(distinct dedupe_key)::int as distinct_keys
          from case_events where dedupe_key is not null`,
      );
      expect(steps).toEqual({ n: CASES * STEPS_PER_CASE, distinct_keys: CASES * STEPS_PER_CASE });
      const jobs = await queryRows<{ status: string; attempts: number; n: number }>(
        database.db,
        sql`select status, attempts, count(*)::int as n from jobs where kind = ${CASE_DEADLINE_JOB}
          group by status, attempts`,
      );
      expect(jobs).toEqual([{ status: "done", attempts: 1, n: CASES * STEPS_PER_CASE }]);
      const [notices] = await queryRows<{ n: number; distinct_keys: number }>(
        database.db,
        sql`select count(*)::int as n, count(distinct dedupe_key)::int as distinct_keys from case_notifications`,
      );
      expect(notices?.n).toBe(notices?.distinct_keys);
    });
  },
);
