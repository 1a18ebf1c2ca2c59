import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { requirePermission } from "../../lib/scope.ts";
import { createOrganisation, createOrganisationInput, listOrganisations } from "./organisations.service.ts";

export function organisationsRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/organisations", async (request) => ({
    organisations: await listOrganisations(deps, requireAuth(request).principal),
  }));

  app.post("/api/organisations", async (request, reply) => {
    const { principal } = requireAuth(request);
    requirePermission(principal, "organisations.manage");
    const organisation = await createOrganisation(
      deps,
      principal,
      parseInput(createOrganisationInput, request.body),
    );
    return reply.status(201).send({ organisation });
  });
}
