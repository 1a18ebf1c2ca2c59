import { describe, expect, it } from "vitest";
import { barFill, pyramidRows, pyramidScale } from "./chart-geometry.ts";

const row = (gender: string, ageBand: string, people: number) => ({
  keys: { gender, age_band: ageBand },
  uniqueParticipants: people,
  namedAttendances: people * 2,
  anonymousAttendances: 0,
});

describe("progress bars", () => {
  it("fill in proportion to the target and stop at its end", () => {
    expect(barFill(25, 450, 300)).toBe(16.7);
    expect(barFill(450, 450, 300)).toBe(300);
    expect(barFill(600, 450, 300)).toBe(300);
    expect(barFill(0, 450, 300)).toBe(0);
  });

  it("show a target of zero as met once anything happened", () => {
    expect(barFill(0, 0, 300)).toBe(0);
    expect(barFill(2, 0, 300)).toBe(300);
  });
});

describe("the reach pyramid", () => {
  it("puts women and men of each age band side by side, oldest on top, empty bands left out", () => {
    const rows = pyramidRows([
      row("female", "18_24", 10),
      row("male", "18_24", 7),
      row("undisclosed", "18_24", 1),
      row("female", "35_49", 3),
    ]);
    expect(rows).toEqual([
      { ageBand: "35_49", female: 3, male: 0, other: 0 },
      { ageBand: "18_24", female: 10, male: 7, other: 1 },
    ]);
    expect(pyramidScale(rows)).toBe(10);
  });

  it("has a scale even when nobody has been reached", () => {
    expect(pyramidRows([])).toEqual([]);
    expect(pyramidScale([])).toBe(1);
  });
});
