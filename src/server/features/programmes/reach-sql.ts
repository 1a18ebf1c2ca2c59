// The filters of reach and indicator queries in SQL, one per table that holds the facts (attendance,
// anonymous head counts, activities), and the memo of figures already counted for one request.
import { and, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { sqlPathInScope } from "../../lib/scope.ts";
import { activities } from "./activities.table.ts";
import { anonymousAttendances, attendances } from "./participants.table.ts";
import { filterWithin, type ReachFilter } from "./reach.ts";

export interface ProjectFilter extends ReachFilter {
  /** One project, or several (a programme): people are then counted once across them all. */
  projectId: string | readonly string[];
}

export interface FactColumns {
  projectId: AnyPgColumn;
  heldOn: AnyPgColumn;
  type: AnyPgColumn;
  placePath: AnyPgColumn;
  group?: AnyPgColumn;
}

export const ATTENDANCE: FactColumns = {
  projectId: attendances.projectId,
  heldOn: attendances.heldOn,
  type: attendances.activityType,
  placePath: attendances.placePath,
  group: attendances.dialogueGroup,
};
export const ANONYMOUS: FactColumns = {
  projectId: anonymousAttendances.projectId,
  heldOn: anonymousAttendances.heldOn,
  type: anonymousAttendances.activityType,
  placePath: anonymousAttendances.placePath,
  group: anonymousAttendances.dialogueGroup,
};
export const ACTIVITY: FactColumns = {
  projectId: activities.projectId,
  heldOn: activities.heldOn,
  type: activities.type,
  placePath: activities.placePath,
};

/** The path is one of `paths` or lies within one of them. */
export const pathsClause = (column: AnyPgColumn, paths: readonly string[]) =>
  sqlPathInScope(column, { allPlaces: false, placePaths: [...paths], organisationIds: [] });

const projectClause = (column: AnyPgColumn, id: ProjectFilter["projectId"]) =>
  typeof id === "string" ? sql`${column} = ${id}` : id.length === 0 ? sql`false` : inArray(column, [...id]);

export function where(c: FactColumns, f: ProjectFilter): SQL {
  return and(
    projectClause(c.projectId, f.projectId),
    f.from ? sql`${c.heldOn} >= ${f.from}` : undefined,
    f.to ? sql`${c.heldOn} <= ${f.to}` : undefined,
    f.types && f.types.length > 0 ? inArray(c.type, [...f.types]) : undefined,
    f.within ? pathsClause(c.placePath, [f.within]) : undefined,
    f.scopePaths ? pathsClause(c.placePath, f.scopePaths) : undefined,
  ) as SQL;
}

/**
 * Figures already computed while answering one request, by query and filter: a programme dashboard
 * asks for the same count several times (an indicator's value, its target over the same period,
 * the reach totals), and each is a pass over the attendance table.
 */
export type ReachMemo = Map<string, Promise<unknown>>;

const projectIds = (f: ProjectFilter) => (typeof f.projectId === "string" ? [f.projectId] : f.projectId);

export function memoKey(what: string, f: ProjectFilter): string {
  const sorted = (xs: readonly string[] | undefined) => (xs ? [...xs].sort() : null);
  return JSON.stringify([
    what,
    sorted(projectIds(f)),
    f.from ?? null,
    f.to ?? null,
    sorted(f.types) ?? [],
    f.within ?? null,
    sorted(f.scopePaths),
  ]);
}

export function remember<T>(
  memo: ReachMemo | undefined,
  what: string,
  f: ProjectFilter,
  compute: () => Promise<T>,
): Promise<T> {
  if (!memo) return compute();
  const key = memoKey(what, f);
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = compute();
    memo.set(key, hit);
  }
  return hit;
}

/** A filter's rows all lie within `outer`'s: figures over it may be counted in a pass over `outer`. */
export const countableIn = (inner: ProjectFilter, outer: ProjectFilter): boolean =>
  projectIds(inner).every((id) => projectIds(outer).includes(id)) && filterWithin(inner, outer);

/**
 * The part of `inner`'s filter that `outer` does not already impose: enough to pick `inner`'s rows
 * out of rows known to match `outer` (countableIn), without testing the same conditions twice.
 */
export function whereBeyond(c: FactColumns, inner: ProjectFilter, outer: ProjectFilter): SQL {
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
    JSON.stringify(a && [...a].sort()) === JSON.stringify(b && [...b].sort());
  const innerTypes = inner.types && inner.types.length > 0 ? inner.types : undefined;
  const outerTypes = outer.types && outer.types.length > 0 ? outer.types : undefined;
  return (
    and(
      same(projectIds(inner), projectIds(outer)) ? undefined : projectClause(c.projectId, inner.projectId),
      inner.from && inner.from !== outer.from ? sql`${c.heldOn} >= ${inner.from}` : undefined,
      inner.to && inner.to !== outer.to ? sql`${c.heldOn} <= ${inner.to}` : undefined,
      innerTypes && !same(innerTypes, outerTypes) ? inArray(c.type, [...innerTypes]) : undefined,
      inner.within && inner.within !== outer.within ? pathsClause(c.placePath, [inner.within]) : undefined,
      inner.scopePaths && !same(inner.scopePaths, outer.scopePaths)
        ? pathsClause(c.placePath, inner.scopePaths)
        : undefined,
    ) ?? sql`true`
  );
}
