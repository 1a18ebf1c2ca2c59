/**
 * Misspelling tolerance without scanning a whole vocabulary: a symmetric-deletion index
 * (every word is stored under each form with up to `maxDistance` letters deleted; a query looks up
 * its own deletions). Candidates are then checked with a bounded Damerau–Levenshtein distance.
 */

/** Optimal-string-alignment distance, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

function deletions(word: string, depth: number, into: Set<string>): void {
  if (depth === 0) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!into.has(shorter)) {
      into.add(shorter);
      deletions(shorter, depth - 1, into);
    }
  }
}

/** How many edits a word of this length may carry: none below 5 letters, 1 up to 8, 2 beyond. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

export interface FuzzyHit {
  word: string;
  distance: number;
}

export class FuzzyIndex {
  readonly #byDeletion = new Map<string, string[]>();
  readonly #words = new Set<string>();

  add(word: string): void {
    if (this.#words.has(word) || allowedEdits(word.length) === 0) return;
    this.#words.add(word);
    const keys = new Set<string>([word]);
    deletions(word, allowedEdits(word.length), keys);
    for (const key of keys) {
      const bucket = this.#byDeletion.get(key);
      if (bucket) bucket.push(word);
      else this.#byDeletion.set(key, [word]);
    }
  }

  /** Indexed words within the allowed distance of `query` (exact matches excluded), closest first. */
  lookup(query: string): FuzzyHit[] {
    const limit = allowedEdits(query.length);
    if (limit === 0) return [];
    const keys = new Set<string>([query]);
    deletions(query, limit, keys);
    const seen = new Set<string>();
    const hits: FuzzyHit[] = [];
    for (const key of keys) {
      for (const word of this.#byDeletion.get(key) ?? []) {
        if (seen.has(word) || word === query) continue;
        seen.add(word);
        const wordLimit = Math.min(limit, allowedEdits(word.length));
        const distance = editDistance(query, word, wordLimit);
        if (distance <= wordLimit) hits.push({ word, distance });
      }
    }
    return hits.sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word));
  }
}
