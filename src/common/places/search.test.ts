import { describe, expect, it } from "vitest";
import { countyOf, isWithin, normalisePlaceName, placeById, placeLabel, searchPlaces } from "./index.ts";
import { prefixEditDistance } from "./search.ts";

const ids = (query: string, opts?: Parameters<typeof searchPlaces>[1]) =>
  searchPlaces(query, opts).map((p) => p.id);

describe("normalisePlaceName", () => {
  it("lowercases, strips diacritics and punctuation and collapses spaces, keeping digits", () => {
    expect(normalisePlaceName("  Kōch!! ")).toBe("koch");
    expect(normalisePlaceName("Mathare   4A")).toBe("mathare 4a");
    expect(normalisePlaceName("Shimo-la-Tewa, Kilifi")).toBe("shimo la tewa kilifi");
  });

  it("joins words across apostrophes, as people type them in SMS", () => {
    expect(normalisePlaceName("Murang'a")).toBe("muranga");
    expect(normalisePlaceName("Ziwa la Ng’ombe")).toBe("ziwa la ngombe");
  });
});

describe("searchPlaces", () => {
  it("finds Korogocho from its Sheng nickname and misspellings", () => {
    expect(ids("koch")[0]).toBe("l:korogocho");
    expect(ids("Korogosho")[0]).toBe("l:korogocho");
    expect(ids("KŌCH")[0]).toBe("l:korogocho");
  });

  it("finds Kaptembwo from the spellings people use", () => {
    expect(ids("kaptembo")[0]).toBe("l:kaptembwo");
    expect(ids("kaptembwa")[0]).toBe("l:kaptembwo");
  });

  it("returns every Majengo, so a caller can see the name is ambiguous", () => {
    const found = ids("majengo");
    expect(found).toEqual(expect.arrayContaining(["l:majengo-nairobi", "l:majengo-mombasa", "w:0030"]));
  });

  it("keeps results inside the place given as `within`", () => {
    expect(ids("majengo", { within: "c:001" })).toEqual(["l:majengo-mombasa", "w:0030"]);
    expect(ids("majengo", { within: "s:288" })).toEqual(["l:majengo-nairobi"]);
    for (const place of searchPlaces("ma", { within: "c:032", limit: 50 })) {
      expect(place.countyId).toBe("c:032");
    }
  });

  it("returns nothing when `within` names no place", () => {
    expect(ids("majengo", { within: "c:999" })).toEqual([]);
  });

  it("filters by kind", () => {
    const wards = searchPlaces("huruma", { kinds: ["ward"] });
    expect(wards.slice(0, 2).map((p) => p.id)).toEqual(["w:0713", "w:1447"]);
    expect(new Set(wards.map((p) => p.kind))).toEqual(new Set(["ward"]));
    expect(ids("nakuru", { kinds: ["county"] })).toEqual(["c:032"]);
  });

  it("ranks exact matches before prefix matches, and prefix matches before typo matches", () => {
    const found = ids("kayole");
    expect(found[0]).toBe("l:kayole");
    expect(found.indexOf("l:kayole-junction")).toBeGreaterThan(0);
    const exactThenTypo = ids("kibra");
    expect(exactThenTypo.slice(0, 2)).toEqual(["s:278", "l:kibera"]);
  });

  it("tolerates a small typo when nothing matches literally", () => {
    expect(ids("korogcho")[0]).toBe("l:korogocho");
    expect(ids("njnga")).toContain("l:mukuru-kwa-njenga");
  });

  it("does not stretch typo tolerance far enough to turn Majengo into Maringo", () => {
    expect(ids("majengo", { limit: 50 })).not.toContain("w:1431");
  });

  it("matches names typed without their spaces", () => {
    expect(ids("githurai44")[0]).toBe("l:githurai-44");
    expect(ids("kayolejunction")[0]).toBe("l:kayole-junction");
  });

  it("matches a later word of a name as a prefix", () => {
    expect(ids("njenga")).toContain("l:mukuru-kwa-njenga");
  });

  it("respects the limit and returns nothing for an empty query", () => {
    expect(searchPlaces("ka", { limit: 3 })).toHaveLength(3);
    expect(searchPlaces("  !! ")).toEqual([]);
    expect(searchPlaces("kayole", { limit: 0 })).toEqual([]);
  });

  it("returns the same order every time", () => {
    expect(ids("ma", { limit: 40 })).toEqual(ids("ma", { limit: 40 }));
  });
});

describe("hierarchy helpers", () => {
  it("checks containment by whole path segments, inclusively", () => {
    const path = "c:047/s:288/w:1434/l:majengo-nairobi";
    expect(isWithin(path, "c:047")).toBe(true);
    expect(isWithin(path, "s:288")).toBe(true);
    expect(isWithin(path, "l:majengo-nairobi")).toBe(true);
    expect(isWithin(path, "s:28")).toBe(false);
    expect(isWithin(path, "c:001")).toBe(false);
    expect(isWithin(path, "")).toBe(false);
  });

  it("finds a place's county from any level", () => {
    expect(countyOf("l:korogocho")?.id).toBe("c:047");
    expect(countyOf("w:0872")?.name).toBe("Nakuru");
    expect(countyOf("c:030")?.name).toBe("Baringo");
    expect(countyOf("l:nowhere")).toBeUndefined();
  });

  it("labels a place with its sub-county and county", () => {
    const place = placeById("l:majengo-mombasa");
    expect(place && placeLabel(place)).toBe("Majengo, Mvita, Mombasa");
    const county = placeById("c:047");
    expect(county && placeLabel(county)).toBe("Nairobi");
  });
});

describe("prefixEditDistance", () => {
  it("measures the distance to the closest prefix of the target", () => {
    expect(prefixEditDistance("korog", "korogocho", 2)).toBe(0);
    expect(prefixEditDistance("korogcho", "korogocho", 2)).toBe(1);
    expect(prefixEditDistance("kaptembo", "kaptembwo", 1)).toBe(1);
  });

  it("gives up beyond the allowed number of edits", () => {
    expect(prefixEditDistance("majengo", "maringo", 1)).toBe(Number.POSITIVE_INFINITY);
    expect(prefixEditDistance("xyz", "korogocho", 2)).toBe(Number.POSITIVE_INFINITY);
  });
});
