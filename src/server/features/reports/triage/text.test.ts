import { describe, expect, it } from "vitest";
import { MAX_SCANNED_CHARS, normalisePhrase, normaliseWord, tokenise } from "./text.ts";

describe("tokenise", () => {
  it("keeps each token's offsets in the original text", () => {
    const text = "Karao WAMEPIGA  kijana!";
    const tokens = tokenise(text);
    expect(tokens.map((t) => t.norm)).toEqual(["karao", "wamepiga", "kijana"]);
    for (const token of tokens) expect(text.slice(token.start, token.end).toLowerCase()).toBe(token.norm);
  });

  it("joins apostrophes inside words and strips accents", () => {
    expect(tokenise("wezi wa ng’ombe Kōch").map((t) => t.norm)).toEqual(["wezi", "wa", "ngombe", "koch"]);
  });

  it("splits letters from digits so that githurai44 reads like githurai 44", () => {
    expect(normalisePhrase("githurai44")).toBe(normalisePhrase("Githurai 44"));
  });

  it("shortens shouted letter runs to two", () => {
    expect(normaliseWord("SAIDIAAAAA")).toBe("saidiaa");
  });

  it("marks a token that follows a sentence break", () => {
    expect(tokenise("hakuna. vita").map((t) => t.afterBreak)).toEqual([false, true]);
  });

  it("never scans past the cap, however long the text", () => {
    const tokens = tokenise("neno ".repeat(10_000));
    expect(tokens.at(-1)?.end).toBeLessThanOrEqual(MAX_SCANNED_CHARS);
    expect(tokens.length).toBe(MAX_SCANNED_CHARS / 5);
  });

  it("finds no tokens in emoji or punctuation", () => {
    expect(tokenise("😂😂 !!! 🙏")).toEqual([]);
  });
});
