// Area and organisation scoping: the policy every feature applies to what a user may see.
// A user is granted organisations and places; they see records of those organisations
// whose place lies within one of their places. The place "ke" (Kenya) grants every area.
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Permission, Role } from "../../common/roles.ts";
import { forbidden } from "./errors.ts";

export const NATIONWIDE_PLACE_ID = "ke";

export interface Scope {
  allPlaces: boolean;
  /** Paths of the granted places ("c:032", "c:047/s:288"); a record is in scope when its path is one of these or below. */
  placePaths: string[];
  organisationIds: string[];
}

export interface Principal {
  userId: string;
  email: string;
  roles: Role[];
  permissions: Set<Permission>;
  scope: Scope;
  canRevealIdentity: boolean;
  /**
   * Police or government by role or responder-unit membership (src/common/conflict-of-interest.ts),
   * computed once where the principal is built, so that every policy asks the same question and
   * synchronous checks (mayRevealIdentity) stay synchronous.
   */
  policeOrGovernment: boolean;
}

export function isPathWithin(path: string, ancestorPath: string): boolean {
  return ancestorPath === NATIONWIDE_PLACE_ID || path === ancestorPath || path.startsWith(`${ancestorPath}/`);
}

export function placeInScope(scope: Scope, path: string | null): boolean {
  if (scope.allPlaces) return true;
  return path !== null && scope.placePaths.some((p) => isPathWithin(path, p));
}

export function organisationInScope(scope: Scope, organisationId: string | null): boolean {
  return organisationId !== null && scope.organisationIds.includes(organisationId);
}

/** SQL: the place path in `column` lies within the scope. Null paths are only visible nationwide. */
export function sqlPathInScope(column: AnyPgColumn | SQL, scope: Scope): SQL {
  if (scope.allPlaces) return sql`true`;
  if (scope.placePaths.length === 0) return sql`false`;
  const clauses = scope.placePaths.map(
    (p) => sql`(${column} = ${p} or ${column} like ${`${escapeLike(p)}/%`})`,
  );
  return sql`(${sql.join(clauses, sql` or `)})`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function requirePermission(principal: Principal, permission: Permission): void {
  if (!principal.permissions.has(permission)) throw forbidden();
}
