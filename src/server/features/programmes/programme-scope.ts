// Scoping for programme data. Activities, participants and attendance are visible when their
// organisation is the reader's and their place lies within the reader's areas (lib/scope.ts).
// Programmes and projects are containers that may span several areas: a reader sees one when its
// area overlaps theirs, and the figures they get from it are counted over their own areas only.
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  isPathWithin,
  NATIONWIDE_PLACE_ID,
  organisationInScope,
  placeInScope,
  type Scope,
  sqlPathInScope,
} from "../../lib/scope.ts";

export function recordInScope(scope: Scope, organisationId: string, placePath: string): boolean {
  return organisationInScope(scope, organisationId) && placeInScope(scope, placePath);
}

/** The area at `path` and the reader's areas share ground: one contains the other. */
export function overlapsScope(scope: Scope, path: string): boolean {
  if (scope.allPlaces) return true;
  return scope.placePaths.some((p) => isPathWithin(path, p) || isPathWithin(p, path));
}

export function containerInScope(scope: Scope, organisationId: string, placePath: string): boolean {
  return organisationInScope(scope, organisationId) && overlapsScope(scope, placePath);
}

/** SQL twin of overlapsScope. */
export function sqlOverlapsScope(column: AnyPgColumn | SQL, scope: Scope): SQL {
  if (scope.allPlaces) return sql`true`;
  if (scope.placePaths.length === 0) return sql`false`;
  const within = sqlPathInScope(column, scope);
  const above = scope.placePaths.map(
    (p) => sql`(${column} = ${NATIONWIDE_PLACE_ID} or starts_with(${p}, ${column} || '/'))`,
  );
  return sql`(${within} or ${sql.join(above, sql` or `)})`;
}

/**
 * The place paths a reader's figures for a container are limited to: none (everything in the
 * container counts) when the container lies wholly within their areas, else their own areas.
 */
export function figuresLimitedTo(scope: Scope, containerPath: string): string[] | undefined {
  return placeInScope(scope, containerPath) ? undefined : scope.placePaths;
}
