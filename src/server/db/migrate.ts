// Applies the SQL files in migrations/ in journal order, once each, inside one transaction per file.
// A PostgreSQL advisory lock makes concurrent boots of several server processes safe.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "./client.ts";

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../migrations");
const MIGRATION_LOCK_ID = 727_401; // arbitrary, constant: "baraza migrations"

interface JournalEntry {
  idx: number;
  tag: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): { tag: string; statements: string[] }[] {
  const journal = JSON.parse(readFileSync(path.join(dir, "meta/_journal.json"), "utf8")) as {
    entries: JournalEntry[];
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((e) => ({
      tag: e.tag,
      statements: readFileSync(path.join(dir, `${e.tag}.sql`), "utf8")
        .split("--> statement-breakpoint")
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

/** Returns the tags applied by this call (empty when the database was up to date). */
export async function migrate(db: Db): Promise<string[]> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`);
    await tx.execute(
      sql`create table if not exists schema_migrations (tag text primary key, applied_at timestamptz not null default now())`,
    );
    const done = await queryRows<{ tag: string }>(tx, sql`select tag from schema_migrations`);
    const applied = new Set(done.map((r) => r.tag));
    const newlyApplied: string[] = [];
    for (const m of listMigrations()) {
      if (applied.has(m.tag)) continue;
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into schema_migrations (tag) values (${m.tag})`);
      newlyApplied.push(m.tag);
    }
    return newlyApplied;
  });
}
