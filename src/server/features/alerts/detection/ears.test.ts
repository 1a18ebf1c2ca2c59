import { describe, expect, it } from "vitest";
import { detectEars, scoreEars } from "./ears.ts";

// Hand-computed (sample sd, n − 1):
//   C1 day 7: baseline 1..7, mean 4, sd √(28/6) = 2.1602 → (10 − 4)/2.1602 = 2.7775
//   C1 day 8: baseline 2,3,4,5,6,7,10, mean 5.2857, sd 2.6904 → (0 − 5.2857)/2.6904 = −1.9647
//   C2 day 9: baseline days 0..6 → (8 − 4)/2.1602 = 1.8516
//   C2 day 10: baseline days 1..7 → (3 − 5.2857)/2.6904 = −0.8496
//   C2 day 11: baseline 3,4,5,6,7,10,0, mean 5, sd √10 → (12 − 5)/3.1623 = 2.2136
//   C3 day 11: max(0, 1.8516 − 1) + max(0, −0.8496 − 1) + max(0, 2.2136 − 1) = 2.0652
const COUNTS = [1, 2, 3, 4, 5, 6, 7, 10, 0, 8, 3, 12];

describe("EARS", () => {
  it("C1 standardises each day against the 7 days just before it", () => {
    const days = detectEars(COUNTS, { method: "C1" });
    expect(days[7]?.score).toBeCloseTo(2.7775, 4);
    expect(days[7]?.expected).toBeCloseTo(4, 10);
    expect(days[8]?.score).toBeCloseTo(-1.9647, 4);
    expect(days[7]?.alert).toBe(false);
  });

  it("C2 uses the 7-day baseline lagged by two days", () => {
    const days = detectEars(COUNTS, { method: "C2" });
    expect(days[9]?.score).toBeCloseTo(1.8516, 4);
    expect(days[10]?.score).toBeCloseTo(-0.8496, 4);
    expect(days[11]?.score).toBeCloseTo(2.2136, 4);
    expect(days[11]?.expected).toBeCloseTo(5, 10);
  });

  it("C3 sums the C2 excesses over 1 of the last three days and alerts above 2", () => {
    const days = detectEars(COUNTS, { method: "C3" });
    expect(days[11]?.score).toBeCloseTo(2.0652, 4);
    expect(days[11]?.alert).toBe(true);
  });

  it("alerts when the statistic exceeds 3 for C1 and C2", () => {
    const counts = [2, 3, 2, 3, 2, 3, 2, 9];
    const c1 = detectEars(counts, { method: "C1" })[7];
    expect(c1?.score).toBeGreaterThan(3);
    expect(c1?.alert).toBe(true);
  });

  it("scores days without a full baseline as 0 and never alerts on them", () => {
    for (const [method, firstScored] of [
      ["C1", 7],
      ["C2", 9],
      ["C3", 11],
    ] as const) {
      const days = detectEars([50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50], { method });
      for (let t = 0; t < firstScored; t++) {
        expect(days[t]?.score).toBe(0);
        expect(days[t]?.alert).toBe(false);
      }
    }
  });

  it("floors the sd at minSigma (0.5 by default) so a flat baseline gives a finite statistic", () => {
    const counts = [0, 0, 0, 0, 0, 0, 0, 1];
    expect(detectEars(counts, { method: "C1" })[7]?.score).toBeCloseTo(2, 10);
    expect(detectEars(counts, { method: "C1", minSigma: 1 })[7]?.score).toBeCloseTo(1, 10);
  });

  it("with no floor, like R's surveillance default, any report after a silent week is infinitely unusual", () => {
    expect(scoreEars([0, 0, 0, 0, 0, 0, 0, 1], { method: "C1", minSigma: 0 }).score[7]).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(scoreEars([0, 0, 0, 0, 0, 0, 0, 0], { method: "C1", minSigma: 0 }).score[7]).toBe(0);
  });

  it("honours a custom threshold", () => {
    expect(detectEars(COUNTS, { method: "C1", threshold: 2.5 })[7]?.alert).toBe(true);
  });
});
