// Programme M&E over HTTP: every route parses its input, checks the permission and calls one service.
import type { FastifyInstance } from "fastify";
import {
  createIndicatorInput,
  createProgrammeInput,
  createProjectInput,
  createResultInput,
  dashboardQuery,
  indicatorEntryInput,
  reachQuery,
  updateIndicatorInput,
} from "../../../common/contracts/programmes.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { registerAttachmentRoutes } from "../attachments/attachment-routes.ts";
import { activitiesRoutes } from "./activities.routes.ts";
import { programmeDashboard } from "./dashboard.service.ts";
import * as indicators from "./indicators.service.ts";
import { participantsRoutes } from "./participants.routes.ts";
import { indicatorEntryFilesPolicy, listIndicatorEntries } from "./programme-files.service.ts";
import * as programmes from "./programmes.service.ts";
import { principalWith } from "./route-guards.ts";

type WithId = { Params: { id: string } };

export function programmesRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/programmes", async (request) => ({
    programmes: await programmes.listProgrammes(deps, principalWith(request, "programmes.read")),
  }));

  app.post("/api/programmes", async (request, reply) => {
    const principal = principalWith(request, "programmes.write");
    const programme = await programmes.createProgramme(
      deps,
      principal,
      parseInput(createProgrammeInput, request.body),
    );
    return reply.status(201).send({ programme });
  });

  app.get<WithId>("/api/programmes/:id/dashboard", async (request) => {
    const principal = principalWith(request, "programmes.read");
    const query = parseInput(dashboardQuery, request.query, "query");
    return { dashboard: await programmeDashboard(deps, principal, request.params.id, query) };
  });

  app.post("/api/projects", async (request, reply) => {
    const principal = principalWith(request, "programmes.write");
    const project = await programmes.createProject(
      deps,
      principal,
      parseInput(createProjectInput, request.body),
    );
    return reply.status(201).send({ project });
  });

  app.get<WithId>("/api/projects/:id", async (request) => ({
    project: await programmes.getProject(deps, principalWith(request, "programmes.read"), request.params.id),
  }));

  app.post<WithId>("/api/projects/:id/results", async (request, reply) => {
    const principal = principalWith(request, "programmes.write");
    const result = await programmes.addResult(
      deps,
      principal,
      request.params.id,
      parseInput(createResultInput, request.body),
    );
    return reply.status(201).send({ result });
  });

  app.post<WithId>("/api/projects/:id/indicators", async (request, reply) => {
    const principal = principalWith(request, "programmes.write");
    const indicator = await indicators.addIndicator(
      deps,
      principal,
      request.params.id,
      parseInput(createIndicatorInput, request.body),
    );
    return reply.status(201).send({ indicator });
  });

  app.get<WithId>("/api/projects/:id/progress", async (request) => ({
    indicators: await indicators.projectProgress(
      deps,
      principalWith(request, "programmes.read"),
      request.params.id,
    ),
  }));

  app.get<WithId>("/api/projects/:id/reach", async (request) => {
    const principal = principalWith(request, "programmes.read");
    const query = parseInput(reachQuery, request.query, "query");
    return { reach: await indicators.projectReach(deps, principal, request.params.id, query) };
  });

  app.patch<WithId>("/api/indicators/:id", async (request) => {
    const principal = principalWith(request, "programmes.write");
    const input = parseInput(updateIndicatorInput, request.body);
    return { indicator: await indicators.updateIndicator(deps, principal, request.params.id, input) };
  });

  app.post<WithId>("/api/indicators/:id/entries", async (request, reply) => {
    const principal = principalWith(request, "programmes.write");
    const input = parseInput(indicatorEntryInput, request.body);
    const entry = await indicators.addIndicatorEntry(deps, principal, request.params.id, input);
    return reply.status(201).send({ entry });
  });

  app.get<WithId>("/api/indicators/:id/entries", async (request) => ({
    entries: await listIndicatorEntries(deps, principalWith(request, "programmes.read"), request.params.id),
  }));

  registerAttachmentRoutes(app, deps, {
    path: "/api/indicator-entries/:id/attachments",
    ownerKind: "indicator_entry",
    authorise: async (request, id, mode) => {
      const { principal } = requireAuth(request);
      return { principal, ...(await indicatorEntryFilesPolicy(deps, principal, id, mode)) };
    },
  });

  activitiesRoutes(app, deps);
  participantsRoutes(app, deps);
}
