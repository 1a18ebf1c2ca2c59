// Shared set-up for the programme route tests: the two-county fixture plus programme staff, and
// helpers that create a programme and project through the API as real clients would.
import { expect } from "vitest";
import { type Fixture, makeUser, seedTwoCounties, signedIn } from "../../test/fixtures.ts";

export { signedIn };

import { type ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";

export interface ProgrammeFixture extends Fixture {
  /** Programme officer of the Rift org, Nakuru county. */
  nakuruOfficer: ApiClient;
  /** Facilitator of the Rift org, Kaptembwo ward only. */
  kaptembwoFacilitator: ApiClient;
  /** County-government viewer, Nakuru: reads figures, never names. */
  nakuruViewer: ApiClient;
  /** Programme officer of the Coast org, Mombasa county. */
  mombasaOfficer: ApiClient;
  /** Programme officer of the Rift org with every area. */
  nationalOfficer: ApiClient;
}

export async function seedProgrammeStaff(server: TestServer): Promise<ProgrammeFixture> {
  const fx = await seedTwoCounties(server.deps);
  const { deps } = server;
  await makeUser(deps, "officer.nakuru@test.ke", ["programme_officer"], [fx.riftOrgId], ["c:032"]);
  await makeUser(deps, "facilitator.kaptembwo@test.ke", ["facilitator"], [fx.riftOrgId], ["w:0872"]);
  await makeUser(deps, "viewer.nakuru@test.ke", ["viewer"], [fx.riftOrgId], ["c:032"]);
  await makeUser(deps, "officer.national@test.ke", ["programme_officer"], [fx.riftOrgId], ["ke"]);
  return {
    ...fx,
    nakuruOfficer: await signedIn(server, "officer.nakuru@test.ke"),
    kaptembwoFacilitator: await signedIn(server, "facilitator.kaptembwo@test.ke"),
    nakuruViewer: await signedIn(server, "viewer.nakuru@test.ke"),
    mombasaOfficer: await signedIn(server, "officer.mombasa@test.ke"),
    nationalOfficer: await signedIn(server, "officer.national@test.ke"),
  };
}

/** A test server with the programme staff, and a Nakuru programme and project made by the Nakuru officer. */
export async function startWithNakuruProject(): Promise<{
  server: TestServer;
  fx: ProgrammeFixture;
  programmeId: string;
  projectId: string;
}> {
  const server = await startTestServer();
  const fx = await seedProgrammeStaff(server);
  const programmeId = (await createProgramme(fx.nakuruOfficer, fx.riftOrgId)).id;
  const projectId = (await createProject(fx.nakuruOfficer, programmeId)).id;
  return { server, fx, programmeId, projectId };
}

export async function createProgramme(
  api: ApiClient,
  organisationId: string,
  over: Record<string, unknown> = {},
): Promise<{ id: string }> {
  const res = await api.post("/api/programmes", {
    organisationId,
    name: "REINVENT Rift",
    placeId: "c:032",
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.programme;
}

export async function createProject(
  api: ApiClient,
  programmeId: string,
  over: Record<string, unknown> = {},
): Promise<{ id: string; results: { id: string; code: string; kind: string }[] }> {
  const res = await api.post("/api/projects", {
    programmeId,
    name: "Business Sector Engagement in Peace and Security",
    goal: "Traders and inspectorate officers work together for safe markets",
    placeId: "c:032",
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
    objectives: [{ title: "Improved police-public relationship", outputs: [{ title: "Dialogues held" }] }],
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.project;
}

export const newPerson = (over: Record<string, unknown> = {}) => ({
  gender: "female",
  ageBand: "18_24",
  role: "community",
  consentPurposes: ["attendance_records"],
  ...over,
});

export const youthDialogue = (projectId: string, over: Record<string, unknown> = {}) => ({
  projectId,
  type: "dialogue_session",
  heldOn: "2026-03-14",
  placeId: "l:kaptembwo",
  dialogue: {
    group: "youth",
    facilitators: ["Fatuma"],
    officialsPresent: ["Chief", "OCS Kaptembwo"],
    officersUnarmed: true,
    topics: ["Confidentiality when reporting"],
    issuesRaised: ["Drainage at Soko Mjinga"],
    actionPoints: [{ text: "Raise the drainage with the ward MCA", owner: "Organising secretary" }],
  },
  ...over,
});

/** A 1×1 PNG: the smallest real photo of a sign-in sheet. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** Uploads a file (by default the tiny PNG) as the staff app does. */
export function upload(api: ApiClient, path: string, filename: string, bytes: Uint8Array = TINY_PNG) {
  return api.upload(path, filename, bytes);
}
