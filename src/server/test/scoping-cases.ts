// What the feature scoping cases (`<feature>.scoping.ts`, spread into CASES in scoping.routes.test.ts)
// share: data seeded once in Mombasa by the Coast programme officer, and two Nakuru users (the
// administrator, who reads programme data, and a second user who holds the feature's write
// permission) who try every route on it and learn nothing.
import { expect } from "vitest";
import type { Role } from "../../common/roles.ts";
import { signedIn } from "../features/programmes/programmes.fixtures.ts";
import { type Fixture, makeUser, NAKURU } from "./fixtures.ts";
import type { ApiClient, TestServer } from "./harness.ts";

export interface ScopingContext {
  server: TestServer;
  fx: Fixture;
  /** Signed in as the Nakuru administrator (programmes.read). */
  nakuru: ApiClient;
}

export type Attempt = () => Promise<void>;

/** The body of a successful response; fails, showing the body, on anything else. */
export function ok<T>(res: { status: number; body: T }): T {
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

/** A Coast programme and project in Mombasa county, created through the API and named after `secret`. */
export async function seedMombasaProject(
  coast: ApiClient,
  fx: Fixture,
  secret: string,
): Promise<{ programmeId: string; projectId: string }> {
  const { programme } = ok(
    await coast.post("/api/programmes", {
      organisationId: fx.coastOrgId,
      name: `${secret} Programme`,
      placeId: "c:001",
    }),
  );
  const { project } = ok(
    await coast.post("/api/projects", {
      programmeId: programme.id,
      name: `${secret} Project`,
      placeId: "c:001",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    }),
  );
  return { programmeId: programme.id, projectId: project.id };
}

export interface NakuruAttemptsOptions<M> {
  context: () => ScopingContext;
  /** Creates the Mombasa data; runs once, on the first attempt. */
  seed: (coast: ApiClient, context: ScopingContext) => Promise<M>;
  /** The second Nakuru user (Rift organisation, Nakuru county), created and signed in on first use. */
  writer: { email: string; roles: Role[] };
  /** Fails when a response body reveals anything of the Mombasa data. */
  expectNothingOf: (body: unknown, m: M) => void;
}

export function nakuruAttempts<M>({ context, seed, writer, expectNothingOf }: NakuruAttemptsOptions<M>) {
  let data: Promise<M> | undefined;
  let writerClient: Promise<ApiClient> | undefined;
  const mombasa = () => {
    data ??= signedIn(context().server, "officer.mombasa@test.ke").then((coast) => seed(coast, context()));
    return data;
  };
  const nakuruWriter = () => {
    const { server, fx } = context();
    writerClient ??= makeUser(server.deps, writer.email, writer.roles, [fx.riftOrgId], [NAKURU]).then(() =>
      signedIn(server, writer.email),
    );
    return writerClient;
  };
  /** Both Nakuru users try; each gets `status` and learns nothing. */
  const attempt =
    (
      status: number,
      request: (api: ApiClient, m: M) => Promise<{ status: number; body: unknown }>,
    ): Attempt =>
    async () => {
      const m = await mombasa();
      for (const api of [context().nakuru, await nakuruWriter()]) {
        const res = await request(api, m);
        // The reading administrator may lack the route's permission (writing, listing duplicates): that refusal is enough.
        if (api === context().nakuru && res.status === 403) continue;
        expect(res.status).toBe(status);
        expectNothingOf(res.body, m);
      }
    };
  return { mombasa, attempt };
}
