/**
 * Trains the naive Bayes models on data/triage/train.jsonl and writes data/triage/model.json.
 * Deterministic: the same corpus always gives byte-identical output.
 *   npx node src/server/features/reports/triage/train-model.ts
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CATEGORY_CODES, URGENCY_LEVELS } from "../../../../common/taxonomy.ts";
import { type NaiveBayesModel, trainNaiveBayes } from "./naive-bayes.ts";

export const TRAIN_PATH = fileURLToPath(new URL("../../../../../data/triage/train.jsonl", import.meta.url));
export const MODEL_PATH = fileURLToPath(new URL("../../../../../data/triage/model.json", import.meta.url));

export interface TriageModels {
  /** sha256 of the training corpus, so a stale model is caught by the tests. */
  trainedOn: string;
  category: NaiveBayesModel;
  urgency: NaiveBayesModel;
}

interface TrainingRow {
  text: string;
  category: string;
  urgency: string;
}

export function corpusHash(corpus: string): string {
  return createHash("sha256").update(corpus).digest("hex");
}

export function trainModels(corpus: string): TriageModels {
  const rows = corpus
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as TrainingRow);
  return {
    trainedOn: corpusHash(corpus),
    category: trainNaiveBayes(
      rows.map((row) => ({ text: row.text, label: row.category })),
      CATEGORY_CODES,
    ),
    urgency: trainNaiveBayes(
      rows.map((row) => ({ text: row.text, label: row.urgency })),
      URGENCY_LEVELS,
    ),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const models = trainModels(readFileSync(TRAIN_PATH, "utf8"));
  writeFileSync(MODEL_PATH, `${JSON.stringify(models)}\n`);
  console.log(`wrote ${MODEL_PATH}: ${models.category.features.length} features`);
}
