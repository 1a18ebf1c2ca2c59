import { describe, expect, it } from "vitest";
import { choiceFilter, dayFilter, idFilter, readFilters, writeFilters } from "./use-url-filters.ts";

const spec = {
  from: dayFilter,
  to: dayFilter,
  place: idFilter(80),
  days: choiceFilter<number>([7, 30, 90, 0], 90),
};
const read = (query: string) => readFilters(spec, new URLSearchParams(query));

describe("reading filters from the address", () => {
  it("takes every filter the address carries", () => {
    expect(read("from=2026-04-01&to=2026-06-30&place=w:0872&days=30")).toEqual({
      values: { from: "2026-04-01", to: "2026-06-30", place: "w:0872", days: 30 },
      unusable: [],
    });
  });

  it("gives the fallbacks when the address has no filters", () => {
    expect(read("")).toEqual({ values: { from: "", to: "", place: "", days: 90 }, unusable: [] });
  });

  it("a date that is not YYYY-MM-DD is dropped from the filters and reported", () => {
    for (const date of ["01/04/2026", "2026-4-1", "2026-04-01T00:00", "tomorrow", ""]) {
      expect(read(`from=${encodeURIComponent(date)}`)).toEqual({
        values: { from: "", to: "", place: "", days: 90 },
        unusable: ["from"],
      });
    }
  });

  it("a date that does not exist on the calendar is dropped", () => {
    expect(read("to=2026-02-30").values.to).toBe("");
    expect(read("to=2026-13-01").values.to).toBe("");
    expect(read("to=2028-02-29").values.to).toBe("2028-02-29");
  });

  it("a place id that is blank or longer than the server accepts is dropped", () => {
    expect(read("place=%20%20")).toMatchObject({ values: { place: "" }, unusable: ["place"] });
    expect(read(`place=${"x".repeat(81)}`)).toMatchObject({ values: { place: "" }, unusable: ["place"] });
    expect(read("place=%20w:0872%20").values.place).toBe("w:0872");
  });

  it("a choice the page does not offer falls back to the default", () => {
    expect(read("days=45")).toMatchObject({ values: { days: 90 }, unusable: ["days"] });
    expect(read("days=0").values.days).toBe(0);
  });

  it("ignores parameters that are not filters of the page", () => {
    expect(read("tab=map&utm_source=mail").unusable).toEqual([]);
  });
});

describe("writing filters to the address", () => {
  const write = (values: Parameters<typeof writeFilters<typeof spec>>[1], query = "") =>
    writeFilters(spec, values, new URLSearchParams(query)).toString();

  it("writes the filters in effect under the names the page reads", () => {
    expect(write({ from: "2026-04-01", to: "2026-06-30", place: "w:0872", days: 30 })).toBe(
      "from=2026-04-01&to=2026-06-30&place=w%3A0872&days=30",
    );
  });

  it("clearing the filters removes their parameters and keeps the others", () => {
    expect(
      write({ from: "", to: "", place: "", days: 90 }, "from=2026-04-01&place=w:0872&days=7&tab=map"),
    ).toBe("tab=map");
  });

  it("drops unreadable parameters once the filters are written again", () => {
    expect(write({ from: "", to: "2026-06-30", place: "", days: 90 }, "from=nonsense")).toBe("to=2026-06-30");
  });

  it("reads back exactly what it wrote", () => {
    const values = { from: "2026-07-01", to: "2026-09-30", place: "c:032/s:170", days: 0 };
    expect(read(write(values)).values).toEqual(values);
  });
});
