// The responder directory: units, their areas, categories and members. Readers see units of their
// organisations whose every area lies in their scope; writers need `routing.manage` and may only
// place units within their own areas. Routing rules are in routing-rules.service.ts.
import { eq, inArray } from "drizzle-orm";
import { conflictOfInterestIn } from "../../../common/conflict-of-interest.ts";
import type {
  CreateResponderUnitInput,
  ResponderUnitKind,
  ResponderUnitView,
  SetUnitMembersInput,
  UpdateResponderUnitInput,
} from "../../../common/contracts/cases.ts";
import type { CategoryCode } from "../../../common/taxonomy.ts";
import type { Db } from "../../db/client.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, conflict, forbidden, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { organisationInScope, type Principal, placeInScope } from "../../lib/scope.ts";
import { InvalidPhoneError, normalisePhone } from "../../lib/vault.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { places } from "../places/places.table.ts";
import { actorOf, getUser } from "../users/users.service.ts";
import { users } from "../users/users.table.ts";
import { responderMembers, responderUnits } from "./responders.table.ts";

export const RESPONDER_PHONE_PURPOSE = "responder.phone";
type UnitRow = typeof responderUnits.$inferSelect;

export function unitInScope(
  principal: Principal,
  unit: Pick<UnitRow, "organisationId" | "areaPaths">,
): boolean {
  return (
    organisationInScope(principal.scope, unit.organisationId) &&
    unit.areaPaths.every((path) => placeInScope(principal.scope, path))
  );
}

/** Looks the places up and checks each lies within the writer's areas. */
export async function resolvePlaces(db: Db, principal: Principal, ids: string[], field: string) {
  const found = ids.length === 0 ? [] : await db.select().from(places).where(inArray(places.id, ids));
  const unknown = ids.filter((id) => !found.some((p) => p.id === id));
  if (unknown.length > 0)
    throw badRequest(`${field}: unknown place ${unknown.join(", ")}`, [
      { path: field, message: `unknown place ${unknown.join(", ")}` },
    ]);
  if (found.some((p) => !placeInScope(principal.scope, p.path)))
    throw forbidden("You can only place responders and rules within your own areas.");
  return ids.map((id) => found.find((p) => p.id === id) as typeof places.$inferSelect);
}

async function unitViews(db: Db, rows: UnitRow[]): Promise<ResponderUnitView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const members = await db
    .select({
      unitId: responderMembers.unitId,
      userId: responderMembers.userId,
      supervisor: responderMembers.supervisor,
      phoneSealed: responderMembers.phoneSealed,
      name: users.name,
      email: users.email,
    })
    .from(responderMembers)
    .innerJoin(users, eq(users.id, responderMembers.userId))
    .where(inArray(responderMembers.unitId, ids))
    .orderBy(users.name);
  const placeIds = [...new Set(rows.flatMap((r) => r.areaPlaceIds))];
  const placeRows = placeIds.length ? await db.select().from(places).where(inArray(places.id, placeIds)) : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as ResponderUnitKind,
    organisationId: r.organisationId,
    areas: r.areaPlaceIds.map((id) => {
      const place = placeRows.find((p) => p.id === id);
      return { id, name: place?.name ?? id, path: place?.path ?? "" };
    }),
    categories: r.categories as CategoryCode[],
    active: r.active,
    members: members
      .filter((m) => m.unitId === r.id)
      .map((m) => ({
        userId: m.userId,
        name: m.name,
        email: m.email,
        supervisor: m.supervisor,
        hasPhone: m.phoneSealed !== null,
      })),
  }));
}

export async function listResponderUnits(deps: Deps, principal: Principal): Promise<ResponderUnitView[]> {
  if (principal.scope.organisationIds.length === 0) return [];
  const rows = await deps.db
    .select()
    .from(responderUnits)
    .where(inArray(responderUnits.organisationId, principal.scope.organisationIds))
    .orderBy(responderUnits.name);
  return unitViews(
    deps.db,
    rows.filter((r) => unitInScope(principal, r)),
  );
}

async function loadUnitForWrite(db: Db, principal: Principal, id: string): Promise<UnitRow> {
  const [row] = isUuid(id) ? await db.select().from(responderUnits).where(eq(responderUnits.id, id)) : [];
  if (!row || !unitInScope(principal, row)) throw notFound("Responder unit");
  return row;
}

