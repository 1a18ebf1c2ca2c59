/**
 * Tokenising SMS text for triage. Every token keeps its offsets in the ORIGINAL text so that
 * evidence can be highlighted in the staff inbox.
 */

/**
 * Only this many characters are scanned. A report's meaning is in its first lines; capping keeps a
 * 1 MB paste or a binary blob as fast as an ordinary SMS (at most ~12 SMS segments are read).
 */
export const MAX_SCANNED_CHARS = 2000;

export interface Token {
  /** Normalised form: lowercase, no accents, no apostrophes, runs of 3+ equal letters shortened to 2. */
  norm: string;
  start: number;
  end: number;
  /** True when a sentence break (. ! ? , ; newline) separates this token from the previous one. */
  afterBreak: boolean;
}

// Letters (any script) or digits; apostrophes inside words belong to the word ("ng'ombe").
const TOKEN_PATTERN = /[\p{L}\p{M}]+(?:['’‘`][\p{L}\p{M}]+)*|\p{N}+/gu;
const BREAK_PATTERN = /[.!?,;:\n\r]/;
const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /['’‘`]/g;
const LONG_RUNS = /(\p{L})\1{2,}/gu;

export function normaliseWord(word: string): string {
  return word
    .toLowerCase()
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(APOSTROPHES, "")
    .replace(LONG_RUNS, "$1$1");
}

/** Splits the scanned prefix of `text` into normalised tokens with original offsets. */
export function tokenise(text: string): Token[] {
  const scanned = text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text;
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of scanned.matchAll(TOKEN_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    const norm = normaliseWord(match[0]);
    if (norm.length === 0) continue;
    const gap = scanned.slice(previousEnd, start);
    tokens.push({ norm, start, end, afterBreak: tokens.length > 0 && BREAK_PATTERN.test(gap) });
    previousEnd = end;
  }
  return tokens;
}

/** Normalises a whole phrase the way tokens are normalised, joined by single spaces. */
export function normalisePhrase(phrase: string): string {
  return tokenise(phrase)
    .map((token) => token.norm)
    .join(" ");
}
