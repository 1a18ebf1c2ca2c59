import { describe, expect, it } from "vitest";
import { Lexicon, parseVerb } from "./matcher.ts";
import { tokenise } from "./text.ts";

const NEGATION = new Set(["hakuna", "no"]);

function labels(lexicon: Lexicon, text: string): string[] {
  return lexicon
    .match(tokenise(text), NEGATION)
    .map((hit) => `${hit.term.text}:${hit.term.label}${hit.negated ? "!" : ""}${hit.fuzzy ? "~" : ""}`);
}

describe("parseVerb", () => {
  it("reads subject, tense and object prefixes off a Swahili verb", () => {
    const parse = parseVerb("wamempiga").find((p) => p.remainder === "piga");
    expect(parse).toMatchObject({ prefix: "wamem", tense: "me", negative: false });
  });

  it("recognises negative and habitual forms", () => {
    expect(parseVerb("hawajapigwa").find((p) => p.remainder === "pigwa")?.negative).toBe(true);
    expect(parseVerb("humchapa").find((p) => p.remainder === "chapa")?.prefix).toBe("hum");
  });
});

describe("Lexicon", () => {
  const lexicon = new Lexicon([
    { label: "gang", rows: [[3, "wezi|~ibiwa|~pig*"]] },
    { label: "cattle", rows: [[4, "wezi wa ngombe"]] },
    { label: "police", rows: [[2, "majambazi"]] },
  ]);

  it("matches a Swahili verb under any prefix chain", () => {
    expect(labels(lexicon, "tumeibiwa jana")).toEqual(["~ibiwa:gang"]);
    expect(labels(lexicon, "wanapigana")).toEqual(["~pig*:gang"]);
  });

  it("lets a phrase swallow the shorter terms inside it", () => {
    expect(labels(lexicon, "wezi wa ngombe wamekuja")).toEqual(["wezi wa ngombe:cattle"]);
  });

  it("marks a term negated by a cue just before it", () => {
    expect(labels(lexicon, "hakuna wezi hapa")).toEqual(["wezi:gang!"]);
    expect(labels(lexicon, "hakuna shida. wezi wamerudi")).toEqual(["wezi:gang"]);
  });

  it("marks a negated verb form as negated", () => {
    expect(labels(lexicon, "hawajaibiwa")).toEqual(["~ibiwa:gang!"]);
  });

  it("matches a long word misspelt by one letter, flagged as fuzzy", () => {
    expect(labels(lexicon, "majambaz wamekuja")).toEqual(["majambazi:police~"]);
  });
});
