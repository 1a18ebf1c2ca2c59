// The staff reports API: the inbox, one report, the verification actions and the audited identity reveal.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  bulkActionInput,
  correctInput,
  duplicateInput,
  listReportsQuery,
  redactPassageInput,
  rejectInput,
  reopenInput,
  revealIdentityInput,
  verifyInput,
} from "../../../common/contracts/reports.ts";
import type { Permission } from "../../../common/roles.ts";
import type { Deps } from "../../deps.ts";
import { notFound, parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { requirePermission } from "../../lib/scope.ts";
import { requireIdentityReveal, revealIdentity } from "./identity.service.ts";
import { getReportDetail, listReports } from "./inbox.service.ts";
import { redactPassage } from "./redaction.service.ts";
import {
  bulkDecide,
  correctReport,
  markDuplicate,
  rejectReport,
  reopenReport,
  verifyReport,
} from "./verification.service.ts";

type WithId = FastifyRequest<{ Params: { id: string } }>;

const reportId = z.uuid();

export function reportsRoutes(app: FastifyInstance, deps: Deps): void {
  const allowed = (request: FastifyRequest, permission: Permission) => {
    const { principal } = requireAuth(request);
    requirePermission(principal, permission);
    return principal;
  };
  // A malformed id cannot name a report: the same 404 as a report out of scope.
  const idOf = (request: WithId) => {
    const parsed = reportId.safeParse(request.params.id);
    if (!parsed.success) throw notFound("The report");
    return parsed.data;
  };

  app.get("/api/reports", async (request) => {
    const principal = allowed(request, "reports.read");
    return listReports(deps, principal, parseInput(listReportsQuery, request.query, "query"));
  });

  app.get("/api/reports/:id", async (request: WithId) => {
    const principal = allowed(request, "reports.read");
    return { report: await getReportDetail(deps, principal, idOf(request)) };
  });

  app.post("/api/reports/:id/verify", async (request: WithId) => {
    const principal = allowed(request, "reports.triage");
    const id = idOf(request);
    return { report: await verifyReport(deps, principal, id, parseInput(verifyInput, request.body)) };
  });

  app.post("/api/reports/:id/correct", async (request: WithId) => {
    const principal = allowed(request, "reports.triage");
    const id = idOf(request);
    return { report: await correctReport(deps, principal, id, parseInput(correctInput, request.body)) };
  });

  app.post("/api/reports/:id/reject", async (request: WithId) => {
    const principal = allowed(request, "reports.triage");
    const id = idOf(request);
    return { report: await rejectReport(deps, principal, id, parseInput(rejectInput, request.body)) };
  });

  app.post("/api/reports/:id/duplicate", async (request: WithId) => {
    const principal = allowed(request, "reports.triage");
    const id = idOf(request);
    return { report: await markDuplicate(deps, principal, id, parseInput(duplicateInput, request.body)) };
  });

  app.post("/api/reports/:id/reopen", async (request: WithId) => {
    const principal = allowed(request, "reports.triage");
    const id = idOf(request);
    return { report: await reopenReport(deps, principal, id, parseInput(reopenInput, request.body)) };
  });

  // Hide a passage the masker missed, before the report goes further (audited; the original stays sealed).
  app.post("/api/reports/:id/redactions", async (request: WithId) => {
    const principal = allowed(request, "reports.triage");
    const id = idOf(request);
    return { report: await redactPassage(deps, principal, id, parseInput(redactPassageInput, request.body)) };
  });

  app.post("/api/reports/bulk", async (request) => {
    const principal = allowed(request, "reports.triage");
    return bulkDecide(deps, principal, parseInput(bulkActionInput, request.body));
  });

  app.post("/api/reports/:id/identity", async (request: WithId) => {
    const { principal } = requireAuth(request);
    // More than one permission: identity.reveal, the personal trust flag, and no police/government role.
    requireIdentityReveal(principal);
    const id = idOf(request);
    const { reason, safetyOverride } = parseInput(revealIdentityInput, request.body);
    return { identity: await revealIdentity(deps, principal, id, reason, safetyOverride === true) };
  });
}
