// One normal form for names and queries, so "Kōch", "KOCH!" and "koch" compare equal.

const COMBINING_MARKS = /\p{M}+/gu;
// Apostrophes join rather than split: people type "muranga" for Murang'a and "ngombe" for Ng'ombe.
const APOSTROPHES = /['’‘`´]/g;
const ASCII_ONLY = /^[\x20-\x7e]*$/;
const NON_ALPHANUMERIC = /[^\p{L}\p{N}]+/gu;

/** Lowercase, strip diacritics and punctuation, collapse spaces; digits are kept ("mathare 4a"). */
export function normalisePlaceName(s: string): string {
  // Most names are plain ASCII; skipping Unicode decomposition for them halves the gazetteer's build time.
  const decomposed = ASCII_ONLY.test(s) ? s : s.normalize("NFKD").replace(COMBINING_MARKS, "");
  return decomposed.toLowerCase().replace(APOSTROPHES, "").replace(NON_ALPHANUMERIC, " ").trim();
}

/** The normal form without spaces, so "githurai44" meets "Githurai 44" and "lungalunga" meets "Lunga Lunga". */
export function compactPlaceName(normalised: string): string {
  return normalised.replace(/ /g, "");
}
