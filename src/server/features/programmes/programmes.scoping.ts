// Scoping cases for every programme route, spread into CASES in src/server/test/scoping.routes.test.ts:
// Nakuru staff (an administrator who reads, and a programme officer who writes) try to reach
// programme data of the Coast organisation in Mombasa, and get nothing from it.
import { expect } from "vitest";
import type { ApiClient } from "../../test/harness.ts";
import {
  type Attempt,
  nakuruAttempts,
  ok,
  type ScopingContext,
  seedMombasaProject,
} from "../../test/scoping-cases.ts";
import { upload } from "./programmes.fixtures.ts";

interface MombasaData {
  programmeId: string;
  projectId: string;
  indicatorId: string;
  activityId: string;
  actionPointId: string;
  participantIds: string[];
  participantCode: string;
  entryId: string;
  activityFileId: string;
  entryFileId: string;
}

const SECRET = "Coast Secret";

async function seedMombasa(coast: ApiClient, { fx }: ScopingContext): Promise<MombasaData> {
  const { programmeId, projectId } = await seedMombasaProject(coast, fx, SECRET);
  const { indicator } = ok(
    await coast.post(`/api/projects/${projectId}/indicators`, {
      name: `${SECRET} Indicator`,
      type: "manual",
    }),
  );
  const person = {
    gender: "female",
    ageBand: "25_34",
    role: "community",
    consentPurposes: ["attendance_records"],
  };
  const created = ok(
    await coast.post("/api/activities", {
      projectId,
      type: "dialogue_session",
      heldOn: "2026-03-01",
      placeId: "l:likoni",
      notes: `${SECRET} notes`,
      dialogue: { group: "women", actionPoints: [{ text: `${SECRET} promise` }] },
      attendance: {
        newParticipants: [
          { ...person, name: `${SECRET} Person`, phone: "0700 123 456" },
          { ...person, name: `${SECRET} Person`, phone: "0700123456" },
        ],
      },
    }),
  );
  const { entry } = ok(
    await coast.post(`/api/indicators/${indicator.id}/entries`, {
      asOf: "2026-03-01",
      value: 4,
      evidence: `${SECRET} survey`,
    }),
  );
  const activityFile = ok(
    await upload(coast, `/api/activities/${created.activity.id}/attachments`, `${SECRET} sheet.png`),
  );
  const entryFile = ok(
    await upload(coast, `/api/indicator-entries/${entry.id}/attachments`, `${SECRET}.png`),
  );
  return {
    entryId: entry.id,
    activityFileId: activityFile.attachment.id,
    entryFileId: entryFile.attachment.id,
    programmeId,
    projectId,
    indicatorId: indicator.id,
    activityId: created.activity.id,
    actionPointId: created.activity.dialogue.actionPoints[0].id,
    participantIds: created.created.map((p: { id: string }) => p.id),
    participantCode: created.created[0].code,
  };
}

