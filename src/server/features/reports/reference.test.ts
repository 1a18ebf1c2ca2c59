import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CROCKFORD_ALPHABET,
  hashPin,
  newReceiptPin,
  newReportReference,
  normaliseReference,
  verifyPin,
} from "./reference.ts";

const KEY = Buffer.alloc(32, 3);
const OTHER_KEY = Buffer.alloc(32, 4);

describe("newReportReference", () => {
  it("makes a BRZ- reference of five Crockford symbols by default", () => {
    expect(newReportReference()).toMatch(/^BRZ-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{5}$/);
  });

  it("maps each random byte's low five bits to one symbol, so the reference is reproducible", () => {
    const bytes = () => Uint8Array.from([7, 19, 29, 2, 0]);
    expect(newReportReference(bytes)).toBe("BRZ-7KX20");
    expect(newReportReference(() => Uint8Array.from([7 + 32, 19 + 64, 29 + 224, 2]), 4)).toBe("BRZ-7KX2");
  });

  it("never uses the confusable letters I, L, O or U", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), (bytes) => {
        expect(newReportReference(() => bytes)).not.toMatch(/[ILOU]/);
      }),
    );
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
  });

  it("draws again rather than produce a code that starts with BRZ", () => {
    const draws = [Uint8Array.from([11, 24, 31, 7, 7]), Uint8Array.from([7, 19, 29, 2, 0])];
    expect(newReportReference(() => draws.shift() ?? new Uint8Array(5))).toBe("BRZ-7KX20");
    expect(() => newReportReference(() => Uint8Array.from([11, 24, 31, 1, 1]))).toThrow(/prefix/);
  });

  it("refuses a length outside four to five symbols and a random source that gives too few bytes", () => {
    expect(() => newReportReference(undefined, 3)).toThrow(RangeError);
    expect(() => newReportReference(undefined, 6)).toThrow(RangeError);
    expect(() => newReportReference(() => new Uint8Array(2))).toThrow(/2 bytes/);
  });
});

describe("normaliseReference", () => {
  it.each([
    ["brz7kx2", "BRZ-7KX2"],
    ["BRZ 7KX2", "BRZ-7KX2"],
    ["brz-7kx2", "BRZ-7KX2"],
    ["  Brz.7kx2q ", "BRZ-7KX2Q"],
    ["7KX2", "BRZ-7KX2"],
    ["BRZ-7KXO", "BRZ-7KX0"],
    ["brz-1lI0", "BRZ-1110"],
  ])("reads %j as %s", (typed, expected) => {
    expect(normaliseReference(typed)).toBe(expected);
  });

  it.each(["", "BRZ", "BRZ-7K", "BRZAB", "BRZ-7KX2QQ", "BRZ-7KU2", "hello world", "BRZ-7K\u{1F600}2"])(
    "rejects %j",
    (typed) => {
      expect(normaliseReference(typed)).toBeNull();
    },
  );

  it("rejects a 10 KB input without scanning it", () => {
    expect(normaliseReference(`BRZ-7KX2${" ".repeat(10_000)}`)).toBeNull();
  });

  it("reads back every reference it generates", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), fc.boolean(), (bytes, short) => {
        const reference = newReportReference(() => bytes, short ? 4 : 5);
        expect(normaliseReference(reference.toLowerCase().replace("-", " "))).toBe(reference);
      }),
    );
  });

  it("is idempotent on any input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^(brz|BRZ)?[ -]?[0-9A-Za-z]{3,6}$/)), (typed) => {
        const once = normaliseReference(typed);
        if (once !== null) expect(normaliseReference(once)).toBe(once);
      }),
    );
  });
});

describe("receipt PIN", () => {
  it("is six digits from the system's random source", () => {
    const pins = Array.from({ length: 200 }, newReceiptPin);
    for (const pin of pins) expect(pin).toMatch(/^\d{6}$/);
    expect(new Set(pins).size).toBeGreaterThan(190);
  });

  it("verifies the right PIN for the right report, tolerating spaces", () => {
    const stored = hashPin(KEY, "BRZ-7KX2Q", "042917");
    expect(stored).toMatch(/^p1:[0-9a-f]{64}$/);
    expect(verifyPin(KEY, "BRZ-7KX2Q", "042917", stored)).toBe(true);
    expect(verifyPin(KEY, "BRZ-7KX2Q", "042 917", stored)).toBe(true);
  });

  it("rejects a wrong PIN, another report's reference, another key and a damaged hash", () => {
    const stored = hashPin(KEY, "BRZ-7KX2Q", "042917");
    expect(verifyPin(KEY, "BRZ-7KX2Q", "042918", stored)).toBe(false);
    expect(verifyPin(KEY, "BRZ-7KX2R", "042917", stored)).toBe(false);
    expect(verifyPin(OTHER_KEY, "BRZ-7KX2Q", "042917", stored)).toBe(false);
    expect(verifyPin(KEY, "BRZ-7KX2Q", "042917", stored.slice(0, -2))).toBe(false);
    expect(verifyPin(KEY, "BRZ-7KX2Q", "042917", "garbage")).toBe(false);
    expect(verifyPin(KEY, "BRZ-7KX2Q", "abcdef", stored)).toBe(false);
  });

  it("refuses to hash anything but six digits, or with a short key", () => {
    expect(() => hashPin(KEY, "BRZ-7KX2Q", "12345")).toThrow(/6 digits/);
    expect(() => hashPin(Buffer.alloc(16), "BRZ-7KX2Q", "123456")).toThrow(/32 bytes/);
  });
});
