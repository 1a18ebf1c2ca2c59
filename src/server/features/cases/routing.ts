// Routing, as a pure function: which responder units a case goes to, and why.
//
// Every active rule whose conditions (category, urgency, place) match applies; each names kinds
// of unit, and for each kind the units whose areas cover the case's place are chosen, the most
// specific first (a station covering the ward beats a county command covering the county).
// Default rules apply only when no other rule found a unit; when nothing matched at all, the
// programme units covering the place receive the case, so that no case is left unowned silently.
//
// Conflict of interest: a police_misconduct case only ever goes to oversight and programme units,
// whatever the rules say. It is a rule of the code, not of the (editable) routing table.
import { MISCONDUCT_CATEGORY } from "../../../common/conflict-of-interest.ts";
import type {
  PlaceLevel,
  ResponderUnitKind,
  RoutedUnitView,
  RoutingExplanation,
  RoutingReason,
} from "../../../common/contracts/cases.ts";
import type { CategoryCode, Urgency } from "../../../common/taxonomy.ts";

export const CONFLICT_CATEGORY: CategoryCode = MISCONDUCT_CATEGORY;
/** The only kinds of unit a police-misconduct case may reach. */
export const CONFLICT_SAFE_KINDS: readonly ResponderUnitKind[] = ["oversight", "programme"];
export const CONFLICT_RULE = { id: "conflict-of-interest", name: "Police conduct goes to oversight" };
export const FALLBACK_RULE = { id: "fallback", name: "Nothing matched: the programme" };
const NATIONWIDE = "ke";

export interface RoutingUnit {
  id: string;
  name: string;
  kind: ResponderUnitKind;
  areaPaths: string[];
  /** Empty: every category. */
  categories: string[];
  active: boolean;
}

export interface RoutingRuleData {
  id: string;
  name: string;
  priority: number;
  categories: string[];
  urgencies: string[];
  placePath: string | null;
  targetKinds: ResponderUnitKind[];
  isDefault: boolean;
  active: boolean;
}

export interface CaseFacts {
  category: CategoryCode;
  urgency: Urgency;
  /** Null when nobody knows where it happened: only nationwide units cover it. */
  placePath: string | null;
}

export function placeLevelOf(path: string | null): PlaceLevel {
  if (path === null) return "unknown";
  const last = path.slice(path.lastIndexOf("/") + 1);
  if (last === NATIONWIDE) return "country";
  const prefixes: Record<string, PlaceLevel> = { c: "county", s: "sub_county", w: "ward", l: "locality" };
  return prefixes[last.split(":", 1)[0] ?? ""] ?? "unknown";
}

/** Whether `path` lies at or below `area`; the nationwide area covers everything, even an unknown place. */
export function areaCovers(area: string, path: string | null): boolean {
  if (area === NATIONWIDE) return true;
  return path !== null && (path === area || path.startsWith(`${area}/`));
}

const depthOf = (path: string) => (path === NATIONWIDE ? 0 : path.split("/").length);

function deepestCoveringArea(unit: RoutingUnit, path: string | null): string | null {
  let best: string | null = null;
  for (const area of unit.areaPaths)
    if (areaCovers(area, path) && (best === null || depthOf(area) > depthOf(best))) best = area;
  return best;
}

/** The units of `kind` that handle the category and cover the place, keeping only the most specific ones. */
export function unitsCovering(
  units: readonly RoutingUnit[],
  kind: ResponderUnitKind,
  facts: CaseFacts,
): { unit: RoutingUnit; area: string }[] {
  const covering = units.flatMap((unit) => {
    if (!unit.active || unit.kind !== kind) return [];
    if (unit.categories.length > 0 && !unit.categories.includes(facts.category)) return [];
    const area = deepestCoveringArea(unit, facts.placePath);
    return area === null ? [] : [{ unit, area }];
  });
  const deepest = Math.max(-1, ...covering.map((c) => depthOf(c.area)));
  return covering.filter((c) => depthOf(c.area) === deepest);
}

