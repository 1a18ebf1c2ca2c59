// Files on programme records through the HTTP API: sign-in sheets and pictures on activities, and
// evidence behind figures entered for manual indicators. Who may see and change them follows the record.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
import {
  type ProgrammeFixture,
  startWithNakuruProject,
  TINY_PNG,
  upload,
  youthDialogue,
} from "./programmes.fixtures.ts";

let server: TestServer;
let fx: ProgrammeFixture;
let projectId: string;
let activityId: string;
let indicatorId: string;
beforeAll(async () => {
  ({ server, fx, projectId } = await startWithNakuruProject());
  activityId = (await fx.nakuruOfficer.post("/api/activities", youthDialogue(projectId))).body.activity.id;
  const indicator = await fx.nakuruOfficer.post(`/api/projects/${projectId}/indicators`, {
    name: "Traders who feel safe in the market",
    type: "survey_based",
    unit: "%",
  });
  indicatorId = indicator.body.indicator.id;
});
afterAll(() => server?.close());

describe("files on an activity", () => {
  const files = () => `/api/activities/${activityId}/attachments`;

  it("a facilitator uploads the sign-in sheet; it is listed with the activity and downloads as sent", async () => {
    const res = await upload(fx.kaptembwoFacilitator, files(), "sign-in sheet.png");
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.attachment).toMatchObject({
      ownerKind: "activity",
      ownerId: activityId,
      filename: "sign-in sheet.png",
      mediaType: "image/png",
      byteSize: TINY_PNG.length,
    });
    const id = res.body.attachment.id;
    const detail = await fx.nakuruViewer.get(`/api/activities/${activityId}`);
    expect(detail.body.activity.attachments.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await fx.nakuruViewer.get(files())).body.attachments).toHaveLength(1);
    const download = await fetch(`${server.url}${files()}/${id}`, {
      headers: { cookie: fx.nakuruViewer.cookie },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(Buffer.from(await download.arrayBuffer())).toEqual(TINY_PNG);
  });

  it("a viewer may look but not add or remove; the owner of the record's area removes it, audited", async () => {
    const { body } = await upload(fx.nakuruOfficer, files(), "photo.png");
    const id = body.attachment.id;
    expect((await upload(fx.nakuruViewer, files(), "viewer.png")).status).toBe(403);
    expect((await fx.nakuruViewer.request("DELETE", `${files()}/${id}`)).status).toBe(403);
    expect((await fx.nakuruOfficer.request("DELETE", `${files()}/${id}`)).status).toBe(204);
    expect((await fx.nakuruOfficer.get(`${files()}/${id}`)).status).toBe(404);
    const audit = await server.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(["attachment.add", "attachment.delete"]);
    expect(JSON.stringify(audit)).not.toContain("photo.png");
  });

  it("outside the reader's organisation or area, the activity's files do not exist", async () => {
    const { body } = await upload(fx.nakuruOfficer, files(), "sheet.png");
    const bahati = await fx.nakuruOfficer.post("/api/activities", {
      ...youthDialogue(projectId),
      placeId: "l:bahati",
    });
    const bahatiFiles = `/api/activities/${bahati.body.activity.id}/attachments`;
    expect((await upload(fx.nakuruOfficer, bahatiFiles, "bahati.png")).status).toBe(201);
    expect((await fx.mombasaOfficer.get(files())).status).toBe(404);
    expect((await fx.mombasaOfficer.get(`${files()}/${body.attachment.id}`)).status).toBe(404);
    expect((await upload(fx.mombasaOfficer, files(), "intrusion.png")).status).toBe(404);
    expect((await fx.mombasaOfficer.request("DELETE", `${files()}/${body.attachment.id}`)).status).toBe(404);
    expect((await fx.kaptembwoFacilitator.get(bahatiFiles)).status).toBe(404);
    expect((await upload(fx.kaptembwoFacilitator, bahatiFiles, "ward.png")).status).toBe(404);
  });

  it("a file of another activity cannot be fetched through this one", async () => {
    const other = await fx.nakuruOfficer.post("/api/activities", youthDialogue(projectId));
    const otherFiles = `/api/activities/${other.body.activity.id}/attachments`;
    const { body } = await upload(fx.nakuruOfficer, otherFiles, "other.png");
    expect((await fx.nakuruOfficer.get(`${files()}/${body.attachment.id}`)).status).toBe(404);
  });
});

describe("evidence files on an indicator's figures", () => {
  async function enter(value: number) {
    const res = await fx.nakuruOfficer.post(`/api/indicators/${indicatorId}/entries`, {
      asOf: "2026-06-30",
      value,
      evidence: "Market safety survey, June",
    });
    expect(res.status).toBe(201);
    return res.body.entry.id as string;
  }

  it("the survey report is attached to the figure and listed beside it", async () => {
    const entryId = await enter(64);
    const files = `/api/indicator-entries/${entryId}/attachments`;
    const res = await upload(fx.nakuruOfficer, files, "survey.txt", Buffer.from("64% feel safe\n"));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { entries } = (await fx.nakuruViewer.get(`/api/indicators/${indicatorId}/entries`)).body;
    const listed = entries.find((e: { id: string }) => e.id === entryId);
    expect(listed).toMatchObject({ value: 64, evidence: "Market safety survey, June" });
    expect(listed.attachments).toEqual([expect.objectContaining({ filename: "survey.txt" })]);
    expect((await fx.nakuruViewer.get(`${files}/${res.body.attachment.id}`)).status).toBe(200);
  });

  it("a viewer cannot add evidence; staff covering only part of the project cannot either", async () => {
    const files = `/api/indicator-entries/${await enter(70)}/attachments`;
    expect((await upload(fx.nakuruViewer, files, "viewer.png")).status).toBe(403);
    expect((await upload(fx.kaptembwoFacilitator, files, "ward.png")).status).toBe(403);
    expect((await upload(fx.nakuruOfficer, files, "officer.png")).status).toBe(201);
  });

  it("outside the reader's organisation the figures and their files do not exist", async () => {
    const entryId = await enter(71);
    const files = `/api/indicator-entries/${entryId}/attachments`;
    const { body } = await upload(fx.nakuruOfficer, files, "evidence.png");
    expect((await fx.mombasaOfficer.get(`/api/indicators/${indicatorId}/entries`)).status).toBe(404);
    expect((await fx.mombasaOfficer.get(files)).status).toBe(404);
    expect((await fx.mombasaOfficer.get(`${files}/${body.attachment.id}`)).status).toBe(404);
    expect((await upload(fx.mombasaOfficer, files, "intrusion.png")).status).toBe(404);
    expect((await fx.mombasaOfficer.request("DELETE", `${files}/${body.attachment.id}`)).status).toBe(404);
    expect((await fx.nakuruOfficer.get("/api/indicator-entries/not-a-uuid/attachments")).status).toBe(404);
  });
});
