import { describe, expect, it } from "vitest";
import { readFilters } from "../../ui/use-url-filters.ts";
import { DASHBOARD_FILTERS, periodIsBackwards } from "./dashboard-filters.ts";

describe("the dashboard's filters in the address", () => {
  it("are read under the names the dashboard API takes", () => {
    const { values } = readFilters(
      DASHBOARD_FILTERS,
      new URLSearchParams("from=2026-04-01&to=2026-06-30&place=w:0872"),
    );
    expect(values).toEqual({ from: "2026-04-01", to: "2026-06-30", place: "w:0872" });
  });

  it("a period from after to is backwards and so never asked of the server", () => {
    expect(periodIsBackwards({ from: "2026-07-01", to: "2026-06-01" })).toBe(true);
  });

  it("a period of one day, or open at either end, is not backwards", () => {
    expect(periodIsBackwards({ from: "2026-07-01", to: "2026-07-01" })).toBe(false);
    expect(periodIsBackwards({ from: "2026-07-01", to: "" })).toBe(false);
    expect(periodIsBackwards({ from: "", to: "2026-06-01" })).toBe(false);
  });
});
