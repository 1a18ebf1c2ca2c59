// Pure helpers for the participant registry: how names are normalised before they are hashed for
// matching, which prefixes are hashed for search-as-you-type, and the pseudonymous codes.
import { randomInt } from "node:crypto";

/** Shortest typed prefix that is searched; one letter would match half the registry. */
export const MIN_PREFIX_LENGTH = 2;
/** Long names add no search value beyond this many letters per word, only index size. */
const MAX_PREFIX_LENGTH = 12;

/**
 * Words of a name as people type it in different ways: accents and case dropped, punctuation
 * ("Wanjiku-Kamau", "O'Brien") treated as a space, so "Achieng'  OTIENO" and "achieng otieno" agree.
 */
export function nameWords(raw: string): string[] {
  return raw
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/**
 * The value behind a participant's name index: words sorted, so "Kamau Wanjiru" and "Wanjiru Kamau"
 * are seen as the same person. Null when the name has no letters at all.
 */
export function nameKey(raw: string): string | null {
  const words = nameWords(raw);
  return words.length === 0 ? null : [...words].sort().join(" ");
}

/** Every prefix (2 to 12 letters) of every word: what is hashed so that "wanj" finds "Wanjiru". */
export function namePrefixes(raw: string): string[] {
  const out = new Set<string>();
  for (const word of nameWords(raw))
    for (let n = MIN_PREFIX_LENGTH; n <= Math.min(word.length, MAX_PREFIX_LENGTH); n++)
      out.add(word.slice(0, n));
  return [...out];
}

/** The typed words of a search, cut to what the index holds; words too short to search are dropped. */
export function searchPrefixes(typed: string): string[] {
  return [
    ...new Set(
      nameWords(typed)
        .filter((w) => w.length >= MIN_PREFIX_LENGTH)
        .map((w) => w.slice(0, MAX_PREFIX_LENGTH)),
    ),
  ];
}

// Crockford's base32 without I, L, O, U: read aloud and copied by hand without confusion.
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 6;
export const PARTICIPANT_CODE_PATTERN = /^P-[0-9A-HJKMNP-TV-Z]{6}$/;

/** A fresh pseudonymous code, "P-" and six characters (a billion codes); the caller retries on a clash. */
export function newParticipantCode(draw: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[draw(CODE_ALPHABET.length)];
  return `P-${code}`;
}

/** A typed code in any case, with or without the dash ("p7kq3m2"), in its stored form; null if it is not one. */
export function normaliseParticipantCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const body = compact.startsWith("P") && compact.length === CODE_LENGTH + 1 ? compact.slice(1) : compact;
  const code = `P-${body}`;
  return PARTICIPANT_CODE_PATTERN.test(code) ? code : null;
}
