import { describe, expect, it } from "vitest";
import {
  areaCovers,
  type CaseFacts,
  CONFLICT_RULE,
  explainRouting,
  FALLBACK_RULE,
  placeLevelOf,
  type RoutingRuleData,
  type RoutingUnit,
} from "./routing.ts";

const KAPTEMBWO = "c:032/s:175/w:0872/l:kaptembwo";
const unit = (id: string, kind: RoutingUnit["kind"], areaPaths: string[], categories: string[] = []) => ({
  id,
  name: id,
  kind,
  areaPaths,
  categories,
  active: true,
});
const rule = (
  over: Partial<RoutingRuleData> & Pick<RoutingRuleData, "id" | "targetKinds">,
): RoutingRuleData => ({
  name: over.id,
  priority: 100,
  categories: [],
  urgencies: [],
  placePath: null,
  isDefault: false,
  active: true,
  ...over,
});

const UNITS: RoutingUnit[] = [
  unit("kaptembwo-station", "police_station", ["c:032/s:175/w:0872"]),
  unit("nakuru-county-police", "police_station", ["c:032"]),
  unit("likoni-station", "police_station", ["c:001/s:004"]),
  unit("nakuru-peace-committee", "peace_committee", ["c:032"]),
  unit("ipoa-desk", "oversight", ["ke"]),
  unit("rv-programme-nakuru", "programme", ["c:032"]),
  unit("gbv-counsellors", "counsellor", ["c:032"], ["gbv"]),
];
const RULES: RoutingRuleData[] = [
  rule({ id: "emergencies-to-police", urgencies: ["emergency"], targetKinds: ["police_station"] }),
  rule({ id: "gbv-to-counsellors", categories: ["gbv"], targetKinds: ["counsellor", "police_station"] }),
  rule({
    id: "nakuru-communal",
    categories: ["communal_conflict"],
    placePath: "c:032",
    targetKinds: ["peace_committee"],
  }),
  rule({ id: "default-programme", isDefault: true, targetKinds: ["programme"] }),
];
const facts = (over: Partial<CaseFacts>): CaseFacts => ({
  category: "gang_crime",
  urgency: "routine",
  placePath: KAPTEMBWO,
  ...over,
});
const unitIds = (f: CaseFacts, rules = RULES, units = UNITS) =>
  explainRouting(f, rules, units)
    .units.map((u) => u.unitId)
    .sort();

describe("place levels and coverage", () => {
  it("names the level of a path from its last segment", () => {
    expect(placeLevelOf("ke")).toBe("country");
    expect(placeLevelOf("c:032")).toBe("county");
    expect(placeLevelOf("c:032/s:175")).toBe("sub_county");
    expect(placeLevelOf("c:032/s:175/w:0872")).toBe("ward");
    expect(placeLevelOf(KAPTEMBWO)).toBe("locality");
    expect(placeLevelOf(null)).toBe("unknown");
  });

  it("covers a place at or below an area, never a sibling that shares a prefix", () => {
    expect(areaCovers("c:032", KAPTEMBWO)).toBe(true);
    expect(areaCovers("c:03", "c:032")).toBe(false);
    expect(areaCovers("ke", null)).toBe(true);
    expect(areaCovers("c:032", null)).toBe(false);
  });
});

