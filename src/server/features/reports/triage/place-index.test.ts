import { describe, expect, it } from "vitest";
import { buildPlaces } from "../../../../common/places/build.ts";
import { PlaceIndex } from "./place-index.ts";
import { tokenise } from "./text.ts";

const county = (code: string, name: string) => ({
  code,
  iso: "KE-00",
  name,
  lat: -1,
  lng: 37,
  coordinate: "test",
});
const subCounty = (code: string, countyCode: string, name: string) => ({
  code,
  countyCode,
  name,
  lat: -1,
  lng: 37,
  coordinate: "test",
});
const locality = (slug: string, name: string, countyCode: string, subCountyCode: string, extra = {}) => ({
  slug,
  name,
  kind: "estate" as const,
  countyCode,
  subCountyCode,
  aliases: [] as string[],
  ...extra,
});

// A miniature gazetteer with the traps of the real one: shared names, a ward that is an everyday
// word, a locality inside the ward of the same name, and a sub-county split into North and South.
const places = buildPlaces({
  counties: [county("001", "Mombasa"), county("032", "Nakuru"), county("047", "Nairobi")],
  subCounties: [
    subCounty("006", "001", "Mvita"),
    subCounty("170", "032", "Kuresoi South"),
    subCounty("171", "032", "Kuresoi North"),
    subCounty("175", "032", "Nakuru Town West"),
    subCounty("288", "047", "Kamukunji"),
    subCounty("290", "047", "Mathare"),
  ],
  wards: [
    { code: "0030", subCountyCode: "006", name: "Majengo" },
    { code: "0872", subCountyCode: "175", name: "Kaptembwo" },
    { code: "1434", subCountyCode: "288", name: "Pumwani" },
    { code: "1445", subCountyCode: "290", name: "Hospital" },
  ],
  localities: [
    locality("majengo-nairobi", "Majengo", "047", "288", { wardCode: "1434", aliases: ["majengo nairobi"] }),
    locality("majengo-mombasa", "Majengo", "001", "006", { wardCode: "0030", aliases: ["majengo msa"] }),
    locality("gikomba", "Gikomba Market", "047", "288", { aliases: ["gikomba"] }),
    locality("kaptembwo", "Kaptembwo", "032", "175", { wardCode: "0872", aliases: ["kaptembo"] }),
    locality("githurai-44", "Githurai 44", "047", "288", { aliases: ["githu 44"] }),
    locality("lunga-lunga", "Lunga Lunga", "001", "006"),
  ],
});

const index = new PlaceIndex(places, (word) => word === "shabaab");

function resolve(text: string) {
  const tokens = tokenise(text);
  const resolved = index.resolve(tokens, index.find(tokens));
  return resolved
    ? { id: resolved.place.id, county: resolved.county.name, confidence: resolved.confidence }
    : null;
}

describe("PlaceIndex", () => {
  it("leaves a name shared across counties unresolved", () => {
    expect(resolve("vijana wanasajiliwa majengo")).toBeNull();
  });

  it("settles a shared name by a neighbouring place in the same sub-county", () => {
    expect(resolve("majengo near gikomba kuna vijana")).toMatchObject({
      id: "l:majengo-nairobi",
      county: "Nairobi",
    });
  });

  it("settles a shared name by the county named next to it", () => {
    expect(resolve("majengo mombasa kuna shida")).toMatchObject({
      id: "l:majengo-mombasa",
      county: "Mombasa",
    });
    expect(resolve("polisi majengo msa")).toMatchObject({ id: "l:majengo-mombasa" });
  });

  it("prefers the locality over the ward of the same name", () => {
    expect(resolve("wezi kaptembwo")).toEqual({ id: "l:kaptembwo", county: "Nakuru", confidence: 1 });
  });

  it("tolerates a misspelt place, with less confidence", () => {
    const misspelt = resolve("wezi wamevamia kaptebwo usiku");
    expect(misspelt?.id).toBe("l:kaptembwo");
    expect(misspelt?.confidence).toBeLessThan(1);
  });

  it("matches spacing variants of a name", () => {
    expect(resolve("githurai44 kuna wezi")?.id).toBe("l:githurai-44");
    expect(resolve("githu 44 kuna wezi")?.id).toBe("l:githurai-44");
    expect(resolve("lungalunga kuna wezi")?.id).toBe("l:lunga-lunga");
  });

  it("does not take a ward named by an everyday word on its own", () => {
    expect(resolve("nilipelekwa hospital jana")).toBeNull();
    expect(resolve("hospital ward kuna wezi")?.id).toBe("w:1445");
  });

  it("resolves a bare name split into North and South to what they share", () => {
    expect(resolve("kuresoi kuna mzozo")).toMatchObject({ id: "c:032", county: "Nakuru" });
  });

  it("ignores triage vocabulary even when it spells a place", () => {
    expect(index.find(tokenise("shabaab wamekuja"))).toEqual([]);
  });

  it("returns the most specific of several places", () => {
    expect(resolve("nakuru town west mtaa wa kaptembwo")?.id).toBe("l:kaptembwo");
  });
});
