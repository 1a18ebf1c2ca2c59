// Two server instances on one database, their workers draining at the same time: every deadline
// step runs once and every SMS leaves once. On PostgreSQL the second instance has its own
// connection pool, as a second process would; PGlite is one process by nature, so there the two
// workers share its single connection (still two workers racing for the same jobs and outbox).
// Two real server processes on PostgreSQL: two-processes.int.test.ts.
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { createBackgroundWorker } from "../../background.ts";
import { type Database, openPostgres, queryRows } from "../../db/client.ts";
import type { Deps } from "../../deps.ts";
import type { Worker } from "../../jobs/worker.ts";
import { databaseUrl, TEST_DB_KIND } from "../../test/databases.ts";
import { PASSWORD } from "../../test/fixtures.ts";
import { ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { type MemorySmsDriver, memorySmsDriver } from "../messaging/sms-drivers.ts";
import { type CaseFixture, KAPTEMBWO, seedCases, verifiedReport } from "./cases-test.fixture.ts";
import { runDeadlineJob } from "./deadlines.service.ts";

const CASES = 6;
let first: TestServer;
let fx: CaseFixture;
let second: {
  deps: Deps;
  app: FastifyInstance;
  url: string;
  worker: Worker;
  sms: MemorySmsDriver;
  db?: Database;
};

beforeAll(async () => {
  first = await startTestServer();
  fx = await seedCases(first.deps);
  const sms = memorySmsDriver();
  let db: Database | undefined;
  if (TEST_DB_KIND === "postgres") {
    const [current] = await queryRows<{ name: string }>(
      first.deps.db,
      sql`select current_database() as name`,
    );
    db = await openPostgres(databaseUrl(current?.name ?? ""), 5);
  }
  const deps: Deps = { ...first.deps, db: db?.db ?? first.deps.db, sms };
  const app = await buildApp(deps);
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  second = { deps, app, url, worker: createBackgroundWorker(deps), sms, ...(db && { db }) };
});
afterAll(async () => {
  await second?.app.close();
  await second?.db?.close();
  await first?.close();
});

async function signedIn(url: string, email: string) {
  const api = new ApiClient(url);
  expect((await api.login(email, PASSWORD)).status).toBe(200);
  return api;
}

const drainBoth = () => Promise.all([first.worker.drain(), second.worker.drain()]);

describe("two server instances on one database", () => {
  it("process the same deadlines and outbox with no duplicate message", async () => {
    const officers = [
      await signedIn(first.url, fx.people.programmeOfficer.email),
      await signedIn(second.url, fx.people.programmeOfficer.email),
    ];
    const numbers: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const report = await verifiedReport(first.deps, {
        text: `Attack number ${i} at the market`,
        category: "gang_crime",
        urgency: "emergency",
        placeId: KAPTEMBWO,
        phone: `+2547330000${String(i).padStart(2, "0")}`,
        consentToContact: true,
      });
      const res = await officers[i % 2]?.post("/api/cases", { reportId: report.id });
      expect(res?.status).toBe(201);
      numbers.push(res?.body.case.number);
    }
    await drainBoth();
    first.clock.advance(31 * 60_000); // past the reminder and the acknowledgement deadline
    await drainBoth();
    first.clock.advance(30 * 60_000); // the top rung
    await drainBoth();

    const sent = [...first.sms.sent, ...second.sms.sent];
    const keys = sent.map((m) => `${m.to} ${m.body}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Per case: the reporter is told it is open; the OCS is told of it and reminded; the
    // supervisor likewise, and told of the escalation. Programme officers have no phone on record.
    expect(sent.length).toBe(CASES * 6);
    for (const number of numbers) expect(sent.filter((m) => m.body.includes(number))).toHaveLength(5);

    const outbox = await queryRows<{ status: string; n: number }>(
      first.deps.db,
      sql`select status, count(*)::int as n from outbound_messages where channel = 'sms' group by status`,
    );
    expect(outbox).toEqual([{ status: "sent", n: CASES * 6 }]);
    // Staff emails share the outbox (and, here, one memory driver): each left once, all sent.
    const emails = first.email.sent.map((m) => `${m.to} ${m.subject}`);
    expect(emails.length).toBeGreaterThan(0);
    expect(new Set(emails).size).toBe(emails.length);
    const emailRows = await queryRows<{ status: string; n: number }>(
      first.deps.db,
      sql`select status, count(*)::int as n from outbound_messages where channel = 'email' group by status`,
    );
    expect(emailRows).toEqual([{ status: "sent", n: emails.length }]);
    const steps = await queryRows<{ n: number; distinct_keys: number }>(
      first.deps.db,
      sql`select count(*)::int as n, count(distinct dedupe_key)::int as distinct_keys from case_events where dedupe_key is not null`,
    );
    expect(steps[0]).toEqual({ n: CASES * 3, distinct_keys: CASES * 3 });
  });

  it("one deadline step run by both instances at once notifies once", async () => {
    const report = await verifiedReport(first.deps, {
      text: "Fire set to a kiosk",
      category: "public_order",
      urgency: "emergency",
      placeId: KAPTEMBWO,
    });
    const officer = await signedIn(first.url, fx.people.programmeOfficer.email);
    const kase = (await officer.post("/api/cases", { reportId: report.id })).body.case;
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          first.deps.db,
          sql`select count(*)::int as n from case_notifications where case_id = ${kase.id} and kind = 'escalated'`,
        )
      )[0]?.n;
    const payload = { caseId: kase.id, due: "acknowledge", step: "supervisor" };
    await Promise.all([runDeadlineJob(first.deps, payload), runDeadlineJob(second.deps, payload)]);
    // The station's one supervisor and the chief (the chief's unit's supervisor).
    expect(await count()).toBe(2);
  });
});
