// Staff routes for outgoing messages that did not go out for sure (undelivered.service.ts).
import type { FastifyInstance } from "fastify";
import { messageListQuery } from "../../../common/contracts/channels.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { listUndelivered, type Settlement, settleUndelivered } from "./undelivered.service.ts";

type WithId = { Params: { id: string } };

export function undeliveredRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/messaging/undelivered", async (request) => {
    const { principal } = requireAuth(request);
    const { limit } = parseInput(messageListQuery, request.query, "query");
    return listUndelivered(deps, principal, limit);
  });

  const settle = (path: string, settlement: Settlement) =>
    app.post<WithId>(path, async (request, reply) => {
      const { principal } = requireAuth(request);
      await settleUndelivered(deps, principal, request.params.id, settlement);
      return reply.status(202).send({ settled: settlement });
    });
  settle("/api/messaging/undelivered/:id/resend", "resend");
  settle("/api/messaging/undelivered/:id/confirm-sent", "confirm_sent");
}
