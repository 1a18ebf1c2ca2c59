// Indicator and reach queries at scale: 50,000 participants, 20,000 activities, 500,000 attendances.
// Targets: under 300 ms per query on PostgreSQL, under 1 s on PGlite.
//   npx node bench/reach/run.ts                  both databases (PostgreSQL at BARAZA_BENCH_POSTGRES_URL,
//                                                default postgres://postgres@127.0.0.1:5432/postgres)
//   npx node bench/reach/run.ts --db pglite      one database only (pglite | postgres)
//   npx node bench/reach/run.ts --only dashboard only the queries whose name contains the text
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import type { DashboardQuery } from "../../src/common/contracts/programmes.ts";
import { type Database, openPglite, openPostgres } from "../../src/server/db/client.ts";
import { migrate } from "../../src/server/db/migrate.ts";
import type { Deps } from "../../src/server/deps.ts";
import { syncGazetteer } from "../../src/server/features/places/places.service.ts";
import { listActivities } from "../../src/server/features/programmes/activities.repo.ts";
import { programmeDashboard } from "../../src/server/features/programmes/dashboard.service.ts";
import {
  commitmentsKept,
  computedValue,
  type ProjectFilter,
  reachBreakdown,
  reachTotals,
} from "../../src/server/features/programmes/reach.repo.ts";
import type { Principal } from "../../src/server/lib/scope.ts";
import { generate, md5Uuid, PROJECT_ID, SIZE } from "./data.ts";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    runs: { type: "string", default: "5" },
    /** Only the queries whose name contains this text, e.g. --only dashboard. */
    only: { type: "string", default: "" },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const TARGET_MS = { postgres: 300, pglite: 1000 } as const;

const all: ProjectFilter = { projectId: PROJECT_ID };
const year: ProjectFilter = { projectId: PROJECT_ID, from: "2025-01-01", to: "2025-12-31" };
const quarter: ProjectFilter = { projectId: PROJECT_ID, from: "2026-04-01", to: "2026-06-30" };
const dialogues: ProjectFilter = { ...year, types: ["dialogue_session"] };
/** A reader who covers only Nakuru of a project that spans Nakuru and Mombasa. */
const nakuruOnly: ProjectFilter = { ...all, scopePaths: ["c:032"] };
const kaptembwoWard: ProjectFilter = { ...all, within: "c:032/s:175/w:0872" };

/** A national M&E officer of the bench organisation, for the service-level dashboard query. */
const officer = (scope: { allPlaces: boolean; placePaths: string[] }): Principal => ({
  userId: md5Uuid("officer"),
  email: "officer@bench.test",
  roles: ["me_officer"],
  permissions: new Set(["programmes.read"]),
  scope: { ...scope, organisationIds: [md5Uuid("org")] },
  canRevealIdentity: false,
  policeOrGovernment: false,
});
const dashboard = (db: Database["db"], principal: Principal, query: DashboardQuery) =>
  programmeDashboard({ db, now: () => new Date() } as Deps, principal, md5Uuid("programme"), query);

type Query = [name: string, run: (db: Database["db"]) => Promise<unknown>];
const QUERIES: Query[] = [
  ["reach totals, whole project (unique, attendances, 3+ sessions)", (db) => reachTotals(db, all, 3)],
  ["reach totals, one year of dialogue sessions", (db) => reachTotals(db, dialogues, 3)],
  ["reach totals, reader scoped to Nakuru", (db) => reachTotals(db, nakuruOnly, 3)],
  ["reach totals, one ward", (db) => reachTotals(db, kaptembwoWard, 3)],
  [
    "reach pyramid: gender × age band, whole project",
    (db) => reachBreakdown(db, all, ["gender", "age_band"]),
  ],
  ["breakdown by role, one year", (db) => reachBreakdown(db, year, ["role"])],
  ["breakdown by dialogue group", (db) => reachBreakdown(db, all, ["group"])],
  ["breakdown by county × youth", (db) => reachBreakdown(db, all, ["county", "youth"])],
  ["indicator: unique participants, one quarter", (db) => computedValue(db, "unique_participants", quarter)],
  ["indicator: attendances, whole project", (db) => computedValue(db, "attendances", all)],
  ["indicator: dialogue sessions held, one year", (db) => computedValue(db, "activity_count", dialogues)],
  ["indicator: action points kept, whole project", (db) => commitmentsKept(db, all)],
  [
    "activity list: newest 50 with attendance counts",
    (db) =>
      listActivities(
        db,
        { allPlaces: true, placePaths: ["ke"], organisationIds: [md5Uuid("org")] },
        { projectId: PROJECT_ID, limit: 50, offset: 0 },
      ),
  ],
  [
    "programme dashboard, one year (3 indicators, pyramid, time, map)",
    (db) =>
      dashboard(db, officer({ allPlaces: true, placePaths: ["ke"] }), {
        from: "2025-01-01",
        to: "2025-12-31",
      }),
  ],
  [
    "programme dashboard, whole programme, reader scoped to Nakuru",
    (db) => dashboard(db, officer({ allPlaces: false, placePaths: ["c:032"] }), {}),
  ],
  [
    "programme dashboard, one quarter in one ward",
    (db) =>
      dashboard(db, officer({ allPlaces: true, placePaths: ["ke"] }), {
        from: "2026-04-01",
        to: "2026-06-30",
        place: "w:0872",
      }),
  ],
];

async function openBench(
  kind: "pglite" | "postgres",
): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (kind === "pglite") {
    const database = await openPglite("memory");
    return { database, cleanup: () => database.close() };
  }
  const adminUrl = process.env.BARAZA_BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `baraza_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 2);
  return {
    database,
    cleanup: async () => {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function bench(kind: "pglite" | "postgres"): Promise<boolean> {
  const { database, cleanup } = await openBench(kind);
  try {
    const { db } = database;
    let started = performance.now();
    await migrate(db);
    await syncGazetteer({ db, now: () => new Date() } as Deps);
    await generate(db);
    console.log(
      `\n${kind}: generated ${SIZE.participants.toLocaleString("en")} participants, ` +
        `${SIZE.activities.toLocaleString("en")} activities, ` +
        `${(SIZE.activities * SIZE.perActivity).toLocaleString("en")} attendances in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const target = TARGET_MS[kind];
    let ok = true;
    console.log(
      `${"query".padEnd(62)} ${"median".padStart(8)} ${"max".padStart(8)}   (target < ${target} ms)`,
    );
    for (const [name, query] of QUERIES.filter(([name]) => name.includes(args.only))) {
      await query(db); // warm-up: plan and cache
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        started = performance.now();
        await query(db);
        times.push(performance.now() - started);
      }
      const worst = Math.max(...times);
      ok &&= worst < target;
      console.log(
        `${name.padEnd(62)} ${median(times).toFixed(1).padStart(6)} ms ${worst.toFixed(1).padStart(6)} ms   ${worst < target ? "ok" : "TOO SLOW"}`,
      );
    }
    return ok;
  } finally {
    await cleanup();
  }
}

const kinds = args.db === "both" ? (["postgres", "pglite"] as const) : [args.db as "pglite" | "postgres"];
let allOk = true;
for (const kind of kinds) allOk = (await bench(kind)) && allOk;
console.log(allOk ? "\nEvery query met its target." : "\nSome queries missed their target.");
process.exitCode = allOk ? 0 : 1;
