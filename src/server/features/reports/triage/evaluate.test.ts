import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  evaluateTriage,
  formatEvaluation,
  type LabelledExample,
  parseLabelledExamples,
  TARGETS,
} from "./evaluate.ts";
import type { TriageResult } from "./triage.ts";

const DEV_SET = fileURLToPath(new URL("../../../../../data/triage/dev-set.jsonl", import.meta.url));

const example = (
  id: string,
  category: LabelledExample["category"],
  place: string | null,
): LabelledExample => ({
  id,
  text: id,
  lang: "sw",
  category,
  urgency: "high",
  county: place === null ? null : "Nakuru",
  place,
});

/** A stand-in triage that answers from a table, so the arithmetic can be checked by hand. */
function fakeTriage(answers: Record<string, Partial<TriageResult>>): (text: string) => TriageResult {
  return (text) =>
    ({ category: "other", urgency: "high", place: null, county: null, ...answers[text] }) as TriageResult;
}

describe("evaluateTriage", () => {
  it("computes precision, recall and F1 per category and macro-F1 over all nine", () => {
    const examples = [example("a", "gbv", null), example("b", "gbv", null), example("c", "gang_crime", null)];
    const report = evaluateTriage(
      examples,
      fakeTriage({ a: { category: "gbv" }, b: { category: "gang_crime" } }),
    );
    const gbv = report.categories.find((c) => c.category === "gbv");
    expect(gbv).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(gbv?.f1).toBeCloseTo(2 / 3);
    expect(report.macroF1).toBeCloseTo(2 / 3 / 9);
    expect(report.categoryConfusions).toEqual([
      { expected: "gang_crime", predicted: "other", count: 1, exampleIds: ["c"] },
      { expected: "gbv", predicted: "gang_crime", count: 1, exampleIds: ["b"] },
    ]);
  });

  it("counts a place right only when place and county both match, and none matching none", () => {
    const examples = [
      example("a", "gbv", "Kaptembwo"),
      example("b", "gbv", null),
      example("c", "gbv", "Njoro"),
    ];
    const report = evaluateTriage(
      examples,
      fakeTriage({ a: { place: "Kaptembwo", county: "Nakuru" }, c: { place: "Njoro", county: "Kiambu" } }),
    );
    expect(report.placeAccuracy).toBeCloseTo(2 / 3);
    expect(report.placeMisses).toEqual([
      { id: "c", expected: "Njoro (Nakuru)", predicted: "Njoro (Kiambu)" },
    ]);
  });
});

describe("parseLabelledExamples", () => {
  it("names the line of every malformed example", () => {
    const content = `${JSON.stringify(example("a", "gbv", null))}\n{oops\n{"id":"x","text":"t","category":"riot"}\n`;
    expect(() => parseLabelledExamples(content, "dev.jsonl")).toThrow(
      /line 2: invalid JSON[\s\S]*line 3: .*category/,
    );
  });
});

describe("the shipped dev set", () => {
  const examples = parseLabelledExamples(readFileSync(DEV_SET, "utf8"));

  it("is large and balanced over categories and languages", () => {
    expect(examples.length).toBeGreaterThanOrEqual(400);
    const perCategory = Object.groupBy(examples, (e) => e.category);
    for (const group of Object.values(perCategory)) expect(group?.length).toBeGreaterThanOrEqual(40);
    expect(new Set(examples.map((e) => e.lang))).toEqual(new Set(["en", "sw", "sheng", "mixed"]));
  });

  it("meets the triage targets (a regression here fails CI)", () => {
    const report = evaluateTriage(examples);
    expect(report.macroF1).toBeGreaterThanOrEqual(TARGETS.macroF1);
    expect(report.urgencyAccuracy).toBeGreaterThanOrEqual(TARGETS.urgencyAccuracy);
    expect(report.placeAccuracy).toBeGreaterThanOrEqual(TARGETS.placeAccuracy);
    expect(formatEvaluation(report)).toContain("macro-F1");
  });
});
