// Confidential referrals over HTTP. Referral routes check only that the caller is signed in: whether
// they may see the referral is the service's visibility rule, and anyone else gets 404.
import type { FastifyInstance } from "fastify";
import {
  counsellorsQuery,
  createReferralInput,
  reassignCounsellorInput,
  referralCountsQuery,
  referralFollowUpInput,
  referralStatusInput,
} from "../../../common/contracts/referrals.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { referralCounts } from "./referral-counts.service.ts";
import * as lifecycle from "./referral-lifecycle.service.ts";
import * as referrals from "./referrals.service.ts";

type WithId = { Params: { id: string } };

export function referralsRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/referrals", async (request) => {
    const { principal } = requireAuth(request);
    referrals.requireMayRefer(principal);
    return { referrals: await referrals.listMyReferrals(deps, principal) };
  });

  app.post("/api/referrals", async (request, reply) => {
    const { principal } = requireAuth(request);
    referrals.requireMayRefer(principal);
    const input = parseInput(createReferralInput, request.body);
    return reply.status(201).send({ referral: await referrals.createReferral(deps, principal, input) });
  });

  app.get("/api/referrals/counsellors", async (request) => {
    const { principal } = requireAuth(request);
    const { projectId } = parseInput(counsellorsQuery, request.query, "query");
    return { counsellors: await referrals.listCounsellors(deps, principal, projectId) };
  });

  app.get<WithId>("/api/referrals/:id", async (request) => {
    const { principal } = requireAuth(request);
    return { referral: await referrals.getReferral(deps, principal, request.params.id) };
  });

  app.post<WithId>("/api/referrals/:id/status", async (request) => {
    const { principal } = requireAuth(request);
    const input = parseInput(referralStatusInput, request.body);
    return { referral: await lifecycle.changeReferralStatus(deps, principal, request.params.id, input) };
  });

  app.post<WithId>("/api/referrals/:id/follow-ups", async (request, reply) => {
    const { principal } = requireAuth(request);
    const input = parseInput(referralFollowUpInput, request.body);
    const referral = await lifecycle.addReferralFollowUp(deps, principal, request.params.id, input);
    return reply.status(201).send({ referral });
  });

  app.post<WithId>("/api/referrals/:id/counsellor", async (request) => {
    const { principal } = requireAuth(request);
    const { counsellorId } = parseInput(reassignCounsellorInput, request.body);
    return {
      referral: await lifecycle.reassignCounsellor(deps, principal, request.params.id, counsellorId),
    };
  });

  app.get<WithId>("/api/projects/:id/referral-counts", async (request) => {
    const { principal } = requireAuth(request);
    const filters = parseInput(referralCountsQuery, request.query, "query");
    return { counts: await referralCounts(deps, principal, request.params.id, filters) };
  });
}
