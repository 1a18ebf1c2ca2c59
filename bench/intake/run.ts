/**
 * SMS intake throughput, on PGlite and on PostgreSQL. For each database:
 *  1. HTTP: N keep-alive clients POST Africa's Talking SMS callbacks for T seconds to the real
 *     server (a child process, bench/intake/server.ts, without its worker); every 200 is a stored,
 *     sealed inbound row.
 *  2. Worker: the background tasks (inbound processing, triage jobs, outbox) run in this process
 *     until every stored message is a report with its receipt sent, or for --worker-seconds;
 *     reports/s = messages processed in that time (each is a report: every sender is new).
 *  3. Bare insert: the same INSERT (pre-sealed payload) from N concurrent loops for T seconds,
 *     straight to the database: the ceiling the HTTP figure is compared with.
 * Prints a table; asserts nothing.
 *   npx node bench/intake/run.ts [--db both|pglite|postgres] [--clients 16] [--seconds 10] [--worker-seconds 60]
 * PostgreSQL: BARAZA_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test) names the
 * server; a scratch database is created and dropped.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { BACKGROUND_TASKS } from "../../src/server/background.ts";
import { buildDeps } from "../../src/server/cli/context.ts";
import { loadConfig } from "../../src/server/config.ts";
import { type Database, openPglite, openPostgres, queryRows } from "../../src/server/db/client.ts";
import type { Deps } from "../../src/server/deps.ts";
import { INBOUND_PAYLOAD_PURPOSE } from "../../src/server/features/channels/inbound.service.ts";
import { inboundMessages } from "../../src/server/features/channels/inbound.table.ts";
import { startServerProcess } from "../../src/server/features/channels/server-process.fixture.ts";
import { memorySmsDriver } from "../../src/server/features/messaging/sms-drivers.ts";
import { createWorker } from "../../src/server/jobs/worker.ts";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    clients: { type: "string", default: "16" },
    seconds: { type: "string", default: "10" },
    "worker-seconds": { type: "string", default: "60" },
  },
});
const CLIENTS = Number(args.clients);
const SECONDS = Number(args.seconds);
const WORKER_SECONDS = Number(args["worker-seconds"]);
const KINDS = (args.db === "both" ? ["pglite", "postgres"] : [args.db]) as ("pglite" | "postgres")[];
const ADMIN_URL = process.env.BARAZA_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const RUN = randomBytes(3).toString("hex");

const quietLog = { info() {}, warn() {}, error: console.error, debug() {} } as unknown as Deps["log"];

interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function adminQuery<T = unknown>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Drops the scratch database once our closed pools have really gone (forcing them out makes pg throw). */
async function dropWhenIdle(name: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const [row] = await adminQuery<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = $1",
      [name],
    );
    if (!row?.n) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await adminQuery(`drop database if exists ${name} with (force)`);
}

