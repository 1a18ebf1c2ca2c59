// Impact stories through the HTTP API, on a real database: links, consent, and the way to approval.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPrincipal } from "../../cli/context.ts";
import { makeUser } from "../../test/fixtures.ts";
import { type ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
import {
  createProgramme,
  createProject,
  newPerson,
  type ProgrammeFixture,
  seedProgrammeStaff,
  signedIn,
  upload,
  youthDialogue,
} from "../programmes/programmes.fixtures.ts";
import { approvedStoryCount } from "./stories.service.ts";

let server: TestServer;
let fx: ProgrammeFixture;
let meOfficer: ApiClient;
let projectId: string;
let otherProjectId: string;
let dialogue: { id: string; actionPointId: string };
let storyteller: string;
const NARRATIVE =
  "After the third dialogue the youth of Kaptembwo and the OCS agreed to meet every month; the drainage was fixed.";

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedProgrammeStaff(server);
  await makeUser(server.deps, "me.nakuru@test.ke", ["me_officer"], [fx.riftOrgId], ["c:032"]);
  meOfficer = await signedIn(server, "me.nakuru@test.ke");
  const programme = await createProgramme(fx.nakuruOfficer, fx.riftOrgId);
  projectId = (await createProject(fx.nakuruOfficer, programme.id)).id;
  otherProjectId = (await createProject(fx.nakuruOfficer, programme.id, { name: "Another project" })).id;
  const created = await fx.kaptembwoFacilitator.post("/api/activities", youthDialogue(projectId));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  dialogue = {
    id: created.body.activity.id,
    actionPointId: created.body.activity.dialogue.actionPoints[0].id,
  };
  const person = await fx.kaptembwoFacilitator.post("/api/participants", {
    organisationId: fx.riftOrgId,
    placeId: "l:kaptembwo",
    ...newPerson({ consentPurposes: ["attendance_records", "stories"] }),
  });
  expect(person.status).toBe(201);
  storyteller = person.body.participant.code;
});
afterAll(() => server?.close());

const draft = (over: Record<string, unknown> = {}) => ({
  projectId,
  title: "Youth and the OCS meet monthly",
  narrative: NARRATIVE,
  language: "en",
  ...over,
});

async function newStory(api: ApiClient = fx.kaptembwoFacilitator, over: Record<string, unknown> = {}) {
  const res = await api.post("/api/stories", draft(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.story as { id: string; status: string };
}

const consent = (over: Record<string, unknown> = {}) => ({
  givenBy: "The youth group's chairperson",
  method: "verbal_witnessed",
  witness: "Ward administrator",
  givenOn: "2026-03-20",
  scope: "donor_reports",
  ...over,
});

const move = (api: ApiClient, id: string, action: string, comment?: string) =>
  api.post(`/api/stories/${id}/transition`, { action, ...(comment && { comment }) });

async function auditOf(id: string, action: string) {
  return server.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));
}

