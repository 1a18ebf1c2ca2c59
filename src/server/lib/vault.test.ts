import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createVault, InvalidPhoneError, normalisePhone, VaultError } from "./vault.ts";

const OLD_KEY = { id: "2025a", key: Buffer.alloc(32, 1) };
const NEW_KEY = { id: "2026a", key: Buffer.alloc(32, 2) };
const HMAC_KEY = Buffer.alloc(32, 9);

const vaultWith = (activeKeyId: string, keys = [OLD_KEY, NEW_KEY]) =>
  createVault({ keys, activeKeyId, hmacKey: HMAC_KEY });

/** Replaces one base64 part of a sealed value with the same bytes, one bit flipped. */
function flipBit(sealed: string, part: 2 | 3 | 4): string {
  const parts = sealed.split(":");
  const bytes = Buffer.from(parts[part] ?? "", "base64");
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[part] = bytes.toString("base64");
  return parts.join(":");
}

describe("vault encryption", () => {
  it("round-trips any text, including empty text, emoji and 10 KB", () => {
    const vault = vaultWith("2026a");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (plain) => {
        expect(vault.decrypt("name", vault.encrypt("name", plain))).toBe(plain);
      }),
    );
    const large = "Wanjiku \u{1F600} ".repeat(1000);
    expect(vault.decrypt("name", vault.encrypt("name", large))).toBe(large);
    expect(vault.decrypt("name", vault.encrypt("name", ""))).toBe("");
  });

  it("seals as v1:<keyId>:<iv>:<ciphertext>:<tag> with a fresh 96-bit IV each time", () => {
    const vault = vaultWith("2026a");
    const first = vault.encrypt("phone", "+254712345678");
    const second = vault.encrypt("phone", "+254712345678");
    expect(first).toMatch(/^v1:2026a:[A-Za-z0-9+/=]{16}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]{24}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("712345678");
  });

  it.each([
    ["iv", 2],
    ["ciphertext", 3],
    ["tag", 4],
  ] as const)("detects a flipped bit in the %s", (_, part) => {
    const vault = vaultWith("2026a");
    const tampered = flipBit(vault.encrypt("phone", "+254712345678"), part);
    expect(() => vault.decrypt("phone", tampered)).toThrow(/failed authentication/);
  });

  it("will not decrypt a phone ciphertext as a name", () => {
    const vault = vaultWith("2026a");
    const sealed = vault.encrypt("phone", "+254712345678");
    expect(() => vault.decrypt("name", sealed)).toThrow(VaultError);
  });

  it("will not decrypt when the key id label is swapped for another configured key", () => {
    const vault = vaultWith("2026a");
    const relabelled = vault.encrypt("phone", "+254712345678").replace(":2026a:", ":2025a:");
    expect(() => vault.decrypt("phone", relabelled)).toThrow(/failed authentication/);
  });

  it.each([
    ["not sealed at all", "hello"],
    ["an unknown version", "v2:2026a:AAAAAAAAAAAAAAAA::AAAAAAAAAAAAAAAAAAAAAA=="],
    ["a short IV", "v1:2026a:AAAA::AAAAAAAAAAAAAAAAAAAAAA=="],
    ["a non-base64 part", "v1:2026a:AAAAAAAAAAAAAAAA:!!!:AAAAAAAAAAAAAAAAAAAAAA=="],
    ["too many parts", "v1:2026a:a:b:c:d"],
  ])("explains that a sealed value is malformed when it has %s", (_, sealed) => {
    expect(() => vaultWith("2026a").decrypt("phone", sealed)).toThrow(/malformed/);
  });

  it("names the missing key when a value was sealed with a key no longer configured", () => {
    const sealed = vaultWith("2025a").encrypt("phone", "+254712345678");
    const withoutOld = vaultWith("2026a", [NEW_KEY]);
    expect(() => withoutOld.decrypt("phone", sealed)).toThrow(/"2025a", which is not configured/);
  });
});

describe("vault byte sealing", () => {
  it("round-trips any bytes, including none, and never shows the plain bytes", () => {
    const vault = vaultWith("2026a");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (plain) => {
        const sealed = vault.encryptBytes("attachment.content", plain);
        expect(Buffer.compare(vault.decryptBytes("attachment.content", sealed), Buffer.from(plain))).toBe(0);
      }),
    );
    const pdf = Buffer.from("%PDF-1.7 statement of the OCS Kaptembwo".repeat(50));
    const sealed = vault.encryptBytes("attachment.content", pdf);
    expect(sealed.includes(Buffer.from("Kaptembwo"))).toBe(false);
  });

  it("refuses bytes that were tampered with, sealed for another purpose or cut short", () => {
    const vault = vaultWith("2026a");
    const sealed = vault.encryptBytes("attachment.content", Buffer.from("evidence"));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(() => vault.decryptBytes("attachment.content", flipped)).toThrow(/failed authentication/);
    expect(() => vault.decryptBytes("attachment.other", sealed)).toThrow(/failed authentication/);
    expect(() => vault.decryptBytes("attachment.content", sealed.subarray(0, 20))).toThrow(/malformed/);
  });

  it("still opens bytes sealed under the old key after rotation", () => {
    const sealed = vaultWith("2025a").encryptBytes("attachment.content", Buffer.from("photo"));
    expect(vaultWith("2026a").decryptBytes("attachment.content", sealed).toString()).toBe("photo");
  });
});