async function prepare(kind: "pglite" | "postgres"): Promise<Target> {
  if (kind === "pglite") {
    const dir = mkdtempSync(path.join(tmpdir(), "baraza-bench-"));
    return {
      env: { DATABASE_URL: "", BARAZA_DATA_DIR: dir },
      open: () => openPglite(dir),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `baraza_bench_${RUN}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    // The server's own pool size, so both sides of the comparison have the same connections.
    open: () => openPostgres(url.toString(), 10),
    cleanup: () => dropWhenIdle(name),
  };
}

let serial = 0;
/** A callback from a number of its own, so that each message is a new report (no follow-ups). */
function smsForm(): string {
  const n = serial++;
  return new URLSearchParams({
    linkId: "03090445075804249226",
    text: `Vijana wamevamia soko la Kayole usiku wa leo, watu wamejeruhiwa (${n})`,
    to: "40123",
    id: `bench-${RUN}-${n}`,
    date: "2026-11-23T08:00:00Z",
    from: `+2547${String(10_000_000 + n)}`,
    networkCode: "63902",
  }).toString();
}

function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function httpLoad(baseUrl: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const url = new URL("/channels/africastalking/sms", baseUrl);
  // A short warm-up so the JIT and the connection pool are ready before the clock starts.
  await Promise.all(Array.from({ length: CLIENTS * 4 }, () => post(agent, url, smsForm())));
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const end = started + SECONDS * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const status = await post(agent, url, smsForm());
      if (status === 200) latencies.push(performance.now() - t0);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    failed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

/** Runs the background tasks until every stored message is done, or for WORKER_SECONDS at most. */
async function workerRun(deps: Deps) {
  const processed = () =>
    queryRows<{ n: number }>(
      deps.db,
      sql`select count(*)::int as n from ${inboundMessages} where processed_at is not null`,
    ).then((rows) => Number(rows[0]?.n ?? 0));
  const stored = await deps.db.$count(inboundMessages);
  const worker = createWorker(deps, BACKGROUND_TASKS, 10);
  const started = performance.now();
  const end = started + WORKER_SECONDS * 1000;
  while (performance.now() < end && (await worker.drain(1)) > 0) {}
  const seconds = (performance.now() - started) / 1000;
  const done = await processed();
  return { stored, done, seconds, perSecond: done / seconds };
}

async function bareInserts(deps: Deps) {
  const sealed = deps.vault.encrypt(INBOUND_PAYLOAD_PURPOSE, smsForm());
  let done = 0;
  const started = performance.now();
  const end = started + SECONDS * 1000;
  const loop = async (lane: number) => {
    for (let i = 0; performance.now() < end; i++) {
      await deps.db
        .insert(inboundMessages)
        .values({
          gateway: "africastalking",
          kind: "sms",
          externalId: `bare-${RUN}-${lane}-${i}`,
          payloadSealed: sealed,
          senderIndex: "bench",
          receivedAt: new Date(),
          // Already processed: these rows are only here to be counted.
          processedAt: new Date(),
        })
        .onConflictDoNothing({ target: [inboundMessages.gateway, inboundMessages.externalId] });
      done++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, lane) => loop(lane)));
  return { perSecond: done / ((performance.now() - started) / 1000) };
}

interface Row {
  kind: string;
  load: number;
  http: Awaited<ReturnType<typeof httpLoad>>;
  worker: Awaited<ReturnType<typeof workerRun>>;
  bare: Awaited<ReturnType<typeof bareInserts>>;
}

async function measure(kind: "pglite" | "postgres"): Promise<Row> {
  const load = loadavg()[0] ?? 0;
  const target = await prepare(kind);
  try {
    const server = await startServerProcess(
      { ...target.env, NODE_ENV: "development", PORT: "0" },
      "bench/intake/server.ts",
      [],
      120_000,
    );
    let http: Row["http"];
    try {
      http = await httpLoad(server.url);
    } finally {
      await server.kill("SIGTERM");
    }
    const database = await target.open();
    try {
      const config = loadConfig({ NODE_ENV: "development", ...target.env });
      const deps: Deps = { ...buildDeps(config, database), sms: memorySmsDriver(), log: quietLog };
      const worker = await workerRun(deps);
      const bare = await bareInserts(deps);
      return { kind, load, http, worker, bare };
    } finally {
      await database.close();
    }
  } finally {
    await target.cleanup();
  }
}

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(9);
const rows: Row[] = [];
for (const kind of KINDS) {
  console.error(`measuring ${kind}: ${CLIENTS} clients, ${SECONDS} s ...`);
  rows.push(await measure(kind));
}
console.log(`\nSMS intake, ${CLIENTS} concurrent keep-alive clients, ${SECONDS} s per measurement`);
// Other work on the machine changes every figure here; the load average says how much there was.
console.log(
  `${availableParallelism()} cores; load average before each run: ${rows.map((r) => `${r.kind} ${r.load.toFixed(1)}`).join(", ")}\n`,
);
console.log(
  "database  | HTTP callbacks/s | p50 ms | p99 ms | failed | bare inserts/s | HTTP/bare | worker reports/s (done/stored)",
);
console.log(
  "----------|------------------|--------|--------|--------|----------------|-----------|---------------------",
);
for (const { kind, http, worker, bare } of rows)
  console.log(
    `${kind.padEnd(9)} | ${fmt(http.perSecond).padStart(16)} | ${fmt(http.p50, 1).slice(3)} | ${fmt(
      http.p99,
      1,
    ).slice(3)} | ${String(http.failed).padStart(6)} | ${fmt(bare.perSecond).padStart(14)} | ${fmt(
      http.perSecond / bare.perSecond,
      2,
    )} | ${fmt(worker.perSecond)} (${worker.done}/${worker.stored})`,
  );
