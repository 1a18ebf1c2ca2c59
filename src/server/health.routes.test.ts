// The health check says whether this process can reach its database, and nothing else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.ts";
import type { Deps } from "./deps.ts";
import { startTestServer, type TestServer } from "./test/harness.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("GET /api/health", () => {
  it("answers 200 with the database up, without signing in", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: "up" });
  });

  it("answers 503 when the database cannot be reached, so a load balancer stops sending reports here", async () => {
    const unreachable = {
      ...server.deps.db,
      execute: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")),
    } as unknown as Deps["db"];
    const app = await buildApp({ ...server.deps, db: unreachable });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    try {
      const res = await fetch(`${url}/api/health`);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toEqual({ ok: false, database: "down" });
      // The driver's message (addresses, ports) is for the log, not for the public.
      expect(JSON.stringify(body)).not.toContain("ECONNREFUSED");
    } finally {
      await app.close();
    }
  });
});
