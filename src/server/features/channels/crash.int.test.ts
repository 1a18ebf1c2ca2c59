// Nothing a gateway was told we have is lost when the server dies, and nothing is doubled when
// the gateway sends it again. The real server runs as a child process; a burst of SMS callbacks
// (with repeats, as gateways retry) is cut off by SIGKILL; the server starts again, every message
// that was not acknowledged is sent again, and once the worker has caught up every acknowledged
// message is exactly one report and every report has its inbound message.
//
// On PGlite the database directory belongs to the server process while it runs (PGlite is
// single-process), so the test cannot poll it. Instead it sends one last message from a number
// used nowhere else: processing goes in arrival order, so when that message's reply is printed by
// the console SMS driver, everything before it has been processed; then the server is stopped
// and the directory opened for the checks.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPglite, queryRows } from "../../db/client.ts";
import { openTestDatabase, TEST_DB_KIND } from "../../test/databases.ts";
import { maskPhone } from "../messaging/sms-drivers.ts";
import { AT_SMS_PATH, atSms } from "./gateway-requests.fixture.ts";
import { freePort, type ServerProcess, startServerProcess } from "./server-process.fixture.ts";

const UNIQUE_MESSAGES = 2000;
const REPEAT_SHARE = 0.1;
const CONCURRENCY = 16;
/** The kill comes when this share of the burst has been acknowledged: well inside it. */
const KILL_AFTER_SHARE = 0.35;
const CATCH_UP_DEADLINE_MS = 45_000;
const PROBE_PHONE = "+447700900555";

const TEXTS = [
  "Vijana wamevamia soko la Kayole usiku, watu wamejeruhiwa",
  "There is a gang robbing people near the stage at night",
  "Maze karao wamecatch wasee mtaani bila sababu",
  "Wizi wa mifugo Olenguruone jana usiku",
];

let env: Record<string, string>;
let dataDir: string;
let pgDatabase: Database | undefined;
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "baraza-crash-"));
  env = { NODE_ENV: "test", BARAZA_DATA_DIR: dataDir, DATABASE_URL: "", BARAZA_SMS_DRIVER: "console" };
  if (TEST_DB_KIND === "postgres") {
    const test = await openTestDatabase();
    pgDatabase = test.database;
    env.DATABASE_URL = test.url as string;
  }
});
afterAll(async () => {
  await pgDatabase?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = async () => startServerProcess({ ...env, PORT: String(await freePort()) });

/** One callback; true when the server answered 200. A dead server is just "not acknowledged". */
async function deliver(url: string, fields: Record<string, string>): Promise<boolean> {
  try {
    const res = await fetch(`${url}${AT_SMS_PATH}`, { method: "POST", body: new URLSearchParams(fields) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Sends the queue with CONCURRENCY clients; calls `afterEach` after every answer. */
async function sendAll(
  url: string,
  queue: Record<string, string>[],
  acknowledged: Set<string>,
  afterEach: () => void = () => {},
): Promise<void> {
  let next = 0;
  const client = async () => {
    while (next < queue.length) {
      const fields = queue[next++] as Record<string, string>;
      if (await deliver(url, fields)) acknowledged.add(fields.id as string);
      afterEach();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
}

async function waitFor(what: string, done: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + CATCH_UP_DEADLINE_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Counts {
  inbound: number;
  unprocessed: number;
  reports: number;
  notExactlyOneReport: number;
  orphanReports: number;
  acknowledgedMissing: number;
}

async function countsIn(db: Database["db"], acknowledged: string[]): Promise<Counts> {
  const ids = sql.join(
    acknowledged.map((id) => sql`${id}`),
    sql`, `,
  );
  const [row] = await queryRows<Record<keyof Counts, string>>(
    db,
    sql`select
      (select count(*) from inbound_messages where kind = 'sms') as inbound,
      (select count(*) from inbound_messages where kind = 'sms' and processed_at is null) as unprocessed,
      (select count(*) from reports where channel = 'sms') as reports,
      (select count(*) from inbound_messages i where i.external_id in (${ids})
         and (select count(*) from reports r where r.inbound_message_id = i.id) <> 1) as "notExactlyOneReport",
      (select count(*) from reports r where r.channel = 'sms' and not exists
         (select 1 from inbound_messages i where i.id = r.inbound_message_id)) as "orphanReports",
      (select ${acknowledged.length}::int - count(*) from inbound_messages
         where external_id in (${ids})) as "acknowledgedMissing"`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)])) as unknown as Counts;
}

describe(`a server killed mid-burst (${TEST_DB_KIND})`, () => {
  // Two server starts and 2,200 callbacks: alone about 60 s on PGlite here, and up to half again when
  // CI runs another route file beside it. The time allowed is what varies, never what is checked.
  it("loses no acknowledged SMS and makes exactly one report of each", { timeout: 180_000 }, async () => {
    const unique = Array.from({ length: UNIQUE_MESSAGES }, (_, i) =>
      atSms({ from: `+2547${20_000_000 + i}`, text: `${TEXTS[i % TEXTS.length]} (${i})`, id: randomUUID() }),
    );
    // Repeats follow their original closely, as a gateway retry would.
    const burst: Record<string, string>[] = [];
    unique.forEach((sms, i) => {
      burst.push(sms);
      if (i % Math.round(1 / REPEAT_SHARE) === 3) burst.push(sms);
    });

    let server: ServerProcess | undefined = await start();
    const acknowledged = new Set<string>();
    let killing: Promise<void> | null = null;
    const killAt = Math.round(UNIQUE_MESSAGES * KILL_AFTER_SHARE);
    await sendAll(server.url, burst, acknowledged, () => {
      if (!killing && acknowledged.size >= killAt) killing = server?.kill("SIGKILL") ?? null;
    });
    await killing;
    const beforeCrash = acknowledged.size;
    expect(beforeCrash).toBeGreaterThanOrEqual(killAt);
    expect(beforeCrash).toBeLessThan(UNIQUE_MESSAGES);

    server = await start();
    try {
      // The gateway retries whatever it did not get a 200 for, until it does.
      await waitFor("every message to be acknowledged", async () => {
        await sendAll(
          (server as ServerProcess).url,
          unique.filter((sms) => !acknowledged.has(sms.id as string)),
          acknowledged,
        );
        return acknowledged.size === UNIQUE_MESSAGES;
      });

      if (pgDatabase) {
        const db = pgDatabase.db;
        await waitFor("the worker to process every message", async () => {
          return (await countsIn(db, [...acknowledged])).unprocessed === 0;
        });
      } else {
        const probe = atSms({ from: PROBE_PHONE, text: "There is a fight at the market now" });
        await waitFor("the probe to be acknowledged", () => deliver((server as ServerProcess).url, probe));
        const probeReply = `SMS to ${maskPhone(PROBE_PHONE)}: Baraza: report received`;
        await waitFor("the probe's reply", () => (server as ServerProcess).output().includes(probeReply));
      }
    } finally {
      await server.kill("SIGTERM");
    }

    const database = pgDatabase ?? (await openPglite(dataDir));
    try {
      const counts = await countsIn(database.db, [...acknowledged]);
      expect(counts).toEqual({
        inbound: UNIQUE_MESSAGES + (pgDatabase ? 0 : 1),
        unprocessed: 0,
        reports: UNIQUE_MESSAGES + (pgDatabase ? 0 : 1),
        notExactlyOneReport: 0,
        orphanReports: 0,
        acknowledgedMissing: 0,
      });
    } finally {
      if (!pgDatabase) await database.close();
    }
  });
});
