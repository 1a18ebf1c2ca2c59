import { describe, expect, it } from "vitest";
import { buildPlaces, type GazetteerRows } from "./build.ts";
import { countyOf, isWithin, loadGazetteer, type Place, placeById } from "./index.ts";

const places = loadGazetteer();
const ofKind = (kind: Place["kind"]) => places.filter((p) => p.kind === kind);

// Kenya's extent with a small margin; anything outside is a swapped or mistyped coordinate.
const KENYA = { minLat: -4.8, maxLat: 5.1, minLng: 33.9, maxLng: 42.0 };

function kmBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

function pointOf(place: Place): { lat: number; lng: number } {
  if (place.lat === null || place.lng === null) throw new Error(`${place.id} has no coordinates`);
  return { lat: place.lat, lng: place.lng };
}

function ancestorOfKind(place: Place, kind: Place["kind"]): Place {
  const id = place.path.split("/").find((segment) => placeById(segment)?.kind === kind);
  const ancestor = id ? placeById(id) : undefined;
  if (!ancestor) throw new Error(`${place.id} has no ${kind} on its path`);
  return ancestor;
}

describe("gazetteer contents", () => {
  it("holds the 47 counties, 290 constituencies as sub-counties and 1,450 wards", () => {
    expect(ofKind("county")).toHaveLength(47);
    expect(ofKind("sub_county")).toHaveLength(290);
    expect(ofKind("ward")).toHaveLength(1450);
    expect(ofKind("locality").length).toBeGreaterThanOrEqual(120);
  });

  it("lists counties first, then sub-counties, wards and localities", () => {
    const rank = { county: 0, sub_county: 1, ward: 2, locality: 3 };
    const ranks = places.map((p) => rank[p.kind]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("numbers every level with consecutive, unique IEBC codes", () => {
    const expectCodes = (kind: Place["kind"], count: number, width: number) => {
      const codes = ofKind(kind).map((p) => p.code);
      const expected = Array.from({ length: count }, (_, i) => String(i + 1).padStart(width, "0"));
      expect(codes).toEqual(expected);
    };
    expectCodes("county", 47, 3);
    expectCodes("sub_county", 290, 3);
    expectCodes("ward", 1450, 4);
  });

  it("gives every place a unique id and every locality a unique kebab-case slug", () => {
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
    for (const locality of ofKind("locality")) {
      expect(locality.id).toMatch(/^l:[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(locality.code).toBeNull();
    }
  });

  it("keys counties by IEBC code and keeps the alphabetical ISO 3166-2 code as an attribute", () => {
    expect(placeById("c:047")?.name).toBe("Nairobi");
    expect(placeById("c:047")?.attributes.iso).toBe("KE-30");
    expect(placeById("c:001")?.name).toBe("Mombasa");
    expect(placeById("c:001")?.attributes.iso).toBe("KE-28");
    expect(placeById("c:030")?.attributes.iso).toBe("KE-01");
    const isoCodes = ofKind("county").map((c) => c.attributes.iso);
    expect(new Set(isoCodes).size).toBe(47);
  });

  it("includes the two wards kenya-locations lacks", () => {
    expect(placeById("w:0737")).toMatchObject({ name: "Cherang'any/Chebororwa", parentId: "s:148" });
    expect(placeById("w:1344")).toMatchObject({ name: "Kitutu Central", parentId: "s:269" });
  });

  it("links every place to an existing parent of the level above", () => {
    const parentKinds: Record<Place["kind"], Place["kind"][]> = {
      county: [],
      sub_county: ["county"],
      ward: ["sub_county"],
      locality: ["ward", "sub_county"],
    };
    for (const place of places) {
      if (place.kind === "county") {
        expect(place.parentId).toBeNull();
        continue;
      }
      const parent = place.parentId ? placeById(place.parentId) : undefined;
      expect(parent, place.id).toBeDefined();
      expect(parentKinds[place.kind]).toContain(parent?.kind);
    }
  });

  it("builds each path as the parent's path plus the place's own id, starting at its county", () => {
    for (const place of places) {
      const parent = place.parentId ? placeById(place.parentId) : undefined;
      expect(place.path).toBe(parent ? `${parent.path}/${place.id}` : place.id);
      expect(place.path.split("/")[0]).toBe(place.countyId);
      expect(placeById(place.countyId)?.kind).toBe("county");
      expect(isWithin(place.path, place.countyId)).toBe(true);
    }
  });

  it("puts every county and sub-county, and every located locality, inside Kenya", () => {
    const located = places.filter((p) => p.kind !== "ward" && p.lat !== null);
    expect(located.length).toBeGreaterThan(47 + 290);
    for (const place of located) {
      const { lat, lng } = pointOf(place);
      expect(lat, place.id).toBeGreaterThanOrEqual(KENYA.minLat);
      expect(lat, place.id).toBeLessThanOrEqual(KENYA.maxLat);
      expect(lng, place.id).toBeGreaterThanOrEqual(KENYA.minLng);
      expect(lng, place.id).toBeLessThanOrEqual(KENYA.maxLng);
    }
  });

  it("places every sub-county within 150 km of its county's point and says what the point is", () => {
    for (const subCounty of ofKind("sub_county")) {
      const county = ancestorOfKind(subCounty, "county");
      expect(kmBetween(pointOf(subCounty), pointOf(county)), subCounty.id).toBeLessThanOrEqual(150);
      expect(subCounty.attributes.coordinate, subCounty.id).toMatch(/centroid|seat/);
    }
    for (const county of ofKind("county")) expect(county.attributes.coordinate).toMatch(/centroid|seat/);
  });

  it("places localities near their sub-county: within 10 km in the two cities, 100 km elsewhere", () => {
    for (const locality of ofKind("locality").filter((l) => l.lat !== null)) {
      const subCounty = ancestorOfKind(locality, "sub_county");
      const limitKm = locality.countyId === "c:047" || locality.countyId === "c:001" ? 10 : 100;
      expect(kmBetween(pointOf(locality), pointOf(subCounty)), locality.id).toBeLessThanOrEqual(limitKm);
    }
  });

  it("keeps same-named localities apart with distinct slugs and the same name", () => {
    const majengo = ofKind("locality").filter((l) => l.name === "Majengo");
    expect(majengo.map((l) => l.id).sort()).toEqual([
      "l:majengo-kilifi",
      "l:majengo-mombasa",
      "l:majengo-nairobi",
    ]);
    expect(countyOf("l:majengo-nairobi")?.name).toBe("Nairobi");
    expect(countyOf("l:majengo-mombasa")?.name).toBe("Mombasa");
    expect(countyOf("l:huruma-eldoret")?.name).toBe("Uasin Gishu");
  });

  it("puts Soko Mjinga in Nakuru's Kaptembwo ward, as the programme seed describes", () => {
    const sokoMjinga = placeById("l:soko-mjinga");
    expect(sokoMjinga?.path).toBe("c:032/s:175/w:0872/l:soko-mjinga");
    expect(sokoMjinga?.attributes.localityKind).toBe("market");
  });

  it("returns the same memoised array on every load", () => {
    expect(loadGazetteer()).toBe(places);
  });
});

describe("gazetteer building", () => {
  const rows: GazetteerRows = {
    counties: [
      { code: "001", iso: "KE-28", name: "Mombasa", lat: -4, lng: 39.6, coordinate: "approximate centroid" },
    ],
    subCounties: [
      {
        code: "006",
        countyCode: "001",
        name: "Mvita",
        lat: -4,
        lng: 39.6,
        coordinate: "approximate centroid",
      },
    ],
    wards: [{ code: "0030", subCountyCode: "006", name: "Majengo" }],
    localities: [],
  };

  it("attaches a locality to its ward when the ward is known and to its sub-county otherwise", () => {
    const built = buildPlaces({
      ...rows,
      localities: [
        {
          slug: "a",
          name: "A",
          kind: "market",
          countyCode: "001",
          subCountyCode: "006",
          wardCode: "0030",
          aliases: [],
        },
        { slug: "b", name: "B", kind: "village", countyCode: "001", subCountyCode: "006", aliases: [] },
      ],
    });
    expect(built.find((p) => p.id === "l:a")?.path).toBe("c:001/s:006/w:0030/l:a");
    expect(built.find((p) => p.id === "l:b")?.path).toBe("c:001/s:006/l:b");
  });

  it("refuses a ward whose sub-county does not exist", () => {
    expect(() =>
      buildPlaces({ ...rows, wards: [{ code: "0031", subCountyCode: "999", name: "X" }] }),
    ).toThrow(/unknown parent s:999/);
  });

  it("refuses a locality whose county disagrees with its sub-county", () => {
    const locality = {
      slug: "x",
      name: "X",
      kind: "town" as const,
      countyCode: "047",
      subCountyCode: "006",
      aliases: [],
    };
    expect(() => buildPlaces({ ...rows, localities: [locality] })).toThrow(/names c:047\/s:006/);
  });
});
