// The identity vault: reporters' phone numbers and names are stored only as AES-256-GCM ciphertext,
// with a keyed hash ("blind index") beside them for matching and rate limiting.
//
// Sealed format: "v1:<keyId>:<iv b64>:<ciphertext b64>:<tag b64>". The key id travels with the
// ciphertext so that old rows stay readable after rotation; needsReencrypt/reencrypt move them on.
// The associated data binds version, key id and purpose, so a phone ciphertext pasted into a name
// column (or a relabelled key id) fails authentication instead of decrypting.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

export interface VaultKeyMaterial {
  id: string;
  key: Buffer;
}

export interface VaultOptions {
  keys: readonly VaultKeyMaterial[];
  activeKeyId: string;
  hmacKey: Buffer;
}

export interface Vault {
  encrypt(purpose: string, plain: string): string;
  decrypt(purpose: string, sealed: string): string;
  /** HMAC-SHA256 hex of a value under a purpose; normalise the value first (see normalisePhone). */
  blindIndex(purpose: string, value: string): string;
  needsReencrypt(sealed: string): boolean;
  reencrypt(purpose: string, sealed: string): string;
  /** Files and other binary content, in the binary envelope below (no base64 inflation). */
  encryptBytes(purpose: string, plain: Uint8Array): Buffer;
  decryptBytes(purpose: string, sealed: Uint8Array): Buffer;
}

export class VaultError extends Error {
  override readonly name = "VaultError";
}

const FORMAT_VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const PURPOSE_PATTERN = /^[a-z][a-z0-9_.]{0,39}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;

interface Sealed {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function checkOptions({ keys, activeKeyId, hmacKey }: VaultOptions): Map<string, Buffer> {
  const byId = new Map<string, Buffer>();
  for (const { id, key } of keys) {
    if (!KEY_ID_PATTERN.test(id))
      throw new VaultError(`Vault key id "${id}" must be 1-32 of A-Z a-z 0-9 _ -`);
    if (key.length !== 32) throw new VaultError(`Vault key "${id}" must be 32 bytes, not ${key.length}`);
    if (byId.has(id)) throw new VaultError(`Vault key id "${id}" is given twice`);
    byId.set(id, key);
  }
  if (!byId.has(activeKeyId))
    throw new VaultError(`The active vault key "${activeKeyId}" is not among the keys`);
  if (hmacKey.length < 32) throw new VaultError("The vault HMAC key must be at least 32 bytes");
  return byId;
}

function checkPurpose(purpose: string): void {
  if (!PURPOSE_PATTERN.test(purpose))
    throw new VaultError(
      `Vault purpose "${purpose.slice(0, 40)}" must be lower-case letters, digits, _ or .`,
    );
}

const associatedData = (keyId: string, purpose: string) =>
  Buffer.from(`baraza-vault:${FORMAT_VERSION}:${keyId}:${purpose}`, "utf8");

function decodeBase64(part: string, what: string): Buffer {
  if (!BASE64_PATTERN.test(part)) throw new VaultError(`Sealed value is malformed: ${what} is not base64`);
  return Buffer.from(part, "base64");
}

function parseSealed(sealed: string): Sealed {
  const parts = sealed.split(":");
  if (parts.length !== 5 || parts[0] !== FORMAT_VERSION)
    throw new VaultError(
      `Sealed value is malformed: expected "${FORMAT_VERSION}:<keyId>:<iv>:<ciphertext>:<tag>"`,
    );
  const [, keyId = "", ivPart = "", ctPart = "", tagPart = ""] = parts;
  const iv = decodeBase64(ivPart, "iv");
  const tag = decodeBase64(tagPart, "tag");
  if (iv.length !== IV_BYTES) throw new VaultError(`Sealed value is malformed: iv must be ${IV_BYTES} bytes`);
  if (tag.length !== TAG_BYTES)
    throw new VaultError(`Sealed value is malformed: tag must be ${TAG_BYTES} bytes`);
  return { keyId, iv, ciphertext: decodeBase64(ctPart, "ciphertext"), tag };
}

// Binary envelope: [version 0x01][key id length][key id, ASCII][iv 12][tag 16][ciphertext].
const BYTES_VERSION = 0x01;

function parseSealedBytes(sealed: Uint8Array): Sealed {
  const buffer = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buffer.length < 2 || buffer[0] !== BYTES_VERSION)
    throw new VaultError("Sealed bytes are malformed: unknown envelope version");
  const keyIdLength = buffer[1] as number;
  const ivStart = 2 + keyIdLength;
  const tagStart = ivStart + IV_BYTES;
  const ctStart = tagStart + TAG_BYTES;
  if (buffer.length < ctStart) throw new VaultError("Sealed bytes are malformed: too short");
  return {
    keyId: buffer.subarray(2, ivStart).toString("ascii"),
    iv: buffer.subarray(ivStart, tagStart),
    tag: buffer.subarray(tagStart, ctStart),
    ciphertext: buffer.subarray(ctStart),
  };
}

