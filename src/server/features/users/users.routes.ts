import type { FastifyInstance } from "fastify";
import {
  createUserInput,
  listUsersQuery,
  resetPasswordInput,
  updateUserInput,
} from "../../../common/contracts/users.ts";
import { ROLE_PERMISSIONS, ROLES } from "../../../common/roles.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { requireAuth } from "../../lib/http.ts";
import { requirePermission } from "../../lib/scope.ts";
import * as users from "./users.service.ts";

export function usersRoutes(app: FastifyInstance, deps: Deps): void {
  const admin = (request: Parameters<typeof requireAuth>[0]) => {
    const { principal } = requireAuth(request);
    requirePermission(principal, "users.manage");
    return principal;
  };

  app.get("/api/roles", async (request) => {
    requireAuth(request);
    return { roles: ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] })) };
  });

  app.get("/api/users", async (request) => {
    const principal = admin(request);
    return {
      users: await users.listUsers(deps, principal, parseInput(listUsersQuery, request.query, "query")),
    };
  });

  app.post("/api/users", async (request, reply) => {
    const principal = admin(request);
    const user = await users.createUser(deps, principal, parseInput(createUserInput, request.body));
    return reply.status(201).send({ user });
  });

  app.get<{ Params: { id: string } }>("/api/users/:id", async (request) => {
    const principal = admin(request);
    return { user: await users.getUser(deps, principal, request.params.id) };
  });

  app.patch<{ Params: { id: string } }>("/api/users/:id", async (request) => {
    const principal = admin(request);
    return {
      user: await users.updateUser(
        deps,
        principal,
        request.params.id,
        parseInput(updateUserInput, request.body),
      ),
    };
  });

  app.post<{ Params: { id: string } }>("/api/users/:id/reset-password", async (request, reply) => {
    const principal = admin(request);
    await users.resetPassword(
      deps,
      principal,
      request.params.id,
      parseInput(resetPasswordInput, request.body).password,
    );
    return reply.status(204).send();
  });
}
