/**
 * First guess of category, urgency and place for a resident's report. Pure: no I/O, no clock, no
 * network; the lexicon and the place index are built once and reused.
 */
import shippedModels from "../../../../../data/triage/model.json" with { type: "json" };
import { loadGazetteer, type Place } from "../../../../common/places/index.ts";
import { CATEGORY_CODES, type CategoryCode, type Urgency } from "../../../../common/taxonomy.ts";
import {
  buildTriageLexicon,
  decideUrgency,
  hitWeight,
  isEffective,
  NEGATION_CUES,
  pickCategory,
  scoreCategories,
} from "./classify.ts";
import type { Lexicon, TermHit } from "./matcher.ts";
import { type LoadedModel, loadModel, type NaiveBayesModel, predictNaiveBayes } from "./naive-bayes.ts";
import { PlaceIndex } from "./place-index.ts";
import { MAX_SCANNED_CHARS, type Token, tokenise } from "./text.ts";

export interface Evidence {
  term: string;
  start: number;
  end: number;
  weight: number;
  label: string;
}

export interface TriageResult {
  category: CategoryCode;
  categoryConfidence: number;
  urgency: Urgency;
  urgencyConfidence: number;
  placeId: string | null;
  place: string | null;
  county: string | null;
  placeConfidence: number;
  evidence: { category: Evidence[]; urgency: Evidence[]; place: Evidence[] };
}

export type TriageFunction = (text: string) => TriageResult;

export interface TriageModels {
  category: NaiveBayesModel;
  urgency: NaiveBayesModel;
}

/**
 * How many lexicon points a model posterior of 1.0 is worth. Chosen by 5-fold cross-validation on
 * the training corpus (see README): more weight lets the small model overrule clear lexicon evidence.
 */
export const MODEL_WEIGHT = 1;

/** Share of unreadable characters (controls, U+FFFD) above which the input is treated as binary. */
const BINARY_SHARE = 0.1;

function emptyResult(): TriageResult {
  return {
    category: "other",
    categoryConfidence: 0.5,
    urgency: "routine",
    urgencyConfidence: 0.5,
    placeId: null,
    place: null,
    county: null,
    placeConfidence: 0,
    evidence: { category: [], urgency: [], place: [] },
  };
}

function looksBinary(text: string): boolean {
  const length = Math.min(text.length, MAX_SCANNED_CHARS);
  let unreadable = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    // C0 controls other than tab/newline/carriage return, and U+FFFD left by a bad UTF-8 decode.
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) unreadable++;
  }
  return unreadable > length * BINARY_SHARE;
}

function spanEvidence(text: string, tokens: readonly Token[], first: number, last: number) {
  const start = tokens[first]?.start ?? 0;
  const end = tokens[last]?.end ?? start;
  return { term: text.slice(start, end), start, end };
}

function hitEvidence(
  text: string,
  tokens: readonly Token[],
  hits: readonly TermHit[],
  prefix: string,
): Evidence[] {
  return hits
    .filter((hit) => isEffective(hit) && hit.term.label.startsWith(prefix) && hit.term.weight > 0)
    .map((hit) => ({
      ...spanEvidence(text, tokens, hit.first, hit.last),
      weight: Math.round(hitWeight(hit) * 100) / 100,
      label: hit.term.label.slice(prefix.length),
    }))
    .sort((a, b) => b.weight - a.weight || a.start - b.start);
}

function posterior(model: LoadedModel | null, words: readonly string[]): Record<string, number> {
  return model ? predictNaiveBayes(model, words) : {};
}

/** Builds a triage function over a gazetteer (tests pass a small one; production uses the shipped one). */
export function createTriage(
  places: readonly Place[],
  models: TriageModels | null = shippedModels,
): TriageFunction {
  const lexicon: Lexicon = buildTriageLexicon();
  const placeIndex = new PlaceIndex(places, (word) => lexicon.matchWord(word).length > 0);
  const categoryModel = models ? loadModel(models.category) : null;
  const urgencyModel = models ? loadModel(models.urgency) : null;
  return (text: string): TriageResult => {
    if (typeof text !== "string" || text.length === 0 || looksBinary(text)) return emptyResult();
    const tokens = tokenise(text);
    if (tokens.length === 0) return emptyResult();
    const words = tokens.map((token) => token.norm);
    const hits = lexicon.match(tokens, NEGATION_CUES);
    const scores = scoreCategories(tokens, hits);
    const categoryPosterior = posterior(categoryModel, words);
    for (const code of CATEGORY_CODES) scores[code] += MODEL_WEIGHT * (categoryPosterior[code] ?? 0);
    const { category, confidence: categoryConfidence } = pickCategory(scores);
    const urgencyPosterior = posterior(urgencyModel, words);
    const urgency = decideUrgency(tokens, hits, category, {
      emergency: MODEL_WEIGHT * (urgencyPosterior.emergency ?? 0),
      high: MODEL_WEIGHT * (urgencyPosterior.high ?? 0),
      routine: MODEL_WEIGHT * (urgencyPosterior.routine ?? 0),
    });
    const mentions = placeIndex.find(tokens);
    const resolved = placeIndex.resolve(tokens, mentions);
    const urgencyEvidence = [
      ...hitEvidence(text, tokens, hits, "urgency:"),
      ...urgency.morphologyHits.map((cue) => ({
        ...spanEvidence(text, tokens, cue.token, cue.token),
        weight: cue.level === "emergency" ? 2 : 1,
        label: `${cue.level} (verb form)`,
      })),
    ];
    return {
      category,
      categoryConfidence,
      urgency: urgency.urgency,
      urgencyConfidence: urgency.confidence,
      placeId: resolved?.place.id ?? null,
      place: resolved?.place.name ?? null,
      county: resolved?.county.name ?? null,
      placeConfidence: resolved?.confidence ?? 0,
      evidence: {
        category: hitEvidence(text, tokens, hits, "").filter((e) => !e.label.startsWith("urgency:")),
        urgency: urgencyEvidence,
        place: mentions.map((mention) => ({
          ...spanEvidence(text, tokens, mention.first, mention.last),
          weight: mention.quality,
          label: mention.candidates.map((candidate) => candidate.id).join(" "),
        })),
      },
    };
  };
}

// Building the index costs ~100 ms; every later call reuses it. The gazetteer is static data.
let defaultTriage: TriageFunction | undefined;

export function triageReport(text: string): TriageResult {
  defaultTriage ??= createTriage(loadGazetteer());
  return defaultTriage(text);
}
