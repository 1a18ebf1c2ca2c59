import { describe, expect, it } from "vitest";
import { allowedEdits, editDistance, FuzzyIndex } from "./fuzzy.ts";

describe("editDistance", () => {
  it("counts substitutions, insertions, deletions and transpositions", () => {
    expect(editDistance("kaptembwo", "kaptembwo", 2)).toBe(0);
    expect(editDistance("kaptebwo", "kaptembwo", 2)).toBe(1);
    expect(editDistance("kaptembow", "kaptembwo", 2)).toBe(1);
    expect(editDistance("kaptemvo", "kaptembwo", 2)).toBe(2);
  });

  it("stops at the limit", () => {
    expect(editDistance("korogocho", "mombasa", 2)).toBe(3);
  });
});

describe("FuzzyIndex", () => {
  it("finds words one or two edits away, closest first", () => {
    const index = new FuzzyIndex();
    for (const word of ["kaptembwo", "korogocho", "kariobangi"]) index.add(word);
    expect(index.lookup("korogoch")).toEqual([{ word: "korogocho", distance: 1 }]);
    expect(index.lookup("kariobngii")[0]).toEqual({ word: "kariobangi", distance: 2 });
    expect(index.lookup("nairobi")).toEqual([]);
  });

  it("tolerates no edits in short words, where they would collide", () => {
    expect(allowedEdits(4)).toBe(0);
    const index = new FuzzyIndex();
    index.add("hola");
    expect(index.lookup("hila")).toEqual([]);
  });
});
