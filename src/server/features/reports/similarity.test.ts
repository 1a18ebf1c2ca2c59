import { describe, expect, it } from "vitest";
import { DUPLICATE_SIMILARITY, textSimilarity } from "./similarity.ts";

describe("text similarity for duplicate proposals", () => {
  it("finds one incident told twice with different spelling and word order", () => {
    expect(
      textSimilarity(
        "Vijana wanapigana na panga Kaptembwo sasa hivi",
        "vijana wanapigana kaptembo saa hii wako na panga",
      ),
    ).toBeGreaterThanOrEqual(DUPLICATE_SIMILARITY);
    expect(
      textSimilarity("gang robbed a shop in Kayole last night", "a gang robbed shop Kayole yesterday night"),
    ).toBeGreaterThanOrEqual(DUPLICATE_SIMILARITY);
  });

  it("keeps different incidents in the same place apart", () => {
    expect(
      textSimilarity(
        "Vijana wanapigana na panga Kaptembwo sasa hivi",
        "Maji ya mtaro imejaa barabara Kaptembwo",
      ),
    ).toBeLessThan(DUPLICATE_SIMILARITY);
  });

  it("is 1 for the same words, 0 when either text has none", () => {
    expect(textSimilarity("Polisi wamemkamata kijana", "polisi WAMEMKAMATA kijana!")).toBe(1);
    expect(textSimilarity("", "polisi")).toBe(0);
    expect(textSimilarity("😀🔥", "😀🔥")).toBe(0);
  });
});
