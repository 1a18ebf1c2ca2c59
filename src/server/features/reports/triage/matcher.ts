/**
 * Compiles weighted term lists (syntax documented in lexicon-categories.ts) into a matcher that
 * finds every term in a token stream, including Swahili verbs under any prefix chain and words
 * misspelt by one or two letters.
 */
import { FuzzyIndex } from "./fuzzy.ts";
import type { WeightedTerms } from "./lexicon-categories.ts";
import type { Token } from "./text.ts";

/**
 * Subject, tense, relative and object prefixes of a Swahili verb, in that order, all optional:
 * wa-me-pigwa, ha-wa-ja-m-piga, a-li-ye-uawa, ku-ibiwa, hu-ku-itisha.
 */
const VERB_PREFIX =
  /^(hu|ha|si|h)?(ni|u|a|tu|mu|m|wa|i|li|ya|ki|vi|zi|ku|pa|ji)?(me|li|na|ta|ki|ka|nge|ngali|sha|ja|ku|hu|si)?(ye|o|cho|vyo|lo|yo|zo|ko|po|mo)?(ni|ku|mw|mu|m|tu|wa|ji|ki|vi|i|li|zi|u|ya)?$/;
const MAX_VERB_PREFIX = 9;
/** Lexicon words shorter than this are never matched fuzzily: short words collide too easily. */
const MIN_FUZZY_LENGTH = 7;
/** A fuzzy match counts for this share of the term's weight. */
export const FUZZY_DISCOUNT = 0.7;
const NEGATION_WINDOW = 3;
const MEMO_LIMIT = 50_000;

type PatternKind = "exact" | "prefix" | "verb" | "verb-prefix";

interface TokenMatch {
  pattern: number;
  fuzzy: boolean;
  /** The stripped prefix when the token matched as a Swahili verb, else null. */
  verbPrefix: string | null;
}

export interface Term {
  text: string;
  label: string;
  weight: number;
  patterns: readonly number[];
}

export interface TermHit {
  term: Term;
  /** Index of the first and last token of the match. */
  first: number;
  last: number;
  fuzzy: boolean;
  negated: boolean;
  verbPrefix: string | null;
}

export interface VerbParse {
  prefix: string;
  remainder: string;
  negative: boolean;
  tense: string | undefined;
}

/** Every way to read `word` as prefixes + remainder (remainder at least two letters). */
export function parseVerb(word: string): VerbParse[] {
  const parses: VerbParse[] = [];
  const longest = Math.min(MAX_VERB_PREFIX, word.length - 2);
  for (let length = 0; length <= longest; length++) {
    const prefix = word.slice(0, length);
    const groups = VERB_PREFIX.exec(prefix);
    if (!groups) continue;
    const negation = groups[1];
    parses.push({
      prefix,
      remainder: word.slice(length),
      negative: negation === "ha" || negation === "si" || (negation === "h" && groups[2] !== undefined),
      tense: groups[3],
    });
  }
  return parses;
}

export class Lexicon {
  readonly terms: Term[] = [];
  readonly #patternIds = new Map<string, number>();
  readonly #exact = new Map<string, number[]>();
  readonly #prefix = new Map<string, number[]>();
  readonly #verbExact = new Map<string, number[]>();
  readonly #verbPrefix = new Map<string, number[]>();
  readonly #termsByFirstPattern = new Map<number, Term[]>();
  readonly #fuzzy = new FuzzyIndex();
  #prefixLengths: number[] = [];
  #memo = new Map<string, TokenMatch[]>();

