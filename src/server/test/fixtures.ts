// Builders for route tests: two organisations in two counties, with administrators scoped to each.
import type { Role } from "../../common/roles.ts";
import { cliPrincipal } from "../cli/context.ts";
import type { Deps } from "../deps.ts";
import { createOrganisation } from "../features/organisations/organisations.service.ts";
import { createUser } from "../features/users/users.service.ts";
import { ApiClient } from "./harness.ts";

export const PASSWORD = "correct horse battery";
export const NAKURU = "c:032";
export const MOMBASA = "c:001";

export interface Fixture {
  riftOrgId: string;
  coastOrgId: string;
  users: Record<string, { id: string; email: string }>;
}

export async function makeUser(
  deps: Deps,
  email: string,
  roles: Role[],
  organisationIds: string[],
  placeIds: string[],
): Promise<{ id: string; email: string }> {
  const user = await createUser(deps, await cliPrincipal(deps), {
    email,
    name: email.split("@")[0] ?? email,
    password: PASSWORD,
    roles,
    organisationIds,
    placeIds,
  });
  return { id: user.id, email: user.email };
}

export async function seedTwoCounties(deps: Deps): Promise<Fixture> {
  const principal = await cliPrincipal(deps);
  const rift = await createOrganisation(deps, principal, {
    name: "Rift Valley Peace Network",
    shortName: "RVPN",
  });
  const coast = await createOrganisation(deps, principal, { name: "Coast Dialogue Trust", shortName: "CDT" });
  const users = {
    national: await makeUser(deps, "national@test.ke", ["admin"], [rift.id, coast.id], ["ke"]),
    nakuruAdmin: await makeUser(deps, "admin.nakuru@test.ke", ["admin"], [rift.id], [NAKURU]),
    mombasaAdmin: await makeUser(deps, "admin.mombasa@test.ke", ["admin"], [coast.id], [MOMBASA]),
    mombasaOfficer: await makeUser(
      deps,
      "officer.mombasa@test.ke",
      ["programme_officer"],
      [coast.id],
      [MOMBASA],
    ),
    nakuruResponder: await makeUser(deps, "ocs.nakuru@test.ke", ["responder"], [rift.id], [NAKURU]),
  };
  return { riftOrgId: rift.id, coastOrgId: coast.id, users };
}

/** A client signed in as `email` with the fixtures' password; throws, naming the answer, if sign-in fails. */
export async function signedIn(server: { url: string }, email: string): Promise<ApiClient> {
  const api = new ApiClient(server.url);
  const res = await api.login(email, PASSWORD);
  if (res.status !== 200)
    throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return api;
}
