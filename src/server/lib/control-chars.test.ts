import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasControlCharacters, withoutControlCharacters } from "./control-chars.ts";

describe("control characters", () => {
  it("removes NUL, other C0/C1 controls and bidi overrides, and keeps line breaks and tabs", () => {
    expect(withoutControlCharacters("a\u0000b\u0007c\u009Bd\u202Ee\n\tf\r\n")).toBe("abcde\n\tf\r\n");
  });

  it("keeps Kiswahili, emoji and other ordinary text unchanged", () => {
    const text = "Vijana wanapigana Kaptembwo sasa hivi 🔥 — café, 5*2 junction";
    expect(hasControlCharacters(text)).toBe(false);
    expect(withoutControlCharacters(text)).toBe(text);
  });

  it("removes lone surrogates but keeps surrogate pairs", () => {
    expect(withoutControlCharacters("a\uD800b\uDC00c😀")).toBe("abc😀");
  });

  it("leaves nothing that it would flag, and is idempotent, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const cleaned = withoutControlCharacters(text);
        expect(hasControlCharacters(cleaned)).toBe(false);
        expect(withoutControlCharacters(cleaned)).toBe(cleaned);
        expect(hasControlCharacters(text)).toBe(cleaned !== text);
      }),
    );
  });
});
