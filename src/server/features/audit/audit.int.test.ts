import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTwoCounties } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { parseAuditHead, verifyAuditLog } from "./audit.service.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedTwoCounties(server.deps);
});
afterAll(() => server?.close());

describe("the audit log", () => {
  it("records every change with who, what and after", async () => {
    const rows = (await server.deps.db.execute(
      sql`select action, actor_label, after from audit_log order by seq`,
    )) as unknown as {
      rows: { action: string; actor_label: string; after: { email?: string } }[];
    };
    expect(rows.rows.filter((r) => r.action === "user.create")).toHaveLength(5);
    expect(rows.rows.every((r) => r.actor_label === "cli")).toBe(true);
  });

  it("refuses updates and deletes at the database level", async () => {
    const refusal = (error: unknown) => String((error as { cause?: Error }).cause?.message ?? error);
    await expect(
      server.deps.db.execute(sql`update audit_log set action = 'x'`).catch(refusal),
    ).resolves.toMatch(/append-only/);
    await expect(server.deps.db.execute(sql`delete from audit_log`).catch(refusal)).resolves.toMatch(
      /append-only/,
    );
  });

  it("verifies a clean chain, and detects a row altered behind the trigger's back", async () => {
    const clean = await verifyAuditLog(server.deps);
    expect(clean.ok).toBe(true);
    expect(clean.checked).toBeGreaterThanOrEqual(7);

    await server.deps.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update audit_log set after = jsonb_set(after, '{name}', '"Mallory"') where seq = 4`,
      );
    });
    const tampered = await verifyAuditLog(server.deps);
    expect(tampered.ok).toBe(false);
    expect(tampered.problems.join("\n")).toMatch(/entry 4 .*does not match its hash/);
  });
  it("detects the newest entries removed behind the trigger's back, against a head recorded earlier", async () => {
    const missing = (problems: string[]) => problems.filter((p) => p.includes("is missing"));
    const before = await verifyAuditLog(server.deps);
    const head = before.head as { seq: number; hash: string };
    expect(parseAuditHead(`${head.seq}:${head.hash}`)).toEqual(head);
    expect(missing((await verifyAuditLog(server.deps, { expectHead: head })).problems)).toEqual([]);

    await server.deps.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_log where seq = ${head.seq}`);
    });
    // Without the recorded head the shortened chain still links up; with it, the removal shows.
    expect((await verifyAuditLog(server.deps)).problems).toEqual(before.problems);
    const cut = await verifyAuditLog(server.deps, { expectHead: head });
    expect(cut.ok).toBe(false);
    expect(missing(cut.problems).join("\n")).toMatch(
      new RegExp(`entry ${head.seq}, recorded earlier as the newest, is missing`),
    );
    expect(parseAuditHead("12:not-a-hash")).toBeNull();
  });
});
