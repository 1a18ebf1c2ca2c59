/**
 * Measures triage against labelled messages: per-category precision/recall/F1, macro-F1, urgency
 * and place accuracy, and the most frequent confusions with examples to read.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { CATEGORY_CODES, type CategoryCode, URGENCY_LEVELS } from "../../../../common/taxonomy.ts";
import { type TriageResult, triageReport } from "./triage.ts";

export const labelledExample = z.object({
  id: z.string().min(1),
  text: z.string(),
  lang: z.string().optional(),
  category: z.enum(CATEGORY_CODES),
  urgency: z.enum(URGENCY_LEVELS),
  county: z.string().nullable(),
  place: z.string().nullable(),
});
export type LabelledExample = z.infer<typeof labelledExample>;

/** The bar the shipped dev set must clear; the unit tests hold triage to it. */
export const TARGETS = { macroF1: 0.85, urgencyAccuracy: 0.8, placeAccuracy: 0.9 } as const;

export interface CategoryStats {
  category: CategoryCode;
  precision: number;
  recall: number;
  f1: number;
  /** How many examples carry this label. */
  support: number;
}

export interface Confusion {
  expected: string;
  predicted: string;
  count: number;
  exampleIds: string[];
}

export interface SliceAccuracy {
  count: number;
  categoryAccuracy: number;
  urgencyAccuracy: number;
  placeAccuracy: number;
}

export interface EvaluationReport {
  count: number;
  categories: CategoryStats[];
  macroF1: number;
  categoryAccuracy: number;
  urgencyAccuracy: number;
  placeAccuracy: number;
  categoryConfusions: Confusion[];
  urgencyConfusions: Confusion[];
  placeMisses: Array<{ id: string; expected: string; predicted: string }>;
  byLanguage: Record<string, SliceAccuracy>;
}

interface Outcome {
  example: LabelledExample;
  result: TriageResult;
  placeCorrect: boolean;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

function categoryStats(outcomes: readonly Outcome[]): CategoryStats[] {
  return CATEGORY_CODES.map((category) => {
    const truePositives = outcomes.filter(
      (o) => o.example.category === category && o.result.category === category,
    );
    const predicted = outcomes.filter((o) => o.result.category === category).length;
    const support = outcomes.filter((o) => o.example.category === category).length;
    const precision = ratio(truePositives.length, predicted);
    const recall = ratio(truePositives.length, support);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { category, precision, recall, f1, support };
  });
}

function confusions(outcomes: readonly Outcome[], field: "category" | "urgency"): Confusion[] {
  const byPair = new Map<string, Confusion>();
  for (const { example, result } of outcomes) {
    if (example[field] === result[field]) continue;
    const key = `${example[field]}→${result[field]}`;
    const entry = byPair.get(key) ?? {
      expected: example[field],
      predicted: result[field],
      count: 0,
      exampleIds: [],
    };
    entry.count++;
    if (entry.exampleIds.length < 3) entry.exampleIds.push(example.id);
    byPair.set(key, entry);
  }
  return [...byPair.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected));
}

function sliceAccuracy(outcomes: readonly Outcome[]): SliceAccuracy {
  return {
    count: outcomes.length,
    categoryAccuracy: ratio(
      outcomes.filter((o) => o.example.category === o.result.category).length,
      outcomes.length,
    ),
    urgencyAccuracy: ratio(
      outcomes.filter((o) => o.example.urgency === o.result.urgency).length,
      outcomes.length,
    ),
    placeAccuracy: ratio(outcomes.filter((o) => o.placeCorrect).length, outcomes.length),
  };
}

const describePlace = (place: string | null, county: string | null): string =>
  place === null ? "none" : `${place} (${county ?? "?"})`;

