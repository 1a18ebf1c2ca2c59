// Staff routes for incoming SMS that could not be processed (failed-inbound.service.ts).
import type { FastifyInstance } from "fastify";
import { messageListQuery } from "../../../common/contracts/channels.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { listFailedInbound, retryFailedInbound } from "./failed-inbound.service.ts";

export function failedInboundRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/channels/failed", async (request) => {
    const { principal } = requireAuth(request);
    const { limit } = parseInput(messageListQuery, request.query, "query");
    return listFailedInbound(deps, principal, limit);
  });

  app.post<{ Params: { id: string } }>("/api/channels/failed/:id/retry", async (request, reply) => {
    const { principal } = requireAuth(request);
    await retryFailedInbound(deps, principal, request.params.id);
    return reply.status(202).send({ queued: true });
  });
}
