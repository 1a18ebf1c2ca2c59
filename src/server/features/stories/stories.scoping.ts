// Scoping cases for every impact-story route, spread into CASES in src/server/test/scoping.routes.test.ts:
// Nakuru staff (an administrator who reads, and a programme officer who writes) try to reach a
// story of the Coast organisation's Mombasa project, and get nothing from it.
import { expect } from "vitest";
import { type Fixture, makeUser, PASSWORD } from "../../test/fixtures.ts";
import { ApiClient, type TestServer } from "../../test/harness.ts";
import { upload } from "../programmes/programmes.fixtures.ts";

interface Context {
  server: TestServer;
  fx: Fixture;
  /** Signed in as the Nakuru administrator (programmes.read). */
  nakuru: ApiClient;
}

interface MombasaStory {
  projectId: string;
  storyId: string;
  fileId: string;
}

const SECRET = "Coast Story Secret";

async function signIn(server: TestServer, email: string): Promise<ApiClient> {
  const api = new ApiClient(server.url);
  expect((await api.login(email, PASSWORD)).status).toBe(200);
  return api;
}

async function seedMombasaStory({ server, fx }: Context): Promise<MombasaStory> {
  const coast = await signIn(server, "officer.mombasa@test.ke");
  const ok = <T>(res: { status: number; body: T }) => {
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  const { programme } = ok(
    await coast.post("/api/programmes", {
      organisationId: fx.coastOrgId,
      name: `${SECRET} Programme`,
      placeId: "c:001",
    }),
  );
  const { project } = ok(
    await coast.post("/api/projects", {
      programmeId: programme.id,
      name: `${SECRET} Project`,
      placeId: "c:001",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    }),
  );
  const { story } = ok(
    await coast.post("/api/stories", {
      projectId: project.id,
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
  return { projectId: project.id, storyId: story.id, fileId: file.attachment.id };
}

type Attempt = () => Promise<void>;

export function storyScopingCases(context: () => Context): Record<string, Attempt> {
  let data: Promise<MombasaStory> | undefined;
  let writer: Promise<ApiClient> | undefined;
  const mombasa = () => {
    data ??= seedMombasaStory(context());
    return data;
  };
  /** A Nakuru programme officer: holds programmes.write, so refusals below are about scope. */
  const nakuruWriter = () => {
    const { server, fx } = context();
    writer ??= makeUser(
      server.deps,
      "officer.nakuru.stories@test.ke",
      ["programme_officer"],
      [fx.riftOrgId],
      ["c:032"],
    ).then(() => signIn(server, "officer.nakuru.stories@test.ke"));
    return writer;
  };
  const attempt =
    (
      status: number,
      request: (api: ApiClient, m: MombasaStory) => Promise<{ status: number; body: unknown }>,
    ) =>
    async () => {
      const m = await mombasa();
      for (const api of [context().nakuru, await nakuruWriter()]) {
        const res = await request(api, m);
        // The reading administrator may not write at all; that refusal is enough.
        if (api === context().nakuru && res.status === 403) continue;
        expect(res.status).toBe(status);
        const text = JSON.stringify(res.body);
        for (const secret of [SECRET, context().fx.coastOrgId, m.projectId, m.storyId, m.fileId])
          expect(text).not.toContain(secret);
      }
    };
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
