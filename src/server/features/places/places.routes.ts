import type { FastifyInstance } from "fastify";
import { createLocalityInput, listPlacesQuery } from "../../../common/contracts/places.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { requirePermission } from "../../lib/scope.ts";
import * as places from "./places.service.ts";

export function placesRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/places", async (request) => {
    requireAuth(request);
    return { places: await places.searchPlaces(deps, parseInput(listPlacesQuery, request.query, "query")) };
  });

  app.get<{ Params: { id: string } }>("/api/places/:id", async (request) => {
    requireAuth(request);
    return places.getPlace(deps, request.params.id);
  });

  app.post("/api/places", async (request, reply) => {
    const { principal } = requireAuth(request);
    requirePermission(principal, "places.manage");
    const place = await places.createLocality(deps, principal, parseInput(createLocalityInput, request.body));
    return reply.status(201).send({ place });
  });
}