describe("explainRouting", () => {
  it("sends an emergency to the most specific police station covering the place, and says why", () => {
    const result = explainRouting(facts({ urgency: "emergency" }), RULES, UNITS);
    expect(result.units.map((u) => u.unitId)).toEqual(["kaptembwo-station"]);
    expect(result.units[0]?.reasons).toEqual([
      {
        ruleId: "emergencies-to-police",
        ruleName: "emergencies-to-police",
        matched: ["any category", "urgency emergency", "anywhere"],
        rulePlaceLevel: "country",
        unitAreaPath: "c:032/s:175/w:0872",
        unitPlaceLevel: "ward",
      },
    ]);
    expect(result.usedDefault).toBe(false);
    expect(result.steps.join("\n")).toContain(
      'Rule "gbv-to-counsellors" does not apply: the category is gang_crime',
    );
  });

  it("falls back to the county unit when no station covers the ward", () => {
    const place = "c:032/s:171/w:0851";
    expect(unitIds(facts({ urgency: "emergency", placePath: place }))).toEqual(["nakuru-county-police"]);
  });

  it("applies every matching rule and names the rule's place level", () => {
    const result = explainRouting(facts({ category: "gbv", urgency: "emergency" }), RULES, UNITS);
    expect(result.units.map((u) => u.unitId).sort()).toEqual(["gbv-counsellors", "kaptembwo-station"]);
    const station = result.units.find((u) => u.unitId === "kaptembwo-station");
    expect(station?.reasons.map((r) => r.ruleId)).toEqual(["emergencies-to-police", "gbv-to-counsellors"]);
    const communal = explainRouting(facts({ category: "communal_conflict" }), RULES, UNITS);
    expect(communal.units[0]?.reasons[0]).toMatchObject({
      ruleId: "nakuru-communal",
      matched: ["category communal_conflict", "any urgency", "place within c:032 (county)"],
      rulePlaceLevel: "county",
      unitPlaceLevel: "county",
    });
  });

  it("uses the default rules only when no other rule found a unit", () => {
    const result = explainRouting(facts({ category: "service_delivery" }), RULES, UNITS);
    expect(result.usedDefault).toBe(true);
    expect(result.units.map((u) => u.unitId)).toEqual(["rv-programme-nakuru"]);
    expect(result.units[0]?.reasons[0]?.ruleId).toBe("default-programme");
  });

  it("skips units that do not handle the category and inactive rules and units", () => {
    const units = UNITS.map((u) => (u.id === "kaptembwo-station" ? { ...u, active: false } : u));
    expect(unitIds(facts({ urgency: "emergency" }), RULES, units)).toEqual(["nakuru-county-police"]);
    const rules = RULES.map((r) => (r.id === "emergencies-to-police" ? { ...r, active: false } : r));
    expect(unitIds(facts({ urgency: "emergency" }), rules)).toEqual(["rv-programme-nakuru"]);
    expect(unitIds(facts({ category: "gang_crime", urgency: "high" }))).not.toContain("gbv-counsellors");
  });

  it("with no rules at all, hands the case to the programme units covering the place", () => {
    const result = explainRouting(facts({}), [], UNITS);
    expect(result.units.map((u) => [u.unitId, u.reasons[0]?.ruleId])).toEqual([
      ["rv-programme-nakuru", FALLBACK_RULE.id],
    ]);
    const nowhere = explainRouting(facts({ placePath: "c:001/s:004" }), [], UNITS);
    expect(nowhere.units).toEqual([]);
    expect(nowhere.steps.at(-1)).toContain("waits for a programme officer");
  });

  it("an unknown place is covered only by nationwide units", () => {
    expect(unitIds(facts({ urgency: "emergency", placePath: null }))).toEqual([]);
    expect(unitIds(facts({ category: "police_misconduct", placePath: null }))).toEqual(["ipoa-desk"]);
  });
});

describe("conflict of interest", () => {
  it("sends a police-misconduct case to oversight and the programme, never to a police station, whatever the rules say", () => {
    const rules = [
      ...RULES,
      rule({
        id: "misconduct-to-station",
        categories: ["police_misconduct"],
        targetKinds: ["police_station", "chief"],
      }),
    ];
    const result = explainRouting(
      facts({ category: "police_misconduct", urgency: "emergency" }),
      rules,
      UNITS,
    );
    expect(result.conflictOfInterest).toBe(true);
    expect(result.units.map((u) => u.unitId).sort()).toEqual(["ipoa-desk", "rv-programme-nakuru"]);
    expect(result.units.every((u) => u.kind === "oversight" || u.kind === "programme")).toBe(true);
    expect(result.units[0]?.reasons[0]?.ruleId).toBe(CONFLICT_RULE.id);
    expect(result.steps.join("\n")).toContain("police_station left out");
  });
});
