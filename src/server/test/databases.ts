// Test databases: PGlite in memory, or a fresh PostgreSQL database cloned from a migrated template.
// Which one is chosen by BARAZA_TEST_DB (pglite | postgres), so the same route tests run on both.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../db/client.ts";

export const TEST_DB_KIND = process.env.BARAZA_TEST_DB === "postgres" ? "postgres" : "pglite";
export const POSTGRES_ADMIN_URL =
  process.env.BARAZA_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for one test file; `migrated` says whether it already holds the schema. */
export async function openTestDatabase(): Promise<{ database: Database; migrated: boolean; url?: string }> {
  if (TEST_DB_KIND === "pglite") return { database: await openPglite("memory"), migrated: false };
  const name = `baraza_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient((c) => c.query(`create database ${name} template ${inject("templateDb")}`));
  const database = await openPostgres(databaseUrl(name), 5);
  return {
    migrated: true,
    url: databaseUrl(name),
    database: {
      ...database,
      async close() {
        await database.close();
        await withAdminClient((c) => c.query(`drop database if exists ${name} with (force)`));
      },
    },
  };
}
