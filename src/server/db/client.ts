// Opens the database named by the config: PGlite (embedded, in BARAZA_DATA_DIR) or PostgreSQL.
// Both speak the same SQL and run the same migrations; the rest of the server sees one `Db` type.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Config } from "../config.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

/** PGlite does not stop two processes opening one data directory; this lock file does. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "db.lock");
  try {
    const fd = openSync(lockPath, "wx");
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
  } catch {
    const holder = Number(readFileSync(lockPath, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder))
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${holder}. Stop it first, or set DATABASE_URL to use PostgreSQL for several processes.`,
      );
    writeFileSync(lockPath, String(process.pid));
  }
  return () => rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function openPglite(dataDir: string | "memory"): Promise<Database> {
  const unlock = dataDir === "memory" ? () => {} : lockDataDir(dataDir);
  const client = await PGlite.create(dataDir === "memory" ? undefined : path.join(dataDir, "db"));
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    async close() {
      await client.close();
      unlock();
    },
  };
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection can be cut by the server (restart, failover, a dropped test database). pg then
  // emits "error" on the pool, which would crash the process unless handled; the pool replaces it.
  pool.on("error", (error) => {
    console.error(
      `An idle PostgreSQL connection was closed by the server; it will be replaced (${error.message})`,
    );
  });
  await pool.query("select 1");
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: "postgres", close: () => pool.end() };
}

export function openDatabase(config: Config): Promise<Database> {
  return config.database.kind === "postgres"
    ? openPostgres(config.database.url)
    : openPglite(config.database.dataDir === ":memory:" ? "memory" : config.database.dataDir);
}

/** Raw SQL returning rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
