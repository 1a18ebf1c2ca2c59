// The `baraza` command line, run as a user would: a child process against a real database.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPglite } from "../db/client.ts";
import { openTestDatabase, TEST_DB_KIND } from "../test/databases.ts";

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, "main.ts");

let env: NodeJS.ProcessEnv;
let dataDir: string;
let pgDatabase: Database | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "baraza-cli-"));
  env = { ...process.env, NODE_ENV: "test", BARAZA_DATA_DIR: dataDir, DATABASE_URL: "" };
  if (TEST_DB_KIND === "postgres") {
    const test = await openTestDatabase();
    pgDatabase = test.database;
    env.DATABASE_URL = test.url;
  }
});
afterAll(async () => {
  await pgDatabase?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function baraza(args: string[], input?: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { ...env, ...input },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Alters an audit row the way an attacker with database access would: around the append-only trigger. */
async function tamperWithAuditRow(): Promise<void> {
  const database = pgDatabase ?? (await openPglite(dataDir));
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(
      sql`update audit_log set actor_label = 'someone else' where seq = (select min(seq) from audit_log)`,
    );
  });
  if (!pgDatabase) await database.close();
}

describe("the baraza command", () => {
  // Eight child processes, about 2.5 s each to start Node alone: 20 s on a quiet machine.
  it("every command answers --help", { timeout: 120_000 }, async () => {
    for (const args of [
      [],
      ["serve"],
      ["migrate"],
      ["seed"],
      ["user", "create"],
      ["audit", "verify"],
      ["triage"],
      ["alerts", "detect"],
    ]) {
      const result = await baraza([...args, "--help"]);
      expect(result.code, args.join(" ")).toBe(0);
      expect(result.stdout).toMatch(/Usage: baraza/);
    }
  });

  // Six child processes, each starting Node and opening the database, one of them seeding the whole
  // demo: about 40 s on PGlite alone, and it passed 60 s in CI with another route file beside it.
  it("creates a user, verifies an intact audit log, and detects an altered row", {
    timeout: 180_000,
  }, async () => {
    const org = await baraza(["migrate"]);
    expect(org.code).toBe(0);
    const bad = await baraza(
      [
        "user",
        "create",
        "--email",
        "x@test.ke",
        "--name",
        "X",
        "--role",
        "admin",
        "--organisation",
        "none",
        "--place",
        "ke",
      ],
      { BARAZA_NEW_PASSWORD: "long enough password" },
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/organisationIds/);

    const seeded = await baraza(["seed", "--demo"]);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/admin@baraza.test/);
    const created = await baraza(
      [
        "user",
        "create",
        "--email",
        "new.monitor@test.ke",
        "--name",
        "New Monitor",
        "--role",
        "monitor",
        "--organisation",
        "Pamoja Mtaani Partners (demo)",
        "--place",
        "c:047",
      ],
      { BARAZA_NEW_PASSWORD: "long enough password" },
    );
    expect(created.stderr).toBe("");
    expect(created.stdout).toMatch(/Created new.monitor@test.ke \(monitor\)/);

    const clean = await baraza(["audit", "verify"]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/Audit log intact: \d+ entries verified/);

    await tamperWithAuditRow();
    const tampered = await baraza(["audit", "verify"]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/TAMPERED/);
    expect(tampered.stderr).toMatch(/entry 1 .*does not match its hash/);
  });
});
