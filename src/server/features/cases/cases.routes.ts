// Case routes: zod-parse, permission, one service call. Visibility is decided in the services'
// queries (cases.policy.ts), so a case outside the caller's reach answers 404 from every route.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  approveFeedbackInput,
  assignUnitInput,
  caseTransitionInput,
  joinCaseInput,
  listCasesQuery,
  metricsQuery,
  openCaseInput,
  recordActionInput,
} from "../../../common/contracts/cases.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { type Principal, requirePermission } from "../../lib/scope.ts";
import { registerAttachmentRoutes } from "../attachments/attachment-routes.ts";
import { authoriseCaseEventFiles } from "./case-attachments.service.ts";
import { recordAction, transitionCase } from "./case-lifecycle.service.ts";
import { assignUnit, joinCase, openCase } from "./cases.service.ts";
import { getCaseDetail, listCases } from "./cases.views.ts";
import { decideFeedback, listPendingFeedback } from "./feedback.service.ts";
import { getResponseMetrics, listMyNotifications, markNotificationsRead } from "./insights.service.ts";

type IdParams = { Params: { id: string } };
type FeedbackParams = { Params: { id: string; feedbackId: string } };

const notificationsQuery = z.strictObject({
  unread: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
});
const markReadInput = z.strictObject({ ids: z.array(z.uuid("is not a notification id")).min(1).max(200) });

/** Anyone who works with cases: programme staff, responders, oversight. */
function caseWorker(request: FastifyRequest): Principal {
  const { principal } = requireAuth(request);
  if (!principal.permissions.has("cases.manage")) requirePermission(principal, "cases.respond");
  return principal;
}

function caseManager(request: FastifyRequest): Principal {
  const { principal } = requireAuth(request);
  requirePermission(principal, "cases.manage");
  return principal;
}

export function casesRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/cases", async (request) => ({
    cases: await listCases(deps, caseWorker(request), parseInput(listCasesQuery, request.query, "query")),
  }));

  app.post("/api/cases", async (request, reply) => {
    const principal = caseManager(request);
    const opened = await openCase(deps, principal, parseInput(openCaseInput, request.body).reportId);
    return reply
      .status(opened.created ? 201 : 200)
      .send({ case: await getCaseDetail(deps, principal, opened.id) });
  });

  app.get("/api/cases/metrics", async (request) => ({
    metrics: await getResponseMetrics(
      deps,
      caseWorker(request),
      parseInput(metricsQuery, request.query, "query"),
    ),
  }));

  app.get("/api/case-feedback", async (request) => ({
    feedback: await listPendingFeedback(deps, caseManager(request)),
  }));

  app.get<IdParams>("/api/cases/:id", async (request) => ({
    case: await getCaseDetail(deps, caseWorker(request), request.params.id),
  }));

  app.post<IdParams>("/api/cases/:id/transitions", async (request) => {
    const principal = caseWorker(request);
    await transitionCase(deps, principal, request.params.id, parseInput(caseTransitionInput, request.body));
    return { case: await getCaseDetail(deps, principal, request.params.id) };
  });

  app.post<IdParams>("/api/cases/:id/actions", async (request) => {
    const principal = caseWorker(request);
    await recordAction(deps, principal, request.params.id, parseInput(recordActionInput, request.body).notes);
    return { case: await getCaseDetail(deps, principal, request.params.id) };
  });

  // Files on timeline actions: see what the case shows, change them when you may work on it.
  registerAttachmentRoutes(app, deps, {
    path: "/api/case-events/:id/attachments",
    ownerKind: "case_event",
    authorise: (request, eventId, mode) => authoriseCaseEventFiles(deps, caseWorker(request), eventId, mode),
  });

  app.post<IdParams>("/api/cases/:id/assignments", async (request) => {
    const principal = caseManager(request);
    await assignUnit(deps, principal, request.params.id, parseInput(assignUnitInput, request.body));
    return { case: await getCaseDetail(deps, principal, request.params.id) };
  });

  app.post<IdParams>("/api/cases/:id/reports", async (request) => {
    const principal = caseManager(request);
    await joinCase(deps, principal, request.params.id, parseInput(joinCaseInput, request.body).reportId);
    return { case: await getCaseDetail(deps, principal, request.params.id) };
  });

  app.post<FeedbackParams>("/api/cases/:id/feedback/:feedbackId/approve", async (request) => {
    const { body } = parseInput(approveFeedbackInput, request.body);
    return {
      feedback: await decideFeedback(
        deps,
        caseManager(request),
        request.params.id,
        request.params.feedbackId,
        {
          send: true,
          body,
        },
      ),
    };
  });

  app.post<FeedbackParams>("/api/cases/:id/feedback/:feedbackId/discard", async (request) => ({
    feedback: await decideFeedback(deps, caseManager(request), request.params.id, request.params.feedbackId, {
      send: false,
    }),
  }));

  app.get("/api/notifications", async (request) => ({
    notifications: await listMyNotifications(deps, caseWorker(request), {
      unreadOnly: parseInput(notificationsQuery, request.query, "query").unread,
    }),
  }));

  app.post("/api/notifications/read", async (request) => ({
    read: await markNotificationsRead(deps, caseWorker(request), parseInput(markReadInput, request.body).ids),
  }));
}