function ruleConditions(rule: RoutingRuleData, facts: CaseFacts): { matched: string[]; failed: string[] } {
  const matched: string[] = [];
  const failed: string[] = [];
  if (rule.categories.length === 0) matched.push("any category");
  else if (rule.categories.includes(facts.category)) matched.push(`category ${facts.category}`);
  else failed.push(`the category is ${facts.category}, the rule wants ${rule.categories.join(" or ")}`);
  if (rule.urgencies.length === 0) matched.push("any urgency");
  else if (rule.urgencies.includes(facts.urgency)) matched.push(`urgency ${facts.urgency}`);
  else failed.push(`the urgency is ${facts.urgency}, the rule wants ${rule.urgencies.join(" or ")}`);
  if (rule.placePath === null) matched.push("anywhere");
  else if (areaCovers(rule.placePath, facts.placePath))
    matched.push(`place within ${rule.placePath} (${placeLevelOf(rule.placePath)})`);
  else failed.push(`the place ${facts.placePath ?? "(unknown)"} is not within ${rule.placePath}`);
  return { matched, failed };
}

export function explainRouting(
  facts: CaseFacts,
  rules: readonly RoutingRuleData[],
  units: readonly RoutingUnit[],
): RoutingExplanation {
  const conflictOfInterest = facts.category === CONFLICT_CATEGORY;
  const steps: string[] = [];
  const routed = new Map<string, RoutedUnitView>();
  const place = facts.placePath ?? "an unknown place";

  const apply = (
    rule: { id: string; name: string },
    kinds: readonly ResponderUnitKind[],
    matched: string[],
    rulePlace: string | null,
  ) => {
    let found = 0;
    for (const kind of kinds) {
      if (conflictOfInterest && !CONFLICT_SAFE_KINDS.includes(kind)) {
        steps.push(
          `Rule "${rule.name}": ${kind} left out, because a police-conduct complaint never goes to police or other government responders.`,
        );
        continue;
      }
      const chosen = unitsCovering(units, kind, facts);
      if (chosen.length === 0) {
        steps.push(`Rule "${rule.name}": no active ${kind} unit handling ${facts.category} covers ${place}.`);
        continue;
      }
      for (const { unit, area } of chosen) {
        const reason: RoutingReason = {
          ruleId: rule.id,
          ruleName: rule.name,
          matched,
          rulePlaceLevel: rulePlace === null ? "country" : placeLevelOf(rulePlace),
          unitAreaPath: area,
          unitPlaceLevel: placeLevelOf(area),
        };
        const entry = routed.get(unit.id) ?? {
          unitId: unit.id,
          unitName: unit.name,
          kind: unit.kind,
          reasons: [],
        };
        entry.reasons.push(reason);
        routed.set(unit.id, entry);
        found++;
        steps.push(
          `Rule "${rule.name}": ${unit.name} (${kind}), whose area ${area} (${placeLevelOf(area)}) covers ${place}.`,
        );
      }
    }
    return found;
  };

  if (conflictOfInterest) {
    steps.push("Conflict of interest: a police-conduct complaint goes to oversight and the programme only.");
    apply(CONFLICT_RULE, CONFLICT_SAFE_KINDS, [`category ${CONFLICT_CATEGORY}`], null);
  }
  const ordered = rules
    .filter((r) => r.active)
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const applyRules = (defaults: boolean) => {
    for (const rule of ordered.filter((r) => r.isDefault === defaults)) {
      const { matched, failed } = ruleConditions(rule, facts);
      if (failed.length > 0) steps.push(`Rule "${rule.name}" does not apply: ${failed.join("; ")}.`);
      else apply(rule, rule.targetKinds, matched, rule.placePath);
    }
  };
  applyRules(false);
  const foundByRules = [...routed.values()].some((u) => u.reasons.some((r) => r.ruleId !== CONFLICT_RULE.id));
  let usedDefault = false;
  if (foundByRules && ordered.some((r) => r.isDefault))
    steps.push("The default rules were not needed: the rules above found units.");
  if (!foundByRules) {
    usedDefault = ordered.some((r) => r.isDefault);
    if (usedDefault) steps.push("No rule found a unit, so the default rules apply.");
    applyRules(true);
  }
  if (routed.size === 0) {
    steps.push("Nothing matched: the case goes to the programme units covering the place.");
    apply(FALLBACK_RULE, ["programme"], ["no other rule found a unit"], null);
  }
  if (routed.size === 0)
    steps.push("No unit covers this place: the case waits for a programme officer to assign it by hand.");
  return { conflictOfInterest, usedDefault, units: [...routed.values()], steps };
}
