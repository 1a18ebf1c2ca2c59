import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  nameKey,
  namePrefixes,
  nameWords,
  newParticipantCode,
  normaliseParticipantCode,
  PARTICIPANT_CODE_PATTERN,
  searchPrefixes,
} from "./names.ts";

describe("participant names for matching", () => {
  it("ignores case, accents, punctuation and extra spaces", () => {
    expect(nameWords("  Achieng'  OTIENO-Odhiambo ")).toEqual(["achieng", "otieno", "odhiambo"]);
    expect(nameKey("Zoë  Wanjiru")).toBe(nameKey("zoe wanjiru"));
  });

  it("treats the same words in another order as the same name", () => {
    expect(nameKey("Kamau Wanjiru")).toBe(nameKey("Wanjiru Kamau"));
    expect(nameKey("Kamau Wanjiru")).not.toBe(nameKey("Kamau Wanjiku"));
  });

  it("has no key for a name without letters or digits", () => {
    expect(nameKey(" -- ")).toBeNull();
  });

  it("hashes every prefix a person may type, from two letters", () => {
    const prefixes = namePrefixes("Wanjiru Kamau");
    for (const typed of ["wa", "wanj", "wanjiru", "ka", "kamau"]) expect(prefixes).toContain(typed);
    expect(prefixes).not.toContain("w");
  });

  it("finds a name by the prefix of any of its words, whatever was typed around it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{2,20}$/), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        (words, pick, cut) => {
          const word = words[pick % words.length] ?? "";
          const typed = word.slice(0, 2 + (cut % (word.length - 1)));
          const stored = new Set(namePrefixes(words.join(" ")));
          expect(searchPrefixes(` ${typed.toUpperCase()}!`).every((p) => stored.has(p))).toBe(true);
        },
      ),
    );
  });
});

describe("pseudonymous codes", () => {
  it("are P- and six unambiguous characters", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(31), { minLength: 6, maxLength: 6 }), (draws) => {
        const code = newParticipantCode((max) => (draws.shift() ?? 0) % max);
        expect(code).toMatch(PARTICIPANT_CODE_PATTERN);
        expect(normaliseParticipantCode(code.toLowerCase())).toBe(code);
      }),
    );
  });

  it("are read back however they were typed", () => {
    expect(normaliseParticipantCode("p-7kq3m2")).toBe("P-7KQ3M2");
    expect(normaliseParticipantCode("P7KQ3M2")).toBe("P-7KQ3M2");
    expect(normaliseParticipantCode("7kq3m2")).toBe("P-7KQ3M2");
    expect(normaliseParticipantCode("Wanjiru")).toBeNull();
  });
});
