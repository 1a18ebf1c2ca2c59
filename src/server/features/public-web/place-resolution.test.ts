import { describe, expect, it } from "vitest";
import { loadGazetteer, searchPlaces } from "../../../common/places/index.ts";
import { buildSearchIndex, search } from "../../../common/places/search.ts";
import { matchScore, resolveTypedPlace } from "./place-resolution.ts";

const inCounty = (countyId: string) =>
  buildSearchIndex(loadGazetteer().filter((p) => p.countyId === countyId && p.kind !== "county"));
const resolveIn = (countyId: string, typed: string) =>
  resolveTypedPlace(typed, search(inCounty(countyId), typed, { limit: 20 }))?.id ?? null;
const resolveAnywhere = (typed: string) =>
  resolveTypedPlace(typed, searchPlaces(typed, { limit: 20 }))?.id ?? null;

describe("resolving a typed place", () => {
  it("finds Kaptembwo in Nakuru from a common misspelling, preferring the settlement to its ward", () => {
    expect(resolveIn("c:032", "kaptembo")).toBe("l:kaptembwo");
    expect(resolveIn("c:032", "Kaptembwo")).toBe("l:kaptembwo");
    expect(resolveIn("c:032", "KAPTEMBWA")).toBe("l:kaptembwo");
  });

  it("keeps Majengo unresolved without a county, and resolves it within Mombasa", () => {
    expect(resolveAnywhere("Majengo")).toBeNull();
    expect(resolveIn("c:001", "Majengo")).toBe("l:majengo-mombasa");
    expect(resolveIn("c:047", "majengo")).toBe("l:majengo-nairobi");
  });

  it("resolves a name that exists only once in Kenya without a county", () => {
    expect(resolveAnywhere("Korogocho")).toBe("l:korogocho");
  });

  it("resolves nothing from text that names no place, or from too few letters", () => {
    expect(resolveIn("c:032", "behind the big church near the river")).toBeNull();
    expect(resolveIn("c:032", "ka")).toBeNull();
    expect(resolveTypedPlace("kaptembwo", [])).toBeNull();
  });

  it("does not resolve a place in another county when the county was chosen", () => {
    expect(resolveIn("c:032", "Korogocho")).toBeNull();
  });

  it("scores an exact alias above a prefix, and a prefix above a typo", () => {
    const kaptembwo = loadGazetteer().find((p) => p.id === "l:kaptembwo");
    if (!kaptembwo) throw new Error("the gazetteer lacks Kaptembwo");
    expect(matchScore("kaptembo", kaptembwo)).toBe(0);
    expect(matchScore("kapte", kaptembwo)).toBe(10);
    expect(matchScore("kaptenbwo", kaptembwo)).toBe(31);
    expect(matchScore("mombasa", kaptembwo)).toBe(Number.POSITIVE_INFINITY);
  });
});