/** Place is right only when both the place and its county match; "no place" matching "no place" counts. */
export function evaluateTriage(
  examples: readonly LabelledExample[],
  triage: (text: string) => TriageResult = triageReport,
): EvaluationReport {
  const outcomes: Outcome[] = examples.map((example) => {
    const result = triage(example.text);
    const placeCorrect = result.place === example.place && result.county === example.county;
    return { example, result, placeCorrect };
  });
  const categories = categoryStats(outcomes);
  const languages = [...new Set(examples.map((e) => e.lang ?? "unknown"))].sort();
  const overall = sliceAccuracy(outcomes);
  return {
    count: outcomes.length,
    categories,
    macroF1: ratio(
      categories.reduce((sum, c) => sum + c.f1, 0),
      categories.length,
    ),
    categoryAccuracy: overall.categoryAccuracy,
    urgencyAccuracy: overall.urgencyAccuracy,
    placeAccuracy: overall.placeAccuracy,
    categoryConfusions: confusions(outcomes, "category"),
    urgencyConfusions: confusions(outcomes, "urgency"),
    placeMisses: outcomes
      .filter((o) => !o.placeCorrect)
      .map((o) => ({
        id: o.example.id,
        expected: describePlace(o.example.place, o.example.county),
        predicted: describePlace(o.result.place, o.result.county),
      })),
    byLanguage: Object.fromEntries(
      languages.map((lang) => [
        lang,
        sliceAccuracy(outcomes.filter((o) => (o.example.lang ?? "unknown") === lang)),
      ]),
    ),
  };
}

const pct = (value: number): string => value.toFixed(3);

export function formatEvaluation(report: EvaluationReport): string {
  const lines = [`Triage evaluation on ${report.count} labelled messages`, ""];
  lines.push(
    `${"category".padEnd(20)} ${"precision".padStart(9)} ${"recall".padStart(7)} ${"F1".padStart(6)} support`,
  );
  for (const c of report.categories) {
    lines.push(
      `${c.category.padEnd(20)} ${pct(c.precision).padStart(9)} ${pct(c.recall).padStart(7)} ${pct(c.f1).padStart(6)} ${String(c.support).padStart(7)}`,
    );
  }
  const pass = (value: number, target: number) => `${value >= target ? "meets" : "BELOW"} target ${target}`;
  lines.push(
    "",
    `macro-F1          ${pct(report.macroF1)}  (${pass(report.macroF1, TARGETS.macroF1)})`,
    `category accuracy ${pct(report.categoryAccuracy)}`,
    `urgency accuracy  ${pct(report.urgencyAccuracy)}  (${pass(report.urgencyAccuracy, TARGETS.urgencyAccuracy)})`,
    `place accuracy    ${pct(report.placeAccuracy)}  (${pass(report.placeAccuracy, TARGETS.placeAccuracy)}; place and county must both match)`,
    "",
    "by language:",
  );
  for (const [lang, slice] of Object.entries(report.byLanguage)) {
    lines.push(
      `  ${lang.padEnd(7)} n=${String(slice.count).padEnd(4)} category ${pct(slice.categoryAccuracy)}  urgency ${pct(slice.urgencyAccuracy)}  place ${pct(slice.placeAccuracy)}`,
    );
  }
  const hint = (c: Confusion) =>
    `  ${c.expected} → ${c.predicted}: ${c.count}  (e.g. ${c.exampleIds.join(", ")})`;
  lines.push("", "most frequent category confusions:", ...report.categoryConfusions.slice(0, 8).map(hint));
  lines.push("", "urgency confusions:", ...report.urgencyConfusions.map(hint));
  if (report.placeMisses.length > 0) {
    lines.push("", "place misses:");
    for (const miss of report.placeMisses.slice(0, 10)) {
      lines.push(`  ${miss.id}: expected ${miss.expected}, got ${miss.predicted}`);
    }
  }
  return lines.join("\n");
}

/** Parses a labelled JSON-lines file; any malformed line is an error naming its line number. */
export function parseLabelledExamples(content: string, source = "input"): LabelledExample[] {
  const examples: LabelledExample[] = [];
  const problems: string[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (line.trim().length === 0) return;
    try {
      const parsed = labelledExample.safeParse(JSON.parse(line));
      if (parsed.success) examples.push(parsed.data);
      else
        problems.push(
          `line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
        );
    } catch (error) {
      problems.push(`line ${index + 1}: invalid JSON (${(error as Error).message})`);
    }
  });
  if (problems.length > 0) throw new Error(`${source}: ${problems.slice(0, 10).join("\n")}`);
  return examples;
}

export async function evaluateDevSetFile(path: string): Promise<string> {
  const examples = parseLabelledExamples(await readFile(path, "utf8"), path);
  return formatEvaluation(evaluateTriage(examples));
}
