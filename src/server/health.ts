// GET /api/health, for load balancers and uptime checks: public, so it says only whether this
// process can reach its database. A process that cannot is taken out of rotation (503) instead of
// accepting reports it cannot store.
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Deps } from "./deps.ts";

/** Long enough for a busy database, short enough that a check does not hang behind a dead one. */
const DATABASE_CHECK_MS = 2_000;

export function healthRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/health", async (request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        deps.db.execute(sql`select 1`),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("no answer in time")), DATABASE_CHECK_MS);
        }),
      ]);
      return { ok: true, database: "up" };
    } catch (error) {
      request.log.error({ err: error }, "health check: the database cannot be reached");
      return reply.status(503).send({ ok: false, database: "down" });
    } finally {
      clearTimeout(timer);
    }
  });
}
