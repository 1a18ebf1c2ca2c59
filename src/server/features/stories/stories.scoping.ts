// Scoping cases for every impact-story route, spread into CASES in src/server/test/scoping.routes.test.ts:
// Nakuru staff (an administrator who reads, and a programme officer who writes) try to reach a
// story of the Coast organisation's Mombasa project, and get nothing from it.
import { expect } from "vitest";
import type { ApiClient } from "../../test/harness.ts";
import {
  type Attempt,
  nakuruAttempts,
  ok,
  type ScopingContext,
  seedMombasaProject,
} from "../../test/scoping-cases.ts";
import { upload } from "../programmes/programmes.fixtures.ts";

interface MombasaStory {
  projectId: string;
  storyId: string;
  fileId: string;
}

const SECRET = "Coast Story Secret";

async function seedMombasaStory(coast: ApiClient, { fx }: ScopingContext): Promise<MombasaStory> {
  const { projectId } = await seedMombasaProject(coast, fx, SECRET);
  const { story } = ok(
    await coast.post("/api/stories", {
      projectId,
      title: `${SECRET} title`,
      narrative: `${SECRET}: a long enough narrative about Likoni.`,
      language: "en",
      placeIds: ["l:likoni"],
    }),
  );
  ok(
    await coast.post(`/api/stories/${story.id}/consent`, {
      givenBy: `${SECRET} storyteller`,
      method: "written",
      givenOn: "2026-03-01",
      scope: "public",
    }),
  );
  const file = ok(await upload(coast, `/api/stories/${story.id}/attachments`, `${SECRET} photo.png`));
  return { projectId, storyId: story.id, fileId: file.attachment.id };
}

export function storyScopingCases(context: () => ScopingContext): Record<string, Attempt> {
  const { attempt } = nakuruAttempts({
    context,
    seed: seedMombasaStory,
    // A Nakuru programme officer: holds programmes.write, so refusals below are about scope.
    writer: { email: "officer.nakuru.stories@test.ke", roles: ["programme_officer"] },
    expectNothingOf: (body, m) => {
      const text = JSON.stringify(body);
      for (const secret of [SECRET, context().fx.coastOrgId, m.projectId, m.storyId, m.fileId])
        expect(text).not.toContain(secret);
    },
  });
  const files = "/api/stories/:id/attachments";
  const at = (m: MombasaStory) => `/api/stories/${m.storyId}/attachments`;
  return {
    [`GET ${files}`]: attempt(404, (api, m) => api.get(at(m))),
    [`POST ${files}`]: attempt(404, (api, m) => upload(api, at(m), "intrusion.png")),
    [`GET ${files}/:attachmentId`]: attempt(404, (api, m) => api.get(`${at(m)}/${m.fileId}`)),
    [`DELETE ${files}/:attachmentId`]: attempt(404, (api, m) =>
      api.request("DELETE", `${at(m)}/${m.fileId}`),
    ),
    "GET /api/stories": async () => {
      await attempt(200, (api) => api.get("/api/stories?limit=200"))();
      await attempt(200, (api) => api.get("/api/stories?placeId=l:likoni"))();
      await attempt(200, (api, m) => api.get(`/api/stories?projectId=${m.projectId}`))();
    },
    "POST /api/stories": attempt(404, (api, m) =>
      api.post("/api/stories", {
        projectId: m.projectId,
        title: "Intrusion",
        narrative: "An intrusion attempt into another county.",
        language: "en",
      }),
    ),
    "GET /api/stories/:id": attempt(404, (api, m) => api.get(`/api/stories/${m.storyId}`)),
    "PATCH /api/stories/:id": attempt(404, (api, m) =>
      api.patch(`/api/stories/${m.storyId}`, { title: "Intrusion" }),
    ),
    "POST /api/stories/:id/transition": attempt(404, (api, m) =>
      api.post(`/api/stories/${m.storyId}/transition`, { action: "submit" }),
    ),
    "POST /api/stories/:id/consent": attempt(404, (api, m) =>
      api.post(`/api/stories/${m.storyId}/consent`, {
        givenBy: "Intruder",
        method: "written",
        givenOn: "2026-03-01",
        scope: "public",
      }),
    ),
    "POST /api/stories/:id/consent/withdraw": attempt(404, (api, m) =>
      api.post(`/api/stories/${m.storyId}/consent/withdraw`, {}),
    ),
  };
}