describe("vault key rotation", () => {
  it("still decrypts values sealed with the old key after a new key becomes active", () => {
    const sealedBefore = vaultWith("2025a").encrypt("phone", "+254712345678");
    const rotated = vaultWith("2026a");
    expect(rotated.decrypt("phone", sealedBefore)).toBe("+254712345678");
    expect(rotated.needsReencrypt(sealedBefore)).toBe(true);
  });

  it("re-encrypts old values under the active key and leaves current ones untouched", () => {
    const sealedBefore = vaultWith("2025a").encrypt("name", "Achieng");
    const rotated = vaultWith("2026a");
    const moved = rotated.reencrypt("name", sealedBefore);
    expect(moved.startsWith("v1:2026a:")).toBe(true);
    expect(rotated.needsReencrypt(moved)).toBe(false);
    expect(rotated.decrypt("name", moved)).toBe("Achieng");
    expect(rotated.reencrypt("name", moved)).toBe(moved);
    expect(() => vaultWith("2026a", [NEW_KEY]).decrypt("name", sealedBefore)).toThrow(VaultError);
  });
});

describe("vault configuration", () => {
  it.each([
    [
      "a key that is not 32 bytes",
      { keys: [{ id: "k", key: Buffer.alloc(16) }], activeKeyId: "k" },
      /32 bytes/,
    ],
    ["an active key that is not configured", { keys: [NEW_KEY], activeKeyId: "nope" }, /not among/],
    ["a key id given twice", { keys: [NEW_KEY, NEW_KEY], activeKeyId: "2026a" }, /twice/],
    ["a key id with a colon", { keys: [{ id: "a:b", key: Buffer.alloc(32) }], activeKeyId: "a:b" }, /key id/],
  ])("refuses %s", (_, options, message) => {
    expect(() => createVault({ ...options, hmacKey: HMAC_KEY })).toThrow(message);
  });

  it("refuses a short HMAC key and a purpose that could be confused with the format", () => {
    expect(() => createVault({ keys: [NEW_KEY], activeKeyId: "2026a", hmacKey: Buffer.alloc(8) })).toThrow(
      /HMAC/,
    );
    expect(() => vaultWith("2026a").encrypt("phone:name", "x")).toThrow(/purpose/);
  });
});

describe("blind index", () => {
  it("is a stable HMAC-SHA256 hex that does not change when the encryption key rotates", () => {
    const index = vaultWith("2025a").blindIndex("phone", "+254712345678");
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(vaultWith("2026a").blindIndex("phone", "+254712345678")).toBe(index);
  });

  it("differs between values, between purposes and between HMAC keys", () => {
    const vault = vaultWith("2026a");
    const index = vault.blindIndex("phone", "+254712345678");
    expect(vault.blindIndex("phone", "+254712345679")).not.toBe(index);
    expect(vault.blindIndex("name", "+254712345678")).not.toBe(index);
    const otherHmac = createVault({ keys: [NEW_KEY], activeKeyId: "2026a", hmacKey: Buffer.alloc(32, 8) });
    expect(otherHmac.blindIndex("phone", "+254712345678")).not.toBe(index);
  });
});

describe("normalisePhone", () => {
  it.each([
    "0712345678",
    "712345678",
    "254712345678",
    "+254712345678",
    "+254 712 345 678",
    "+254-712-345-678",
    "(0712) 345 678",
    "00254712345678",
    "+254 (0)712 345678",
    " 0712.345.678 ",
  ])("reads %j as +254712345678", (raw) => {
    expect(normalisePhone(raw)).toBe("+254712345678");
  });

  it("accepts the newer 01XX mobile range", () => {
    expect(normalisePhone("0110 123 456")).toBe("+254110123456");
  });

  it.each([
    ["empty text", "", /empty/],
    ["letters", "call me", /only contain digits/],
    ["emoji", "0712\u{1F600}345678", /only contain digits/],
    ["too few digits", "07123", /5 digits/],
    ["a Nairobi landline", "020 2222222", /not a Kenyan mobile/],
    ["a foreign number", "+44 20 7946 0958", /not a Kenyan \(\+254\) number/],
    ["a plus in the middle", "0712+345678", /only contain digits/],
    ["10 KB of digits", "7".repeat(10_000), /too long/],
  ])("rejects %s with a clear error", (_, raw, message) => {
    expect(() => normalisePhone(raw)).toThrow(InvalidPhoneError);
    expect(() => normalisePhone(raw)).toThrow(message);
  });

  it("never repeats the number in its error, so errors can be logged", () => {
    expect(() => normalisePhone("+254 799 99")).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("799") }),
    );
  });

  it("passes foreign E.164 numbers through only when asked to", () => {
    expect(normalisePhone("+44 20 7946 0958", { allowForeign: true })).toBe("+442079460958");
    expect(normalisePhone("0712345678", { allowForeign: true })).toBe("+254712345678");
  });

  it("gives the same answer for a number however it is spaced", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[17]\d{8}$/),
        fc.constantFrom("0", "+254", "254", "+254 ", "00254"),
        (nsn, lead) => {
          const spaced = `${lead}${nsn.slice(0, 3)} ${nsn.slice(3, 6)} ${nsn.slice(6)}`;
          expect(normalisePhone(spaced)).toBe(`+254${nsn}`);
        },
      ),
    );
  });
});
