// Who may see and work on a case. Enforced in the queries, so that no route and no page can
// show a case to someone who must not see it.
//
// Visible: the case's place lies within the user's areas, AND one of
//   - the user manages cases (programme staff, `cases.manage`);
//   - the user oversees police conduct (`complaints.oversee`) and the case is police_misconduct;
//   - the user belongs to a responder unit actively assigned to the case.
//
// Conflict of interest (police_misconduct): such a case is hidden from every user who is police or
// government (`principal.policeOrGovernment`: by role, or by membership of a police station, chief's
// office or county inspectorate unit; src/common/conflict-of-interest.ts), whatever else they hold:
// we do not try to work out which station a complaint "concerns", because
// a resident's description rarely says, and a neighbouring station's commander is no neutral party
// either. Routing never assigns it to anyone but oversight and programme units (routing.ts), and a
// hand assignment to another kind is refused (cases.service.ts).
import { and, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  POLICE_OR_GOVERNMENT_ROLES,
  POLICE_OR_GOVERNMENT_UNIT_KINDS,
} from "../../../common/conflict-of-interest.ts";
import type { Db } from "../../db/client.ts";
import type { Deps } from "../../deps.ts";
import { notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { type Principal, sqlPathInScope } from "../../lib/scope.ts";
import { userRoles } from "../users/users.table.ts";
import { caseAssignments, cases } from "./cases.table.ts";
import { responderMembers, responderUnits } from "./responders.table.ts";
import { CONFLICT_CATEGORY } from "./routing.ts";

export type CaseRow = typeof cases.$inferSelect;

export interface CaseAccess {
  principal: Principal;
  manage: boolean;
  oversee: boolean;
  /** Units the user is a member of. */
  unitIds: string[];
  barredFromMisconduct: boolean;
}

export async function caseAccessOf(deps: Deps, principal: Principal): Promise<CaseAccess> {
  // Memberships only for what is assigned to the user's units; who is barred is the principal's.
  const memberships = principal.userId
    ? await deps.db
        .select({ unitId: responderMembers.unitId })
        .from(responderMembers)
        .where(eq(responderMembers.userId, principal.userId))
    : [];
  return {
    principal,
    manage: principal.permissions.has("cases.manage"),
    oversee: principal.permissions.has("complaints.oversee"),
    unitIds: memberships.map((m) => m.unitId),
    barredFromMisconduct: principal.policeOrGovernment,
  };
}

/**
 * SQL: the user in `userId` is police or government, for queries over many users (who is told of a
 * case). The same definition as `principal.policeOrGovernment`, from the same lists.
 */
export function sqlPoliceOrGovernment(userId: AnyPgColumn | SQL): SQL {
  const list = (values: readonly string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  return sql`(exists (select 1 from ${userRoles} r where r.user_id = ${userId}
      and r.role in (${list(POLICE_OR_GOVERNMENT_ROLES)}))
    or exists (select 1 from ${responderMembers} m join ${responderUnits} u on u.id = m.unit_id
      where m.user_id = ${userId} and u.kind in (${list(POLICE_OR_GOVERNMENT_UNIT_KINDS)})))`;
}

/** SQL: the cases assigned (actively) to one of these units. */
export function assignedToAnyOf(unitIds: string[]): SQL {
  if (unitIds.length === 0) return sql`false`;
  return sql`exists (select 1 from ${caseAssignments} ca where ca.case_id = ${cases.id} and ca.active
    and ca.unit_id in (${sql.join(
      unitIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}))`;
}

export function visibleCaseCondition(access: CaseAccess): SQL {
  const routes = [
    access.manage ? sql`true` : undefined,
    access.oversee ? eq(cases.category, CONFLICT_CATEGORY) : undefined,
    access.unitIds.length > 0 ? assignedToAnyOf(access.unitIds) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return and(
    sqlPathInScope(cases.placePath, access.principal.scope),
    access.barredFromMisconduct ? ne(cases.category, CONFLICT_CATEGORY) : undefined,
    routes.length > 0 ? or(...routes) : sql`false`,
  ) as SQL;
}

/** The case when the user may see it, else 404 (existence does not leak). Locks it when asked. */
export async function loadVisibleCase(
  db: Db,
  access: CaseAccess,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CaseRow> {
  if (!isUuid(id)) throw notFound("Case");
  const query = db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), visibleCaseCondition(access)));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("Case");
  return row;
}

export async function activeUnitIdsOf(db: Db, caseId: string): Promise<string[]> {
  const rows = await db
    .select({ unitId: caseAssignments.unitId })
    .from(caseAssignments)
    .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.active, true)));
  return rows.map((r) => r.unitId);
}

/** Acknowledging, recording actions and changing status: assigned units and programme staff. */
export function mayWorkOn(access: CaseAccess, row: CaseRow, activeUnitIds: string[]): boolean {
  if (access.manage) return true;
  if (access.oversee && row.category === CONFLICT_CATEGORY) return true;
  return activeUnitIds.some((id) => access.unitIds.includes(id));
}

export async function unitsOfCases(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({
      caseId: caseAssignments.caseId,
      unitId: responderUnits.id,
      name: responderUnits.name,
      kind: responderUnits.kind,
      reasons: caseAssignments.reasons,
    })
    .from(caseAssignments)
    .innerJoin(responderUnits, eq(responderUnits.id, caseAssignments.unitId))
    .where(and(inArray(caseAssignments.caseId, caseIds), eq(caseAssignments.active, true)))
    .orderBy(responderUnits.name);
}
