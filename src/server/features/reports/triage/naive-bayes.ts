/**
 * Multinomial naive Bayes over words, word pairs and character n-grams. Trained on
 * data/triage/train.jsonl (never on the dev set); deterministic, so the same corpus always gives the
 * same weights.
 */
import { tokenise } from "./text.ts";

export interface NaiveBayesModel {
  labels: string[];
  /** log P(label). */
  priors: number[];
  /** Sorted feature names; `likelihoods[i]` holds log P(features[i] | label), one number per label. */
  features: string[];
  likelihoods: number[][];
}

const WORD_CACHE_LIMIT = 50_000;

/** A model ready for prediction: features in a Map, and each word's rows cached (SMS words repeat). */
export class LoadedModel {
  readonly model: NaiveBayesModel;
  readonly #rows: Map<string, number[]>;
  #wordRows = new Map<string, number[][]>();

  constructor(model: NaiveBayesModel) {
    this.model = model;
    this.#rows = new Map(model.features.map((feature, i) => [feature, model.likelihoods[i] ?? []]));
  }

  /** Likelihood rows of every known feature of the message (unknown features are ignored). */
  rowsFor(words: readonly string[]): number[][] {
    const rows: number[][] = [];
    words.forEach((word, index) => {
      rows.push(...this.#rowsForWord(word));
      const next = words[index + 1];
      const pair = next === undefined ? undefined : this.#rows.get(`b:${word}_${next}`);
      if (pair) rows.push(pair);
    });
    return rows;
  }

  #rowsForWord(word: string): number[][] {
    let rows = this.#wordRows.get(word);
    if (!rows) {
      rows = wordFeatures(word)
        .map((feature) => this.#rows.get(feature))
        .filter((row): row is number[] => row !== undefined);
      if (this.#wordRows.size >= WORD_CACHE_LIMIT) this.#wordRows = new Map();
      this.#wordRows.set(word, rows);
    }
    return rows;
  }
}

export function loadModel(model: NaiveBayesModel): LoadedModel {
  return new LoadedModel(model);
}

const CHAR_GRAM_SIZES = [3, 4];

function wordFeatures(word: string): string[] {
  const features = [`w:${word}`];
  const padded = `^${word}$`;
  for (const size of CHAR_GRAM_SIZES) {
    for (let i = 0; i + size <= padded.length; i++) features.push(`c:${padded.slice(i, i + size)}`);
  }
  return features;
}

export function extractFeatures(text: string): string[] {
  const words = tokenise(text).map((token) => token.norm);
  const features: string[] = [];
  words.forEach((word, index) => {
    features.push(...wordFeatures(word));
    const next = words[index + 1];
    if (next !== undefined) features.push(`b:${word}_${next}`);
  });
  return features;
}

export interface TrainingOptions {
  smoothing: number;
  /** Features seen in fewer training messages are dropped: they are mostly noise and bloat the model. */
  minDocuments: number;
}

export function trainNaiveBayes(
  examples: ReadonlyArray<{ text: string; label: string }>,
  labels: readonly string[],
  { smoothing, minDocuments }: TrainingOptions = { smoothing: 0.5, minDocuments: 2 },
): NaiveBayesModel {
  const documentFrequency = new Map<string, number>();
  for (const { text } of examples) {
    for (const feature of new Set(extractFeatures(text))) {
      documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
    }
  }
  const counts = new Map<string, number[]>();
  const totals = labels.map(() => 0);
  const documents = labels.map(() => 0);
  for (const { text, label } of examples) {
    const index = labels.indexOf(label);
    if (index < 0) continue;
    documents[index] = (documents[index] ?? 0) + 1;
    for (const feature of extractFeatures(text)) {
      if ((documentFrequency.get(feature) ?? 0) < minDocuments) continue;
      let row = counts.get(feature);
      if (!row) {
        row = labels.map(() => 0);
        counts.set(feature, row);
      }
      row[index] = (row[index] ?? 0) + 1;
      totals[index] = (totals[index] ?? 0) + 1;
    }
  }
  const vocabulary = counts.size;
  const denominators = totals.map((total) => Math.log(total + smoothing * vocabulary));
  const features = [...counts.keys()].sort();
  const likelihoods = features.map((feature) =>
    (counts.get(feature) ?? []).map((count, i) =>
      round(Math.log(count + smoothing) - (denominators[i] ?? 0)),
    ),
  );
  const documentTotal = documents.reduce((a, b) => a + b, 0);
  return {
    labels: [...labels],
    priors: documents.map((n) => round(Math.log((n + 1) / (documentTotal + labels.length)))),
    features,
    likelihoods,
  };
}

/** Posterior probability of each label, from the message's normalised words. */
export function predictNaiveBayes(loaded: LoadedModel, words: readonly string[]): Record<string, number> {
  const scores = [...loaded.model.priors];
  for (const row of loaded.rowsFor(words)) {
    for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] ?? 0) + (row[i] ?? 0);
  }
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return Object.fromEntries(loaded.model.labels.map((label, i) => [label, (exps[i] ?? 0) / total]));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
