// Routing rules (admin-editable) and the dry-run explanation of where a case would go. Rules that
// apply anywhere are read by every routing reader and written only by nationwide staff; rules placed
// in an area are read and written within it.
import { eq, inArray } from "drizzle-orm";
import type {
  ResponderUnitKind,
  RoutingExplanation,
  RoutingRuleInput,
  RoutingRuleView,
  UpdateRoutingRuleInput,
} from "../../../common/contracts/cases.ts";
import type { CategoryCode, Urgency } from "../../../common/taxonomy.ts";
import type { Db } from "../../db/client.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, forbidden, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { type Principal, placeInScope } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { places } from "../places/places.table.ts";
import { actorOf } from "../users/users.service.ts";
import { resolvePlaces, unitInScope } from "./responders.service.ts";
import { responderUnits, routingRules } from "./responders.table.ts";
import { explainRouting, type RoutingRuleData, type RoutingUnit } from "./routing.ts";

type RuleRow = typeof routingRules.$inferSelect;
const ruleInScope = (principal: Principal, rule: Pick<RuleRow, "placePath">) =>
  rule.placePath === null ? true : placeInScope(principal.scope, rule.placePath);

async function ruleViews(db: Db, rows: RuleRow[]): Promise<RoutingRuleView[]> {
  const placeIds = [...new Set(rows.flatMap((r) => (r.placeId ? [r.placeId] : [])))];
  const placeRows = placeIds.length ? await db.select().from(places).where(inArray(places.id, placeIds)) : [];
  return rows.map((r) => {
    const place = r.placeId ? placeRows.find((p) => p.id === r.placeId) : undefined;
    return {
      id: r.id,
      name: r.name,
      priority: r.priority,
      categories: r.categories as CategoryCode[],
      urgencies: r.urgencies as Urgency[],
      place: place ? { id: place.id, name: place.name, path: place.path } : null,
      targetKinds: r.targetKinds as ResponderUnitKind[],
      isDefault: r.isDefault,
      active: r.active,
    };
  });
}

/** Rules that apply anywhere are shown to every reader; placed rules only within the reader's areas. */
export async function listRoutingRules(deps: Deps, principal: Principal): Promise<RoutingRuleView[]> {
  const rows = await deps.db.select().from(routingRules).orderBy(routingRules.priority, routingRules.name);
  return ruleViews(
    deps.db,
    rows.filter((r) => ruleInScope(principal, r)),
  );
}

async function rulePlace(db: Db, principal: Principal, placeId: string | null) {
  if (placeId === null) {
    if (!principal.scope.allPlaces)
      throw forbidden("Only nationwide administrators can set rules that apply anywhere.");
    return null;
  }
  const [place] = await resolvePlaces(db, principal, [placeId], "placeId");
  return place ?? null;
}

export async function createRoutingRule(
  deps: Deps,
  principal: Principal,
  input: RoutingRuleInput,
): Promise<RoutingRuleView> {
  return inTransaction(deps, async (tx) => {
    const place = await rulePlace(tx.db, principal, input.placeId);
    const now = tx.now();
    const [row] = await tx.db
      .insert(routingRules)
      .values({
        ...input,
        placeId: place?.id ?? null,
        placePath: place?.path ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("insert into routing_rules returned nothing");
    const [view] = await ruleViews(tx.db, [row]);
    await recordAudit(tx, actorOf(principal), {
      action: "routing_rule.create",
      entityType: "routing_rule",
      entityId: row.id,
      placePath: row.placePath,
      after: view,
    });
    return view as RoutingRuleView;
  });
}

export async function updateRoutingRule(
  deps: Deps,
  principal: Principal,
  id: string,
  input: UpdateRoutingRuleInput,
): Promise<RoutingRuleView> {
  return inTransaction(deps, async (tx) => {
    const [before] = isUuid(id) ? await tx.db.select().from(routingRules).where(eq(routingRules.id, id)) : [];
    if (!before || !ruleInScope(principal, before)) throw notFound("Routing rule");
    // Editing a rule that applies anywhere is for nationwide staff, like creating one.
    const place = await rulePlace(
      tx.db,
      principal,
      input.placeId !== undefined ? input.placeId : before.placeId,
    );
    const { placeId: _placeId, ...rest } = input;
    const [row] = await tx.db
      .update(routingRules)
      .set({ ...rest, placeId: place?.id ?? null, placePath: place?.path ?? null, updatedAt: tx.now() })
      .where(eq(routingRules.id, before.id))
      .returning();
    const [beforeView] = await ruleViews(tx.db, [before]);
    const [view] = await ruleViews(tx.db, [row as RuleRow]);
    await recordAudit(tx, actorOf(principal), {
      action: "routing_rule.update",
      entityType: "routing_rule",
      entityId: before.id,
      placePath: row?.placePath ?? null,
      before: beforeView,
      after: view,
    });
    return view as RoutingRuleView;
  });
}

/** Everything routing needs, as the pure function takes it. */
export async function loadRoutingData(db: Db): Promise<{ rules: RoutingRuleData[]; units: RoutingUnit[] }> {
  const ruleRows = await db.select().from(routingRules).where(eq(routingRules.active, true));
  const unitRows = await db.select().from(responderUnits).where(eq(responderUnits.active, true));
  return {
    rules: ruleRows.map((r) => ({
      id: r.id,
      name: r.name,
      priority: r.priority,
      categories: r.categories,
      urgencies: r.urgencies,
      placePath: r.placePath,
      targetKinds: r.targetKinds as ResponderUnitKind[],
      isDefault: r.isDefault,
      active: r.active,
    })),
    units: unitRows.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind as ResponderUnitKind,
      areaPaths: u.areaPaths,
      categories: u.categories,
      active: u.active,
    })),
  };
}

/**
 * A dry run: where would a case with these facts go, and why. Only units the caller may see are
 * named; the others are counted, so that a Nakuru administrator learns nothing about Mombasa.
 */
export async function explainRoutingFor(
  deps: Deps,
  principal: Principal,
  input: { category: CategoryCode; urgency: Urgency; placeId: string | null },
): Promise<RoutingExplanation> {
  const place = input.placeId
    ? (await resolvePlaces(deps.db, principal, [input.placeId], "placeId"))[0]
    : null;
  if (!place && !principal.scope.allPlaces)
    throw badRequest("placeId: choose a place within your areas", [
      { path: "placeId", message: "is required" },
    ]);
  const { rules, units } = await loadRoutingData(deps.db);
  const visibleUnitIds = new Set(
    (await deps.db.select().from(responderUnits).where(eq(responderUnits.active, true)))
      .filter((u) => unitInScope(principal, u))
      .map((u) => u.id),
  );
  const explanation = explainRouting(
    { category: input.category, urgency: input.urgency, placePath: place?.path ?? null },
    rules.filter((r) => ruleInScope(principal, r)),
    units,
  );
  const hidden = explanation.units.filter((u) => !visibleUnitIds.has(u.unitId));
  if (hidden.length === 0) return explanation;
  const hiddenNames = hidden.map((u) => u.unitName);
  return {
    ...explanation,
    units: explanation.units.filter((u) => visibleUnitIds.has(u.unitId)),
    steps: [
      ...explanation.steps.filter((s) => !hiddenNames.some((n) => s.includes(n))),
      `${hidden.length} more unit(s) outside your organisations or areas would also receive it.`,
    ],
  };
}
