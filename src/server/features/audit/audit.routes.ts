import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { requirePermission } from "../../lib/scope.ts";
import { listAuditEntries } from "./audit.service.ts";

const listAuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().min(1).optional(),
});

export function auditRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/audit", async (request) => {
    const { principal } = requireAuth(request);
    requirePermission(principal, "audit.read");
    return {
      entries: await listAuditEntries(deps, principal, parseInput(listAuditQuery, request.query, "query")),
    };
  });
}
