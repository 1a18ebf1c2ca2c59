import type { FastifyInstance } from "fastify";
import {
  createParticipantInput,
  duplicatesQuery,
  mergeParticipantsInput,
  searchParticipantsQuery,
} from "../../../common/contracts/programmes.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import * as participants from "./participants.service.ts";
import { principalWith } from "./route-guards.ts";

type WithId = { Params: { id: string } };

export function participantsRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/participants", async (request) => {
    const principal = principalWith(request, "programmes.read");
    const query = parseInput(searchParticipantsQuery, request.query, "query");
    return { participants: await participants.searchParticipants(deps, principal, query) };
  });

  app.post("/api/participants", async (request, reply) => {
    const principal = principalWith(request, "programmes.write");
    const created = await participants.createParticipant(
      deps,
      principal,
      parseInput(createParticipantInput, request.body),
    );
    return reply.status(201).send(created);
  });

  app.get("/api/participants/duplicates", async (request) => {
    const principal = principalWith(request, "programmes.write");
    const query = parseInput(duplicatesQuery, request.query, "query");
    return { duplicates: await participants.findDuplicates(deps, principal, query) };
  });

  app.post("/api/participants/merge", async (request) => {
    const principal = principalWith(request, "programmes.write");
    const input = parseInput(mergeParticipantsInput, request.body);
    return { participant: await participants.mergeParticipants(deps, principal, input) };
  });

  app.get<WithId>("/api/participants/:id", async (request) => ({
    participant: await participants.getParticipant(
      deps,
      principalWith(request, "programmes.read"),
      request.params.id,
    ),
  }));

  app.post<WithId>("/api/participants/:id/withdraw-consent", async (request) => {
    const principal = principalWith(request, "programmes.write");
    return { participant: await participants.withdrawConsent(deps, principal, request.params.id) };
  });
}
