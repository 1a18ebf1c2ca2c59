// Impact stories over HTTP: every route parses its input, checks the permission and calls one service.
import type { FastifyInstance } from "fastify";
import {
  createStoryInput,
  listStoriesQuery,
  storyConsentInput,
  storyTransitionInput,
  updateStoryInput,
  withdrawStoryConsentInput,
} from "../../../common/contracts/stories.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { registerAttachmentRoutes } from "../attachments/attachment-routes.ts";
import { principalWith } from "../programmes/route-guards.ts";
import { storyFilesPolicy } from "./stories.policy.ts";
import * as stories from "./stories.service.ts";
import * as lifecycle from "./story-lifecycle.service.ts";

type WithId = { Params: { id: string } };

export function storiesRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/stories", async (request) => {
    const principal = principalWith(request, "programmes.read");
    const query = parseInput(listStoriesQuery, request.query, "query");
    return { stories: await stories.listStories(deps, principal, query) };
  });

  app.post("/api/stories", async (request, reply) => {
    const principal = principalWith(request, "programmes.write");
    const story = await stories.createStory(deps, principal, parseInput(createStoryInput, request.body));
    return reply.status(201).send({ story });
  });

  app.get<WithId>("/api/stories/:id", async (request) => ({
    story: await stories.getStory(deps, principalWith(request, "programmes.read"), request.params.id),
  }));

  app.patch<WithId>("/api/stories/:id", async (request) => {
    const principal = principalWith(request, "programmes.write");
    const input = parseInput(updateStoryInput, request.body);
    return { story: await stories.updateStory(deps, principal, request.params.id, input) };
  });

  app.post<WithId>("/api/stories/:id/transition", async (request) => {
    const principal = principalWith(request, "programmes.write");
    const input = parseInput(storyTransitionInput, request.body);
    return { story: await lifecycle.transitionStory(deps, principal, request.params.id, input) };
  });

  app.post<WithId>("/api/stories/:id/consent", async (request) => {
    const principal = principalWith(request, "programmes.write");
    const input = parseInput(storyConsentInput, request.body);
    return { story: await lifecycle.recordStoryConsent(deps, principal, request.params.id, input) };
  });

  app.post<WithId>("/api/stories/:id/consent/withdraw", async (request) => {
    const principal = principalWith(request, "programmes.write");
    const { note } = parseInput(withdrawStoryConsentInput, request.body);
    return { story: await lifecycle.withdrawStoryConsent(deps, principal, request.params.id, note) };
  });

  registerAttachmentRoutes(app, deps, {
    path: "/api/stories/:id/attachments",
    ownerKind: "impact_story",
    authorise: async (request, id, mode) => {
      const { principal } = requireAuth(request);
      return { principal, ...(await storyFilesPolicy(deps, principal, id, mode)) };
    },
    onFilesChanged: stories.storyFilesChanged,
  });
}
