// Responder directory and routing rules: read by programme staff and administrators, written by
// those holding `routing.manage`, always within their own organisations and areas.
import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  createResponderUnitInput,
  explainRoutingInput,
  routingRuleInput,
  setUnitMembersInput,
  updateResponderUnitInput,
  updateRoutingRuleInput,
} from "../../../common/contracts/cases.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { type Principal, requirePermission } from "../../lib/scope.ts";
import {
  createResponderUnit,
  listResponderUnits,
  setUnitMembers,
  updateResponderUnit,
} from "./responders.service.ts";
import {
  createRoutingRule,
  explainRoutingFor,
  listRoutingRules,
  updateRoutingRule,
} from "./routing-rules.service.ts";

type IdParams = { Params: { id: string } };

function reader(request: FastifyRequest): Principal {
  const { principal } = requireAuth(request);
  if (!principal.permissions.has("routing.manage")) requirePermission(principal, "cases.manage");
  return principal;
}

function writer(request: FastifyRequest): Principal {
  const { principal } = requireAuth(request);
  requirePermission(principal, "routing.manage");
  return principal;
}

export function respondersRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/responder-units", async (request) => ({
    units: await listResponderUnits(deps, reader(request)),
  }));

  app.post("/api/responder-units", async (request, reply) => {
    const principal = writer(request);
    const unit = await createResponderUnit(
      deps,
      principal,
      parseInput(createResponderUnitInput, request.body),
    );
    return reply.status(201).send({ unit });
  });

  app.patch<IdParams>("/api/responder-units/:id", async (request) => ({
    unit: await updateResponderUnit(
      deps,
      writer(request),
      request.params.id,
      parseInput(updateResponderUnitInput, request.body),
    ),
  }));

  app.post<IdParams>("/api/responder-units/:id/members", async (request) => ({
    unit: await setUnitMembers(
      deps,
      writer(request),
      request.params.id,
      parseInput(setUnitMembersInput, request.body),
    ),
  }));

  app.get("/api/routing-rules", async (request) => ({
    rules: await listRoutingRules(deps, reader(request)),
  }));

  app.post("/api/routing-rules", async (request, reply) => {
    const principal = writer(request);
    const rule = await createRoutingRule(deps, principal, parseInput(routingRuleInput, request.body));
    return reply.status(201).send({ rule });
  });

  app.patch<IdParams>("/api/routing-rules/:id", async (request) => ({
    rule: await updateRoutingRule(
      deps,
      writer(request),
      request.params.id,
      parseInput(updateRoutingRuleInput, request.body),
    ),
  }));

  app.post("/api/routing-rules/explain", async (request) => ({
    explanation: await explainRoutingFor(
      deps,
      reader(request),
      parseInput(explainRoutingInput, request.body),
    ),
  }));
}