export function programmeScopingCases(context: () => ScopingContext): Record<string, Attempt> {
  const { mombasa, attempt } = nakuruAttempts({
    context,
    seed: seedMombasa,
    // A Nakuru programme officer: holds programmes.write, so refusals below are about scope, not permission.
    writer: { email: "officer.nakuru.scoping@test.ke", roles: ["programme_officer"] },
    expectNothingOf: (body, m) => {
      const text = JSON.stringify(body);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(context().fx.coastOrgId);
      for (const id of [
        m.programmeId,
        m.projectId,
        m.indicatorId,
        m.activityId,
        m.actionPointId,
        m.entryId,
        m.activityFileId,
        m.entryFileId,
        ...m.participantIds,
      ])
        expect(text).not.toContain(id);
    },
  });
  /** The four file routes under `path`: the Mombasa record's files are out of reach, whatever the verb. */
  const filesCases = (path: string, of: (m: MombasaData) => [string, string]) => {
    const at = (m: MombasaData) => path.replace(":id", of(m)[0]);
    const file = (m: MombasaData) => `${at(m)}/${of(m)[1]}`;
    return {
      [`GET ${path}`]: attempt(404, (api, m) => api.get(at(m))),
      [`POST ${path}`]: attempt(404, (api, m) => upload(api, at(m), "intrusion.png")),
      [`GET ${path}/:attachmentId`]: attempt(404, (api, m) => api.get(file(m))),
      [`DELETE ${path}/:attachmentId`]: attempt(404, (api, m) => api.request("DELETE", file(m))),
    };
  };
  const target = { label: "2026", startsOn: "2026-01-01", endsOn: "2026-12-31", value: 1 };
  return {
    "GET /api/programmes": attempt(200, (api) => api.get("/api/programmes")),
    "POST /api/programmes": attempt(400, (api) =>
      api.post("/api/programmes", {
        organisationId: context().fx.coastOrgId,
        name: "Intrusion",
        placeId: "c:001",
      }),
    ),
    "GET /api/programmes/:id/dashboard": attempt(404, (api, m) =>
      api.get(`/api/programmes/${m.programmeId}/dashboard?from=2026-01-01&to=2026-12-31`),
    ),
    "POST /api/projects": attempt(400, (api, m) =>
      api.post("/api/projects", {
        programmeId: m.programmeId,
        name: "Intrusion",
        placeId: "c:001",
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
      }),
    ),
    "GET /api/projects/:id": attempt(404, (api, m) => api.get(`/api/projects/${m.projectId}`)),
    "POST /api/projects/:id/results": attempt(404, (api, m) =>
      api.post(`/api/projects/${m.projectId}/results`, { kind: "objective", title: "Intrusion" }),
    ),
    "POST /api/projects/:id/indicators": attempt(404, (api, m) =>
      api.post(`/api/projects/${m.projectId}/indicators`, { name: "Intrusion", type: "manual" }),
    ),
    "GET /api/projects/:id/progress": attempt(404, (api, m) =>
      api.get(`/api/projects/${m.projectId}/progress`),
    ),
    "GET /api/projects/:id/reach": attempt(404, (api, m) =>
      api.get(`/api/projects/${m.projectId}/reach?by=gender`),
    ),
    "PATCH /api/indicators/:id": attempt(404, (api, m) =>
      api.patch(`/api/indicators/${m.indicatorId}`, { targets: [target] }),
    ),
    "POST /api/indicators/:id/entries": attempt(404, (api, m) =>
      api.post(`/api/indicators/${m.indicatorId}/entries`, {
        asOf: "2026-03-01",
        value: 9,
        evidence: "Intrusion attempt",
      }),
    ),
    "GET /api/indicators/:id/entries": attempt(404, (api, m) =>
      api.get(`/api/indicators/${m.indicatorId}/entries`),
    ),
    ...filesCases("/api/activities/:id/attachments", (m) => [m.activityId, m.activityFileId]),
    ...filesCases("/api/indicator-entries/:id/attachments", (m) => [m.entryId, m.entryFileId]),
    "GET /api/activities": attempt(200, (api) => api.get("/api/activities?limit=200")),
    "POST /api/activities": attempt(404, (api, m) =>
      api.post("/api/activities", {
        projectId: m.projectId,
        type: "training",
        heldOn: "2026-03-02",
        placeId: "l:likoni",
      }),
    ),
    "GET /api/activities/:id": attempt(404, (api, m) => api.get(`/api/activities/${m.activityId}`)),
    "PATCH /api/activities/:id": attempt(404, (api, m) =>
      api.patch(`/api/activities/${m.activityId}`, {
        updatedAt: new Date().toISOString(),
        notes: "Intrusion",
      }),
    ),
    "POST /api/activities/:id/attendance": attempt(404, (api, m) =>
      api.post(`/api/activities/${m.activityId}/attendance`, { anonymous: [{ count: 5 }] }),
    ),
    "POST /api/activities/:id/attendance/remove": attempt(404, (api, m) =>
      api.post(`/api/activities/${m.activityId}/attendance/remove`, { participantIds: m.participantIds }),
    ),
    "PATCH /api/action-points/:id": attempt(404, (api, m) =>
      api.patch(`/api/action-points/${m.actionPointId}`, { status: "kept" }),
    ),
    "GET /api/participants": async () => {
      const m = await mombasa();
      await attempt(200, (api) => api.get("/api/participants?q=coast%20secret"))();
      await attempt(200, (api) => api.get(`/api/participants?q=${m.participantCode}`))();
      await attempt(200, (api) => api.get(`/api/participants?organisationId=${context().fx.coastOrgId}`))();
    },
    "POST /api/participants": attempt(400, (api) =>
      api.post("/api/participants", {
        organisationId: context().fx.coastOrgId,
        placeId: "l:likoni",
        gender: "male",
        ageBand: "18_24",
        role: "community",
        consentPurposes: ["attendance_records"],
      }),
    ),
    "GET /api/participants/duplicates": attempt(200, (api) => api.get("/api/participants/duplicates")),
    "POST /api/participants/merge": attempt(404, (api, m) =>
      api.post("/api/participants/merge", { keepId: m.participantIds[0], mergeId: m.participantIds[1] }),
    ),
    "GET /api/participants/:id": attempt(404, (api, m) =>
      api.get(`/api/participants/${m.participantIds[0]}`),
    ),
    "POST /api/participants/:id/withdraw-consent": attempt(404, (api, m) =>
      api.post(`/api/participants/${m.participantIds[0]}/withdraw-consent`),
    ),
  };
}
