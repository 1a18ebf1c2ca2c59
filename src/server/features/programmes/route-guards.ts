import type { FastifyRequest } from "fastify";
import type { Permission } from "../../../common/roles.ts";
import { requireAuth } from "../../lib/http.ts";
import { type Principal, requirePermission } from "../../lib/scope.ts";

/** The signed-in caller, provided they hold `permission`. */
export function principalWith(request: FastifyRequest, permission: Permission): Principal {
  const { principal } = requireAuth(request);
  requirePermission(principal, permission);
  return principal;
}
