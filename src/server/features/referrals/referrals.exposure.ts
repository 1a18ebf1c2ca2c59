// For src/server/test/identity-exposure.routes.test.ts: a referral of an unregistered person with the
// given name and phone, made through the API by a facilitator to a counsellor of the organisation, so
// that the exposure test can call every route with its id and prove nobody else learns who it is.
import { expect } from "vitest";
import { makeUser, PASSWORD } from "../../test/fixtures.ts";
import { ApiClient, type TestServer } from "../../test/harness.ts";

export async function seedExposedReferral(
  server: TestServer,
  organisationId: string,
  person: { name: string; phone: string },
): Promise<string> {
  const places = ["c:032"];
  await makeUser(server.deps, "facilitator.exposure@test.ke", ["facilitator"], [organisationId], places);
  const counsellor = await makeUser(
    server.deps,
    "counsellor.exposure@test.ke",
    ["counsellor"],
    [organisationId],
    places,
  );
  const api = new ApiClient(server.url);
  expect((await api.login("facilitator.exposure@test.ke", PASSWORD)).status).toBe(200);
  const ok = async (res: Promise<{ status: number; body: Record<string, { id: string }> }>) => {
    const { status, body } = await res;
    expect(status, JSON.stringify(body)).toBe(201);
    return body as Record<"programme" | "project" | "referral", { id: string }>;
  };
  const { programme } = await ok(
    api.post("/api/programmes", { organisationId, name: "Exposure check", placeId: "c:032" }),
  );
  const { project } = await ok(
    api.post("/api/projects", {
      programmeId: programme.id,
      name: "Exposure check project",
      placeId: "c:032",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    }),
  );
  const { referral } = await ok(
    api.post("/api/referrals", {
      projectId: project.id,
      placeId: "l:kaptembwo",
      person: { ...person, gender: "female", ageBand: "25_34" },
      type: "trauma_counselling",
      reason: `Referred after the attack; ${person.name} asked for help`,
      consent: true,
      counsellorId: counsellor.id,
    }),
  );
  return referral.id;
}