export function createVault(options: VaultOptions): Vault {
  const keys = checkOptions(options);
  const { activeKeyId, hmacKey } = options;
  const activeKey = keys.get(activeKeyId) as Buffer;

  function encrypt(purpose: string, plain: string): string {
    checkPurpose(purpose);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", activeKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(activeKeyId, purpose));
    const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const parts = [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString("base64"));
    return [FORMAT_VERSION, activeKeyId, ...parts].join(":");
  }

  function decrypt(purpose: string, sealed: string): string {
    const parts = parseSealed(sealed);
    const decipher = decipherFor(purpose, parts);
    try {
      return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString("utf8");
    } catch {
      throw new VaultError("Sealed value failed authentication: tampered, wrong key or wrong purpose");
    }
  }

  function decipherFor(purpose: string, { keyId, iv, tag }: Sealed) {
    checkPurpose(purpose);
    const key = keys.get(keyId);
    if (!key) throw new VaultError(`Sealed value uses vault key "${keyId}", which is not configured`);
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(keyId, purpose));
    decipher.setAuthTag(tag);
    return decipher;
  }

  function encryptBytes(purpose: string, plain: Uint8Array): Buffer {
    checkPurpose(purpose);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", activeKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(activeKeyId, purpose));
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    const keyId = Buffer.from(activeKeyId, "ascii");
    return Buffer.concat([
      Buffer.from([BYTES_VERSION, keyId.length]),
      keyId,
      iv,
      cipher.getAuthTag(),
      ciphertext,
    ]);
  }

  function decryptBytes(purpose: string, sealed: Uint8Array): Buffer {
    const parts = parseSealedBytes(sealed);
    const decipher = decipherFor(purpose, parts);
    try {
      return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
    } catch {
      throw new VaultError("Sealed bytes failed authentication: tampered, wrong key or wrong purpose");
    }
  }

  return {
    encrypt,
    decrypt,
    encryptBytes,
    decryptBytes,
    blindIndex(purpose, value) {
      checkPurpose(purpose);
      return createHmac("sha256", hmacKey).update(`baraza-index:${purpose}\0${value}`, "utf8").digest("hex");
    },
    needsReencrypt: (sealed) => parseSealed(sealed).keyId !== activeKeyId,
    reencrypt(purpose, sealed) {
      if (parseSealed(sealed).keyId === activeKeyId) return sealed;
      return encrypt(purpose, decrypt(purpose, sealed));
    },
  };
}

export class InvalidPhoneError extends Error {
  override readonly name = "InvalidPhoneError";
}

const KENYA_COUNTRY_CODE = "254";
// Kenyan mobile numbers are nine digits after the country code, starting 7 (07xx) or 1 (01xx).
const KENYAN_MOBILE_NSN = /^[17]\d{8}$/;
const E164_DIGITS = /^[1-9]\d{7,14}$/;

/**
 * A Kenyan mobile number in E.164 (`+254712345678`) from the ways people and gateways write it:
 * `0712 345 678`, `712345678`, `254712345678`, `+254 712-345-678`, `00254712345678`.
 * Foreign E.164 numbers (`+44...`) pass only with `allowForeign` (e.g. a roaming Twilio sender).
 * Errors never repeat the number, so that they can be logged.
 */
export function normalisePhone(raw: string, { allowForeign = false } = {}): string {
  const trimmed = raw.trim();
  if (trimmed.length === 0 || trimmed.length > 32)
    throw new InvalidPhoneError("Phone number is empty or too long");
  if (!/^\+?[\d\s().-]+$/.test(trimmed))
    throw new InvalidPhoneError(
      "Phone number may only contain digits, spaces, dashes, dots, brackets and a leading +",
    );
  const international = trimmed.startsWith("+") || trimmed.startsWith("00");
  const allDigits = trimmed.replace(/\D/g, "");
  const digits = trimmed.startsWith("00") ? allDigits.slice(2) : allDigits;
  let nsn: string | null = null;
  if (digits.startsWith(KENYA_COUNTRY_CODE) && (international || digits.length === 12))
    nsn = digits.slice(3).replace(/^0(?=\d{9}$)/, ""); // "+254 (0)712..." keeps its trunk 0
  else if (!international && digits.startsWith("0") && digits.length === 10) nsn = digits.slice(1);
  else if (!international && digits.length === 9) nsn = digits;
  else if (international && allowForeign && E164_DIGITS.test(digits)) return `+${digits}`;
  if (nsn === null)
    throw new InvalidPhoneError(
      international && !allowForeign
        ? "Phone number is not a Kenyan (+254) number"
        : `Phone number has ${digits.length} digits; a Kenyan mobile is written 07XX XXX XXX or +254 7XX XXX XXX`,
    );
  if (!KENYAN_MOBILE_NSN.test(nsn))
    throw new InvalidPhoneError("Phone number is not a Kenyan mobile number (07XX or 01XX after the 0)");
  return `+${KENYA_COUNTRY_CODE}${nsn}`;
}
