// How alike two report texts are, for proposing likely duplicates. Pure.
// Residents describing one incident rarely use the same words in the same order, and SMS spelling
// varies ("kaptembwo" / "kaptembo"), so word overlap alone misses them: character trigrams catch
// misspellings, word overlap catches reordered sentences; the higher of the two counts.
import { tokenise } from "./triage/text.ts";

/** Texts at least this alike (0–1) are proposed as possible duplicates. */
export const DUPLICATE_SIMILARITY = 0.35;
/** Without a place to compare, only near-identical texts are proposed. */
export const DUPLICATE_SIMILARITY_WITHOUT_PLACE = 0.6;

// Words that say nothing about which incident it is.
const FILLER = new Set([
  "na",
  "ya",
  "wa",
  "kwa",
  "ni",
  "la",
  "za",
  "the",
  "a",
  "an",
  "and",
  "of",
  "in",
  "at",
  "is",
  "are",
  "to",
  "on",
]);

function words(text: string): string[] {
  return tokenise(text)
    .map((token) => token.norm)
    .filter((word) => !FILLER.has(word));
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

function trigrams(wordList: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const word of wordList) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

export function textSimilarity(a: string, b: string): number {
  const wordsA = words(a);
  const wordsB = words(b);
  const byWords = jaccard(new Set(wordsA), new Set(wordsB));
  const byTrigrams = jaccard(trigrams(wordsA), trigrams(wordsB));
  return Math.round(Math.max(byWords, byTrigrams) * 1000) / 1000;
}