  constructor(groups: ReadonlyArray<{ label: string; rows: WeightedTerms }>) {
    for (const { label, rows } of groups) {
      for (const [weight, alternatives] of rows) {
        for (const text of alternatives.split("|")) this.#addTerm(text.trim(), label, weight);
      }
    }
    const lengths = new Set<number>();
    for (const key of [...this.#prefix.keys(), ...this.#verbPrefix.keys()]) lengths.add(key.length);
    this.#prefixLengths = [...lengths].sort((a, b) => a - b);
  }

  #addTerm(text: string, label: string, weight: number): void {
    const patterns = text.split(/\s+/).map((part) => this.#patternId(part));
    const first = patterns[0];
    if (first === undefined) return;
    const term: Term = { text, label, weight, patterns };
    this.terms.push(term);
    const bucket = this.#termsByFirstPattern.get(first);
    if (bucket) bucket.push(term);
    else this.#termsByFirstPattern.set(first, [term]);
  }

  #patternId(part: string): number {
    const known = this.#patternIds.get(part);
    if (known !== undefined) return known;
    const id = this.#patternIds.size;
    this.#patternIds.set(part, id);
    const isVerb = part.startsWith("~");
    const isPrefix = part.endsWith("*");
    const body = part.slice(isVerb ? 1 : 0, isPrefix ? -1 : undefined);
    const kind: PatternKind = isVerb ? (isPrefix ? "verb-prefix" : "verb") : isPrefix ? "prefix" : "exact";
    const index = {
      exact: this.#exact,
      prefix: this.#prefix,
      verb: this.#verbExact,
      "verb-prefix": this.#verbPrefix,
    }[kind];
    const ids = index.get(body);
    if (ids) ids.push(id);
    else index.set(body, [id]);
    if (kind === "exact" && body.length >= MIN_FUZZY_LENGTH) this.#fuzzy.add(body);
    return id;
  }

  /** Patterns a single normalised word satisfies (memoised: SMS vocabularies repeat a lot). */
  matchWord(word: string): TokenMatch[] {
    const cached = this.#memo.get(word);
    if (cached) return cached;
    const matches = this.#computeWordMatches(word);
    if (this.#memo.size >= MEMO_LIMIT) this.#memo = new Map();
    this.#memo.set(word, matches);
    return matches;
  }

  #computeWordMatches(word: string): TokenMatch[] {
    const matches: TokenMatch[] = [];
    const add = (ids: number[] | undefined, fuzzy: boolean, verbPrefix: string | null) => {
      for (const pattern of ids ?? []) {
        if (!matches.some((m) => m.pattern === pattern)) matches.push({ pattern, fuzzy, verbPrefix });
      }
    };
    add(this.#exact.get(word), false, null);
    for (const length of this.#prefixLengths) {
      if (length > word.length) break;
      add(this.#prefix.get(word.slice(0, length)), false, null);
    }
    for (const parse of parseVerb(word)) {
      add(this.#verbExact.get(parse.remainder), false, parse.prefix);
      for (const length of this.#prefixLengths) {
        if (length > parse.remainder.length) break;
        add(this.#verbPrefix.get(parse.remainder.slice(0, length)), false, parse.prefix);
      }
    }
    if (matches.length === 0 && word.length >= MIN_FUZZY_LENGTH && !/\d/.test(word)) {
      const best = this.#fuzzy.lookup(word)[0];
      if (best) add(this.#exact.get(best.word), true, null);
    }
    return matches;
  }

  /** All term occurrences, with phrases swallowing the shorter terms they contain. */
  match(tokens: readonly Token[], negationCues: ReadonlySet<string>): TermHit[] {
    const perToken = tokens.map((token) => this.matchWord(token.norm));
    const hits: TermHit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (const start of perToken[i] ?? []) {
        for (const term of this.#termsByFirstPattern.get(start.pattern) ?? []) {
          const hit = this.#extend(term, i, perToken, start);
          if (hit) {
            hit.negated = isNegated(tokens, hit, negationCues);
            hits.push(hit);
          }
        }
      }
    }
    return dropSwallowed(hits);
  }

  #extend(term: Term, first: number, perToken: TokenMatch[][], start: TokenMatch): TermHit | null {
    let fuzzy = start.fuzzy;
    for (let k = 1; k < term.patterns.length; k++) {
      const next = perToken[first + k]?.find((m) => m.pattern === term.patterns[k]);
      if (!next) return null;
      fuzzy ||= next.fuzzy;
    }
    const last = first + term.patterns.length - 1;
    return { term, first, last, fuzzy, negated: false, verbPrefix: start.verbPrefix };
  }
}

function isNegated(tokens: readonly Token[], hit: TermHit, cues: ReadonlySet<string>): boolean {
  if (hit.verbPrefix !== null && parseVerb(tokens[hit.first]?.norm ?? "").some(isNegativeParse(hit)))
    return true;
  for (let i = hit.first - 1; i >= 0 && i >= hit.first - NEGATION_WINDOW; i--) {
    if (tokens[i + 1]?.afterBreak) return false;
    if (cues.has(tokens[i]?.norm ?? "")) return true;
  }
  return false;
}

function isNegativeParse(hit: TermHit): (parse: VerbParse) => boolean {
  return (parse) => parse.prefix === hit.verbPrefix && parse.negative;
}

function dropSwallowed(hits: TermHit[]): TermHit[] {
  return hits.filter(
    (hit) =>
      !hits.some(
        (other) =>
          other !== hit &&
          other.first <= hit.first &&
          other.last >= hit.last &&
          other.last - other.first > hit.last - hit.first,
      ),
  );
}