describe("writing a story", () => {
  it("a facilitator drafts a story linked to a dialogue, its commitment, a place and a consenting participant", async () => {
    const res = await fx.kaptembwoFacilitator.post(
      "/api/stories",
      draft({
        activityIds: [dialogue.id],
        actionPointIds: [dialogue.actionPointId],
        placeIds: ["l:kaptembwo"],
        participantCodes: [storyteller.toLowerCase()],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.story).toMatchObject({
      status: "draft",
      narrative: NARRATIVE,
      activities: [{ id: dialogue.id, type: "dialogue_session" }],
      actionPoints: [{ id: dialogue.actionPointId, text: "Raise the drainage with the ward MCA" }],
      places: [{ id: "l:kaptembwo", name: "Kaptembwo" }],
      participantCodes: [storyteller],
      consent: null,
      usableFor: null,
      yourActions: ["submit"],
    });
    const [row] = await auditOf(res.body.story.id, "story.create");
    expect(JSON.stringify(row?.after)).not.toContain("drainage was fixed");
    expect(row?.after).toMatchObject({ narrative: { chars: NARRATIVE.length } });
  });

  it.each([
    [
      "an activity of another project",
      () => ({ activityIds: [dialogue.id], projectId: otherProjectId }),
      "activityIds.0",
    ],
    [
      "an action point of another project",
      () => ({ actionPointIds: [dialogue.actionPointId], projectId: otherProjectId }),
      "actionPointIds.0",
    ],
    ["a place outside the project's area", () => ({ placeIds: ["l:likoni"] }), "placeIds.0"],
    ["an unknown participant code", () => ({ participantCodes: ["P-ZZZZZZ"] }), "participantCodes.0"],
    ["a narrative far too long", () => ({ narrative: "x".repeat(20_001) }), "narrative"],
    ["an unknown language", () => ({ language: "fr" }), "language"],
  ])("%s is refused with a 400 naming the field", async (_label, over, field) => {
    const res = await fx.nakuruOfficer.post("/api/stories", draft(over()));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it("a participant who did not agree to stories cannot be named in one", async () => {
    const person = await fx.nakuruOfficer.post("/api/participants", {
      organisationId: fx.riftOrgId,
      placeId: "l:kaptembwo",
      ...newPerson(),
    });
    const res = await fx.nakuruOfficer.post(
      "/api/stories",
      draft({ participantCodes: [person.body.participant.code] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("has not agreed to be in stories");
  });

  it("stories of another county's project are not found, and a viewer sees only approved public ones", async () => {
    const story = await newStory();
    expect((await fx.mombasaOfficer.get(`/api/stories/${story.id}`)).status).toBe(404);
    expect((await fx.mombasaOfficer.patch(`/api/stories/${story.id}`, { title: "Changed" })).status).toBe(
      404,
    );
    expect((await fx.mombasaOfficer.post("/api/stories", draft())).status).toBe(404);
    expect((await fx.nakuruViewer.get(`/api/stories/${story.id}`)).status).toBe(404);
    const listed = await fx.nakuruViewer.get(`/api/stories?projectId=${projectId}`);
    expect(listed.body.stories.map((s: { id: string }) => s.id)).not.toContain(story.id);
  });
});

describe("the way to approval", () => {
  it("submitted, approved by an M&E officer, counted for donor reports, shown to nobody outside unless public", async () => {
    const story = await newStory();
    expect((await fx.kaptembwoFacilitator.post(`/api/stories/${story.id}/consent`, consent())).status).toBe(
      200,
    );
    expect((await move(fx.kaptembwoFacilitator, story.id, "submit")).body.story.status).toBe("submitted");
    const principal = await cliPrincipal(server.deps);
    const before = await approvedStoryCount(server.deps, principal, { projectIds: [projectId] });
    const approved = await move(meOfficer, story.id, "approve");
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.story).toMatchObject({
      status: "approved",
      usableFor: "donor_reports",
      approvedByName: "me.nakuru",
      consent: { givenBy: "The youth group's chairperson", witness: "Ward administrator" },
    });
    expect(await approvedStoryCount(server.deps, principal, { projectIds: [projectId] })).toBe(before + 1);
    expect(await approvedStoryCount(server.deps, principal, { projectIds: [projectId], use: "public" })).toBe(
      0,
    );
    expect((await fx.nakuruViewer.get(`/api/stories/${story.id}`)).status).toBe(404);
    await fx.nakuruOfficer.post(`/api/stories/${story.id}/consent`, consent({ scope: "public" }));
    const seen = await fx.nakuruViewer.get(`/api/stories/${story.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.story).toMatchObject({ usableFor: "public", participantCodes: [], yourActions: [] });
    const [row] = await auditOf(story.id, "story.approve");
    expect(row).toMatchObject({ before: { status: "submitted" }, after: { status: "approved" } });
  });

  it.each([
    ["approving a draft", [], "approve"],
    ["returning a draft", [], "return"],
    ["submitting twice", ["submit"], "submit"],
    ["reopening a draft", [], "reopen"],
  ])("%s is a 409", async (_label, steps, action) => {
    const story = await newStory();
    for (const step of steps) expect((await move(fx.kaptembwoFacilitator, story.id, step)).status).toBe(200);
    const res = await move(fx.nakuruOfficer, story.id, action, "Please add the dates");
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/^This story is /);
  });

  it("the author cannot approve their own story, nor a facilitator anyone's", async () => {
    const story = await newStory(fx.nakuruOfficer);
    await fx.nakuruOfficer.post(`/api/stories/${story.id}/consent`, consent());
    await move(fx.nakuruOfficer, story.id, "submit");
    const own = await move(fx.nakuruOfficer, story.id, "approve");
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain("someone else must approve it");
    expect((await fx.nakuruOfficer.get(`/api/stories/${story.id}`)).body.story.yourActions).toEqual([
      "return",
      "reopen",
    ]);
    expect((await move(fx.kaptembwoFacilitator, story.id, "approve")).status).toBe(403);
    expect((await move(fx.nationalOfficer, story.id, "approve")).status).toBe(200);
  });

  it("a story without consent cannot be approved: 409 with a readable message", async () => {
    const story = await newStory();
    await move(fx.kaptembwoFacilitator, story.id, "submit");
    const res = await move(fx.nakuruOfficer, story.id, "approve");
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain("record the storyteller's consent before approving it");
  });

  it("verbal consent needs a witness", async () => {
    const story = await newStory();
    const res = await fx.kaptembwoFacilitator.post(
      `/api/stories/${story.id}/consent`,
      consent({ witness: undefined }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain("witness");
  });

  it("returned with a comment, edited back to draft, submitted again", async () => {
    const story = await newStory();
    await move(fx.kaptembwoFacilitator, story.id, "submit");
    const noComment = await move(fx.nakuruOfficer, story.id, "return");
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.fields[0].path).toBe("comment");
    const returned = await move(fx.nakuruOfficer, story.id, "return", "Say when the drainage was fixed.");
    expect(returned.body.story).toMatchObject({
      status: "returned",
      returnComment: "Say when the drainage was fixed.",
    });
    const edited = await fx.kaptembwoFacilitator.patch(`/api/stories/${story.id}`, {
      narrative: `${NARRATIVE} It was fixed in May 2026.`,
    });
    expect(edited.body.story).toMatchObject({ status: "draft" });
    expect((await move(fx.kaptembwoFacilitator, story.id, "submit")).body.story.status).toBe("submitted");
  });

  it("editing an approved story takes it back to draft, audited without the narrative", async () => {
    const story = await newStory();
    await fx.kaptembwoFacilitator.post(`/api/stories/${story.id}/consent`, consent());
    await move(fx.kaptembwoFacilitator, story.id, "submit");
    await move(fx.nakuruOfficer, story.id, "approve");
    const res = await fx.kaptembwoFacilitator.patch(`/api/stories/${story.id}`, {
      narrative: "A new telling of the story, with the names of nobody at all.",
      placeIds: ["l:kaptembwo"],
    });
    expect(res.status).toBe(200);
    expect(res.body.story).toMatchObject({
      status: "draft",
      usableFor: null,
      places: [{ id: "l:kaptembwo" }],
    });
    const [row] = await auditOf(story.id, "story.update");
    expect(row).toMatchObject({
      before: { status: "approved" },
      after: { status: "draft", placeIds: ["l:kaptembwo"] },
    });
    expect(JSON.stringify(row)).not.toContain("new telling");
  });

  it("withdrawing consent takes an approved story out of use, and it cannot be approved again", async () => {
    const story = await newStory();
    await fx.kaptembwoFacilitator.post(`/api/stories/${story.id}/consent`, consent({ scope: "public" }));
    await move(fx.kaptembwoFacilitator, story.id, "submit");
    await move(fx.nakuruOfficer, story.id, "approve");
    const res = await fx.kaptembwoFacilitator.post(`/api/stories/${story.id}/consent/withdraw`, {
      note: "She asked us by phone",
    });
    expect(res.status).toBe(200);
    expect(res.body.story).toMatchObject({
      status: "draft",
      usableFor: null,
      consentWithdrawn: true,
      consent: { withdrawalNote: "She asked us by phone" },
    });
    expect((await fx.nakuruViewer.get(`/api/stories/${story.id}`)).status).toBe(404);
    const [row] = await auditOf(story.id, "story.consent_withdraw");
    expect(row).toMatchObject({ before: { status: "approved" }, after: { status: "draft" } });
    expect(JSON.stringify(row)).not.toContain("She asked");
    await move(fx.kaptembwoFacilitator, story.id, "submit");
    const again = await move(fx.nakuruOfficer, story.id, "approve");
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("withdrew their consent");
    expect((await fx.kaptembwoFacilitator.post(`/api/stories/${story.id}/consent/withdraw`, {})).status).toBe(
      409,
    );
  });
});

describe("evidence files", () => {
  it("programme staff attach files to a story, shown in its detail; another county cannot reach them", async () => {
    const story = await newStory();
    const stored = await upload(
      fx.kaptembwoFacilitator,
      `/api/stories/${story.id}/attachments`,
      "consent form.png",
    );
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    const seen = await fx.nakuruOfficer.get(`/api/stories/${story.id}`);
    expect(seen.body.story.attachments).toMatchObject([
      { filename: "consent form.png", mediaType: "image/png" },
    ]);
    const refused = await upload(fx.mombasaOfficer, `/api/stories/${story.id}/attachments`, "x.png");
    expect(refused.status).toBe(404);
    expect((await fx.nakuruViewer.get(`/api/stories/${story.id}/attachments`)).status).toBe(404);
  });

  it("adding or removing a file of an approved story takes it back to draft, in the file's transaction", async () => {
    const approvedStory = async () => {
      const story = await newStory();
      await fx.kaptembwoFacilitator.post(`/api/stories/${story.id}/consent`, consent());
      await move(fx.kaptembwoFacilitator, story.id, "submit");
      expect((await move(fx.nakuruOfficer, story.id, "approve")).status).toBe(200);
      return story;
    };
    const added = await approvedStory();
    const stored = await upload(fx.kaptembwoFacilitator, `/api/stories/${added.id}/attachments`, "photo.png");
    expect(stored.status).toBe(201);
    expect((await fx.nakuruOfficer.get(`/api/stories/${added.id}`)).body.story).toMatchObject({
      status: "draft",
      usableFor: null,
    });
    const [change] = await auditOf(added.id, "story.update");
    expect(change).toMatchObject({
      before: { status: "approved" },
      after: { status: "draft", because: "files_changed" },
    });

    // A file that was there when it was approved, then removed.
    const removed = await newStory();
    const file = await upload(fx.kaptembwoFacilitator, `/api/stories/${removed.id}/attachments`, "a.png");
    await fx.kaptembwoFacilitator.post(`/api/stories/${removed.id}/consent`, consent());
    await move(fx.kaptembwoFacilitator, removed.id, "submit");
    await move(fx.nakuruOfficer, removed.id, "approve");
    const gone = await fx.kaptembwoFacilitator.delete(
      `/api/stories/${removed.id}/attachments/${file.body.attachment.id}`,
    );
    expect(gone.status).toBe(204);
    expect((await fx.nakuruOfficer.get(`/api/stories/${removed.id}`)).body.story.status).toBe("draft");

    // A draft stays a draft, with no story.update written for it.
    const draft = await newStory();
    await upload(fx.kaptembwoFacilitator, `/api/stories/${draft.id}/attachments`, "b.png");
    expect(await auditOf(draft.id, "story.update")).toEqual([]);
  });
});

describe("listing stories", () => {
  it("filters by project, status and place", async () => {
    const here = await newStory(fx.kaptembwoFacilitator, {
      title: "Filtered by place",
      placeIds: ["l:kaptembwo"],
    });
    const elsewhere = await newStory(fx.nakuruOfficer, {
      projectId: otherProjectId,
      title: "In the other project",
    });
    await move(fx.nakuruOfficer, elsewhere.id, "submit");
    const ids = async (query: string) =>
      (await fx.nakuruOfficer.get(`/api/stories?${query}`)).body.stories.map((s: { id: string }) => s.id);
    expect(await ids(`projectId=${projectId}`)).toContain(here.id);
    expect(await ids(`projectId=${projectId}`)).not.toContain(elsewhere.id);
    expect(await ids("status=submitted")).toContain(elsewhere.id);
    expect(await ids("status=submitted")).not.toContain(here.id);
    expect(await ids("placeId=w:0872")).toContain(here.id);
    expect(await ids("placeId=w:0872")).not.toContain(elsewhere.id);
    const bad = await fx.nakuruOfficer.get("/api/stories?status=published");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe("status");
  });
});