export async function createResponderUnit(
  deps: Deps,
  principal: Principal,
  input: CreateResponderUnitInput,
): Promise<ResponderUnitView> {
  return inTransaction(deps, async (tx) => {
    if (!organisationInScope(principal.scope, input.organisationId))
      throw forbidden("You can only add responders to organisations you belong to.");
    const areas = await resolvePlaces(tx.db, principal, input.areaPlaceIds, "areaPlaceIds");
    const now = tx.now();
    const [row] = await tx.db
      .insert(responderUnits)
      .values({
        name: input.name,
        kind: input.kind,
        organisationId: input.organisationId,
        areaPlaceIds: areas.map((p) => p.id),
        areaPaths: areas.map((p) => p.path),
        categories: input.categories,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("insert into responder_units returned nothing");
    const [view] = await unitViews(tx.db, [row]);
    await recordAudit(tx, actorOf(principal), {
      action: "responder_unit.create",
      entityType: "responder_unit",
      entityId: row.id,
      organisationId: row.organisationId,
      placePath: areas.length === 1 ? (areas[0]?.path ?? null) : null,
      after: view,
    });
    return view as ResponderUnitView;
  });
}

export async function updateResponderUnit(
  deps: Deps,
  principal: Principal,
  id: string,
  input: UpdateResponderUnitInput,
): Promise<ResponderUnitView> {
  return inTransaction(deps, async (tx) => {
    const before = await loadUnitForWrite(tx.db, principal, id);
    const areas = input.areaPlaceIds
      ? await resolvePlaces(tx.db, principal, input.areaPlaceIds, "areaPlaceIds")
      : null;
    const [row] = await tx.db
      .update(responderUnits)
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.categories !== undefined && { categories: input.categories }),
        ...(input.active !== undefined && { active: input.active }),
        ...(areas && { areaPlaceIds: areas.map((p) => p.id), areaPaths: areas.map((p) => p.path) }),
        updatedAt: tx.now(),
      })
      .where(eq(responderUnits.id, before.id))
      .returning();
    const [view] = await unitViews(tx.db, [row as UnitRow]);
    await recordAudit(tx, actorOf(principal), {
      action: "responder_unit.update",
      entityType: "responder_unit",
      entityId: before.id,
      organisationId: before.organisationId,
      before: {
        name: before.name,
        areaPaths: before.areaPaths,
        categories: before.categories,
        active: before.active,
      },
      after: { name: row?.name, areaPaths: row?.areaPaths, categories: row?.categories, active: row?.active },
    });
    return view as ResponderUnitView;
  });
}

/**
 * Replaces the unit's members. Each must be a user within the writer's reach; phones are sealed.
 * Nobody who holds the reveal flag or complaints.oversee joins a police or government unit (409).
 */
export async function setUnitMembers(
  deps: Deps,
  principal: Principal,
  id: string,
  input: SetUnitMembersInput,
): Promise<ResponderUnitView> {
  return inTransaction(deps, async (tx) => {
    const unit = await loadUnitForWrite(tx.db, principal, id);
    // Locked in one order before their grants are read (updateUser locks the same rows), so that a
    // reveal flag given at the same moment cannot meet this membership unchecked.
    const ids = [...new Set(input.members.map((m) => m.userId))].sort();
    if (ids.length > 0)
      await tx.db.select({ id: users.id }).from(users).where(inArray(users.id, ids)).for("update");
    const existing = await tx.db.select().from(responderMembers).where(eq(responderMembers.unitId, unit.id));
    const rows = [];
    for (const [index, member] of input.members.entries()) {
      const user = await getUser(tx, principal, member.userId); // 404 for a user outside the writer's reach
      // Only those joining: a member from before this rule does not block other changes to the unit.
      const joining = !existing.some((m) => m.userId === member.userId);
      const reason = joining && conflictOfInterestIn({ ...user, unitKinds: [unit.kind] });
      if (reason) throw conflict(`${user.name} cannot join ${unit.name}. ${reason}`);
      let phoneSealed = existing.find((m) => m.userId === member.userId)?.phoneSealed ?? null;
      if (member.phone === null) phoneSealed = null;
      else if (member.phone !== undefined) {
        try {
          phoneSealed = tx.vault.encrypt(RESPONDER_PHONE_PURPOSE, normalisePhone(member.phone));
        } catch (error) {
          if (!(error instanceof InvalidPhoneError)) throw error;
          throw badRequest(`members.${index}.phone: ${error.message}`, [
            { path: `members.${index}.phone`, message: error.message },
          ]);
        }
      }
      rows.push({
        unitId: unit.id,
        userId: member.userId,
        supervisor: member.supervisor,
        phoneSealed,
        addedAt: tx.now(),
      });
    }
    await tx.db.delete(responderMembers).where(eq(responderMembers.unitId, unit.id));
    if (rows.length > 0) await tx.db.insert(responderMembers).values(rows);
    const [view] = await unitViews(tx.db, [unit]);
    await recordAudit(tx, actorOf(principal), {
      action: "responder_unit.set_members",
      entityType: "responder_unit",
      entityId: unit.id,
      organisationId: unit.organisationId,
      // Who and whether a phone is known; never the number.
      before: existing.map((m) => ({
        userId: m.userId,
        supervisor: m.supervisor,
        hasPhone: m.phoneSealed !== null,
      })),
      after: rows.map((m) => ({
        userId: m.userId,
        supervisor: m.supervisor,
        hasPhone: m.phoneSealed !== null,
      })),
    });
    return view as ResponderUnitView;
  });
}
