import { describe, expect, it } from "vitest";
import {
  barFill,
  labelEvery,
  niceCeiling,
  pyramidRows,
  pyramidScale,
  stackSegments,
} from "./chart-geometry.ts";

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

describe("stacked activity bars", () => {
  it("the axis top is a round number at or above the tallest bar", () => {
    expect([0, 1, 3, 7, 10, 11, 38, 120, 501].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 50, 200, 1000]);
  });

  it("stacks each type with a count from the bottom up, in legend order, filling the plot at the maximum", () => {
    const segments = stackSegments(
      { training: 1, dialogue_session: 3 },
      ["dialogue_session", "police_cafe", "training"],
      4,
      100,
    );
    expect(segments).toEqual([
      { type: "dialogue_session", count: 3, y: 25, height: 75 },
      { type: "training", count: 1, y: 0, height: 25 },
    ]);
    expect(stackSegments({}, ["training"], 0, 100)).toEqual([]);
  });

  it("labels every bar when there is room, and every few when there is not", () => {
    expect(labelEvery(12, 40, 36)).toBe(1);
    expect(labelEvery(52, 10, 36)).toBe(4);
    expect(labelEvery(0, 10, 36)).toBe(1);
  });
});
