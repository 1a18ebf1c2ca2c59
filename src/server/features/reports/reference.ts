// Short human references for reports (BRZ-7KX2Q) and the receipt PIN that goes with them.
//
// References use Crockford's base32 alphabet: no I, L, O or U, so what a resident reads off a
// feature-phone screen and types back is forgiving (O is read as 0, I and L as 1).
// A reference alone only reveals a status line; anything more sensitive needs the PIN as well.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

export const REFERENCE_PREFIX = "BRZ";
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const REFERENCE_MIN_LENGTH = 4;
export const REFERENCE_MAX_LENGTH = 5;

/**
 * A new reference such as `BRZ-7KX2Q`. Five symbols (33.5 million codes) by default, so that a
 * guessed code rarely lands on a real report; the caller retries on a unique-constraint collision.
 * `random(n)` must return n uniformly random bytes; it is injectable for tests.
 */
export function newReportReference(
  random: (size: number) => Uint8Array = randomBytes,
  length: number = REFERENCE_MAX_LENGTH,
): string {
  if (!Number.isInteger(length) || length < REFERENCE_MIN_LENGTH || length > REFERENCE_MAX_LENGTH)
    throw new RangeError(
      `A reference has ${REFERENCE_MIN_LENGTH} to ${REFERENCE_MAX_LENGTH} symbols, not ${length}`,
    );
  // A code that itself starts with BRZ could not be typed without its prefix, so draw again.
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = codeFromBytes(random(length), length);
    if (!code.startsWith(REFERENCE_PREFIX)) return `${REFERENCE_PREFIX}-${code}`;
  }
  throw new Error("The random source keeps giving codes that start with the prefix");
}

function codeFromBytes(bytes: Uint8Array, length: number): string {
  if (bytes.length < length)
    throw new RangeError(`The random source gave ${bytes.length} bytes, ${length} needed`);
  let code = "";
  // 256 is a multiple of 32, so taking the low five bits of each byte is unbiased.
  for (let i = 0; i < length; i++) code += CROCKFORD_ALPHABET[(bytes[i] ?? 0) & 31];
  return code;
}

const CONFUSABLES: Record<string, string> = { O: "0", I: "1", L: "1" };
const CODE_PATTERN = new RegExp(`^[${CROCKFORD_ALPHABET}]{${REFERENCE_MIN_LENGTH},${REFERENCE_MAX_LENGTH}}$`);

function canonicalCode(raw: string): string | null {
  const code = [...raw].map((c) => CONFUSABLES[c] ?? c).join("");
  return CODE_PATTERN.test(code) ? code : null;
}

/**
 * The canonical form `BRZ-XXXX(X)` of what someone typed, or null if it cannot be a reference.
 * Accepts any case, spaces, dashes, dots, a missing prefix, and O/I/L typed for 0/1.
 * Idempotent: normalising a normalised reference returns it unchanged.
 */
export function normaliseReference(input: string): string | null {
  if (input.length > 40) return null;
  const compact = input.toUpperCase().replace(/[\s\-_.:#/]+/g, "");
  // Generated codes never start with BRZ, so a leading BRZ is always the prefix.
  const code = canonicalCode(
    compact.startsWith(REFERENCE_PREFIX) ? compact.slice(REFERENCE_PREFIX.length) : compact,
  );
  return code === null ? null : `${REFERENCE_PREFIX}-${code}`;
}

export const RECEIPT_PIN_LENGTH = 6;

/** A six-digit receipt PIN from the operating system's CSPRNG. */
export function newReceiptPin(): string {
  return String(randomInt(0, 10 ** RECEIPT_PIN_LENGTH)).padStart(RECEIPT_PIN_LENGTH, "0");
}

// Why a keyed HMAC and not argon2 or scrypt: a six-digit PIN has only a million values, so any
// password hash, however slow, falls to an offline search in hours once the database leaks.
// What protects the PIN is (1) the secret key, which lives in configuration and not in the
// database, so a stolen table alone cannot be searched, and (2) per-report attempt limits enforced
// by the caller (e.g. 5 wrong PINs lock the report's PIN check), which stop online guessing.
// Binding the reference into the MAC means a hash cannot be copied onto another report.
const PIN_HASH_VERSION = "p1";
const PIN_PATTERN = new RegExp(`^\\d{${RECEIPT_PIN_LENGTH}}$`);

function pinMac(key: Buffer, reference: string, pin: string): Buffer {
  return createHmac("sha256", key).update(`baraza-receipt-pin\0${reference}\0${pin}`).digest();
}

function assertKey(key: Buffer): void {
  if (key.length < 32) throw new RangeError("The PIN hashing key must be at least 32 bytes");
}

/** Stored form of a receipt PIN for a reference: `p1:<hex>`. */
export function hashPin(key: Buffer, reference: string, pin: string): string {
  assertKey(key);
  if (!PIN_PATTERN.test(pin)) throw new RangeError(`A receipt PIN is ${RECEIPT_PIN_LENGTH} digits`);
  return `${PIN_HASH_VERSION}:${pinMac(key, reference, pin).toString("hex")}`;
}

/** Constant-time check of a typed PIN (spaces tolerated) against the stored hash. */
export function verifyPin(key: Buffer, reference: string, typedPin: string, stored: string): boolean {
  assertKey(key);
  const pin = typedPin.replace(/\s+/g, "");
  const [version, hex] = stored.split(":");
  if (version !== PIN_HASH_VERSION || hex === undefined || !/^[0-9a-f]{64}$/.test(hex)) return false;
  if (!PIN_PATTERN.test(pin)) return false;
  return timingSafeEqual(pinMac(key, reference, pin), Buffer.from(hex, "hex"));
}
