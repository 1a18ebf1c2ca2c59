import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  acknowledgeAlertInput,
  actionAlertInput,
  dismissAlertInput,
  listAlertsQuery,
  markNotificationsReadInput,
} from "../../../common/contracts/alerts.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { requirePermission } from "../../lib/scope.ts";
import * as alerts from "./alerts.service.ts";

type WithId = { Params: { id: string } };

export function alertsRoutes(app: FastifyInstance, deps: Deps): void {
  const manager = (request: FastifyRequest) => {
    const { principal } = requireAuth(request);
    requirePermission(principal, "alerts.manage");
    return principal;
  };

  app.get("/api/alerts", async (request) =>
    alerts.listAlerts(deps, manager(request), parseInput(listAlertsQuery, request.query, "query")),
  );

  app.get("/api/alerts/notifications", async (request) => ({
    notifications: await alerts.listNotifications(deps, manager(request)),
  }));

  app.post("/api/alerts/notifications/read", async (request) => {
    const principal = manager(request);
    const input = parseInput(markNotificationsReadInput, request.body);
    return { marked: await alerts.markNotificationsRead(deps, principal, input) };
  });

  app.get<WithId>("/api/alerts/:id", async (request) =>
    alerts.getAlertDetail(deps, manager(request), request.params.id),
  );

  app.post<WithId>("/api/alerts/:id/acknowledge", async (request) => {
    const principal = manager(request);
    parseInput(acknowledgeAlertInput, request.body);
    return {
      alert: await alerts.changeAlertStatus(deps, principal, request.params.id, { action: "acknowledge" }),
    };
  });

  app.post<WithId>("/api/alerts/:id/action", async (request) => {
    const principal = manager(request);
    const input = parseInput(actionAlertInput, request.body);
    return {
      alert: await alerts.changeAlertStatus(deps, principal, request.params.id, {
        action: "action",
        ...input,
      }),
    };
  });

  app.post<WithId>("/api/alerts/:id/dismiss", async (request) => {
    const principal = manager(request);
    const input = parseInput(dismissAlertInput, request.body);
    return {
      alert: await alerts.changeAlertStatus(deps, principal, request.params.id, {
        action: "dismiss",
        ...input,
      }),
    };
  });
}
