import { describe, expect, it } from "vitest";
import { logGamma, upperTailScore } from "./negative-binomial.ts";

/** P(X ≥ count) by direct summation of the probability mass over the next 3,000 values. */
function bruteForceTail(count: number, mean: number, dispersion: number): number {
  let tail = 0;
  for (let k = count; k < count + 3000; k++) {
    if (dispersion === 0) {
      tail += Math.exp(k * Math.log(mean) - mean - logGamma(k + 1));
    } else {
      const size = 1 / dispersion;
      const p = size / (size + mean);
      tail += Math.exp(
        logGamma(k + size) - logGamma(size) - logGamma(k + 1) + size * Math.log(p) + k * Math.log(1 - p),
      );
    }
  }
  return tail;
}

describe("logGamma", () => {
  it("matches known values of ln Γ", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 10);
    expect(logGamma(100.5)).toBeCloseTo(361.4355404677776, 8);
  });
});

describe("upperTailScore", () => {
  it("is 0 for a count of 0 or less: every count is at least that", () => {
    expect(upperTailScore(0, 3, 0.5)).toBe(0);
    expect(upperTailScore(-2, 3, 0.5)).toBe(0);
  });

  it("matches a direct sum for Poisson and negative binomial counts around and beyond the mean", () => {
    for (const [mean, dispersion] of [
      [0.1, 0],
      [2.5, 0],
      [0.2, 0.5],
      [3, 0.3],
      [8, 2],
    ] as const) {
      for (const count of [1, 2, 3, 5, 8, 13]) {
        const expected = -Math.log10(bruteForceTail(count, mean, dispersion));
        expect(upperTailScore(count, mean, dispersion)).toBeCloseTo(expected, 6);
      }
    }
  });

  it("gives the Poisson's one-report score −log10(1 − e^−μ) for a quiet ward", () => {
    expect(upperTailScore(1, 0.05, 0)).toBeCloseTo(-Math.log10(1 - Math.exp(-0.05)), 10);
  });

  it("stays finite and keeps growing far in the tail, where the probability underflows", () => {
    const far = upperTailScore(400, 1, 0);
    expect(Number.isFinite(far)).toBe(true);
    expect(far).toBeGreaterThan(500);
    expect(upperTailScore(401, 1, 0)).toBeGreaterThan(far);
  });

  it("treats more over-dispersion as making a high count less surprising", () => {
    expect(upperTailScore(6, 1, 0)).toBeGreaterThan(upperTailScore(6, 1, 0.5));
    expect(upperTailScore(6, 1, 0.5)).toBeGreaterThan(upperTailScore(6, 1, 2));
  });
});
