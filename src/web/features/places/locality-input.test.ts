import { describe, expect, it } from "vitest";
import { parseAliases, parseCoordinate } from "./locality-input.ts";

describe("reading the add-locality form", () => {
  it("splits other names on commas, dropping blanks and repeats", () => {
    expect(parseAliases(" Gikomba, Gikomba market ,, Gikomba ")).toEqual(["Gikomba", "Gikomba market"]);
    expect(parseAliases("")).toEqual([]);
  });

  it("treats an empty coordinate as not given and accepts a decimal comma", () => {
    expect(parseCoordinate("  ")).toBeUndefined();
    expect(parseCoordinate("-1,2864")).toBe(-1.2864);
    expect(parseCoordinate("36.8172")).toBe(36.8172);
  });

  it("passes nonsense on as NaN for the server to refuse beside the field, rather than dropping it", () => {
    expect(parseCoordinate("north")).toBeNaN();
  });
});
