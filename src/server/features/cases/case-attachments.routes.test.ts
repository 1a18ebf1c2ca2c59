// Files on a case's timeline actions, through the routes: who may add, see and remove them, what
// kinds are accepted, and that neither the name nor the content is ever stored or audited in the clear.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import {
  type CaseFixture,
  KAPTEMBWO,
  seedCases,
  signedInClients,
  verifiedReport,
} from "./cases-test.fixture.ts";

let server: TestServer;
let fx: CaseFixture;
const { as } = signedInClients(() => server.url);

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedCases(server.deps);
});
afterAll(() => server?.close());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("IHDR scene at the Kaptembwo stage"),
]);

/** An emergency case routed to the Kaptembwo station, acknowledged, with one action: its timeline entry id. */
async function actionOnCase(category: "gang_crime" | "police_misconduct" = "gang_crime") {
  const report = await verifiedReport(server.deps, {
    text: "Two youths stabbed near the Kaptembwo stage",
    category,
    urgency: "emergency",
    placeId: KAPTEMBWO,
  });
  const po = await as(fx.people.programmeOfficer.email);
  const opened = await po.post("/api/cases", { reportId: report.id });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const caseId = opened.body.case.id as string;
  const worker = await as(category === "police_misconduct" ? fx.people.oversight.email : fx.people.ocs.email);
  expect((await worker.post(`/api/cases/${caseId}/transitions`, { action: "acknowledge" })).status).toBe(200);
  const acted = await worker.post(`/api/cases/${caseId}/actions`, {
    notes: "Officers on scene, OB 12/23/11",
  });
  expect(acted.status, JSON.stringify(acted.body)).toBe(200);
  const action = acted.body.case.timeline.findLast((e: { kind: string }) => e.kind === "action");
  return { caseId, eventId: action.id as string, worker };
}

const filesPath = (eventId: string) => `/api/case-events/${eventId}/attachments`;

describe("files on case actions", () => {
  it("the assigned responder attaches a photo; programme staff see it on the timeline and download the same bytes", async () => {
    const { caseId, eventId, worker } = await actionOnCase();
    const uploaded = await worker.upload(filesPath(eventId), "Picha ya eneo.png", PNG, "image/png");
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body.attachment).toMatchObject({
      filename: "Picha ya eneo.png",
      mediaType: "image/png",
      byteSize: PNG.length,
      uploadedBy: expect.any(String),
    });

    const po = await as(fx.people.programmeOfficer.email);
    const detail = await po.get(`/api/cases/${caseId}`);
    const entry = detail.body.case.timeline.find((e: { id: string }) => e.id === eventId);
    expect(entry.attachments.map((a: { filename: string }) => a.filename)).toEqual(["Picha ya eneo.png"]);

    const file = await fetch(`${server.url}${filesPath(eventId)}/${uploaded.body.attachment.id}`, {
      headers: { cookie: po.cookie },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("content-disposition")).toContain("attachment;");
    expect(file.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("stores neither the name nor the content in the clear, and audits the hash, not the name", async () => {
    const { eventId, worker } = await actionOnCase();
    const uploaded = await worker.upload(
      filesPath(eventId),
      "Wanjiku statement.txt",
      Buffer.from("Wanjiku saw it"),
    );
    expect(uploaded.status).toBe(201);
    const [row] = await queryRows<{ filename_sealed: string; content: string }>(
      server.deps.db,
      sql`select filename_sealed, encode(content_sealed, 'escape') as content from attachments where id = ${uploaded.body.attachment.id}`,
    );
    expect(row?.filename_sealed).not.toContain("Wanjiku");
    expect(row?.content).not.toContain("Wanjiku");
    const audit = await queryRows<{ after: Record<string, unknown> }>(
      server.deps.db,
      sql`select after from audit_log where action = 'attachment.add' and entity_id = ${uploaded.body.attachment.id}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({
      ownerKind: "case_event",
      sha256: uploaded.body.attachment.sha256,
    });
    expect(JSON.stringify(audit)).not.toContain("Wanjiku");
  });

  it("refuses a file whose bytes are not an accepted kind, a nameless file and an oversized one, and keeps nothing", async () => {
    const { eventId, worker } = await actionOnCase();
    const script = await worker.upload(
      filesPath(eventId),
      "photo.jpg",
      Buffer.from("<script>alert(1)</script>"),
    );
    expect(script.status).toBe(415);
    expect(script.body.error.message).toMatch(/not accepted.*JPEG/);
    const nameless = await worker.upload(filesPath(eventId), "", PNG);
    expect(nameless.status).toBe(400);
    expect(nameless.body.error.fields[0].path).toBe("filename");
    const huge = await worker.upload(filesPath(eventId), "video.mp4", Buffer.alloc(10 * 1024 * 1024 + 1, 7));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/at most 10 MB/);
    expect((await worker.get(filesPath(eventId))).body.attachments).toEqual([]);
  });

  it("a Mombasa station responder and a Mombasa programme officer get 404 from every file route", async () => {
    const { eventId, worker } = await actionOnCase();
    const uploaded = await worker.upload(filesPath(eventId), "scene.png", PNG);
    const fileUrl = `${filesPath(eventId)}/${uploaded.body.attachment.id}`;
    for (const email of [fx.people.mombasaOcs.email, "officer.mombasa@test.ke"]) {
      const outsider = await as(email);
      expect((await outsider.get(filesPath(eventId))).status, email).toBe(404);
      expect((await outsider.get(fileUrl)).status, email).toBe(404);
      expect((await outsider.upload(filesPath(eventId), "x.png", PNG)).status, email).toBe(404);
      expect((await outsider.delete(fileUrl)).status, email).toBe(404);
    }
    expect((await worker.get("/api/case-events/not-an-id/attachments")).status).toBe(404);
  });

  it("police never see the files of a police-misconduct case, which oversight works on", async () => {
    const { eventId, worker } = await actionOnCase("police_misconduct");
    const uploaded = await worker.upload(filesPath(eventId), "p3-form.pdf", Buffer.from("%PDF-1.4 P3 form"));
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    for (const email of [fx.people.ocs.email, fx.people.supervisor.email, fx.people.policeOfficer.email]) {
      const police = await as(email);
      expect((await police.get(filesPath(eventId))).status, email).toBe(404);
      expect((await police.get(`${filesPath(eventId)}/${uploaded.body.attachment.id}`)).status, email).toBe(
        404,
      );
    }
  });

  it("removing a file deletes its content for good and leaves an audit row with its hash", async () => {
    const { eventId, worker } = await actionOnCase();
    const uploaded = await worker.upload(filesPath(eventId), "wrong-photo.png", PNG);
    const fileUrl = `${filesPath(eventId)}/${uploaded.body.attachment.id}`;
    expect((await worker.delete(fileUrl)).status).toBe(204);
    expect((await worker.get(fileUrl)).status).toBe(404);
    expect((await worker.get(filesPath(eventId))).body.attachments).toEqual([]);
    const audit = await queryRows<{ before: Record<string, unknown> }>(
      server.deps.db,
      sql`select before from audit_log where action = 'attachment.delete' and entity_id = ${uploaded.body.attachment.id}`,
    );
    expect(audit[0]?.before).toMatchObject({ sha256: uploaded.body.attachment.sha256, byteSize: PNG.length });
  });
});
