import { describe, expect, it } from "vitest";
import { createRandom, gamma, negativeBinomial, poisson } from "./random.ts";
import { DAY_AFTER_OUTBREAK, DAY_OUTBREAK, DAY_QUIET, DAY_WARMUP, generateSynthetic } from "./synthetic.ts";

function meanAndVariance(values: number[]): [number, number] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return [mean, variance];
}

describe("seeded random numbers", () => {
  it("repeat exactly for a seed and differ between seeds", () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1).every((u) => u >= 0 && u < 1)).toBe(true);
  });

  it("draw Poisson, gamma and negative binomial values with the right mean and variance", () => {
    const random = createRandom(3);
    const n = 40_000;
    const [poissonMean, poissonVariance] = meanAndVariance(
      Array.from({ length: n }, () => poisson(random, 2.5)),
    );
    expect(poissonMean).toBeCloseTo(2.5, 1);
    expect(poissonVariance).toBeCloseTo(2.5, 1);
    const [bigMean, bigVariance] = meanAndVariance(Array.from({ length: n }, () => poisson(random, 60)));
    expect(bigMean / 60).toBeCloseTo(1, 1);
    expect(bigVariance / 60).toBeCloseTo(1, 1);
    const [gammaMean, gammaVariance] = meanAndVariance(Array.from({ length: n }, () => gamma(random, 0.5)));
    expect(gammaMean).toBeCloseTo(0.5, 1);
    expect(gammaVariance).toBeCloseTo(0.5, 1);
    // NB(mean 3, size 2): variance 3 + 9/2 = 7.5.
    const [nbMean, nbVariance] = meanAndVariance(
      Array.from({ length: n }, () => negativeBinomial(random, 3, 2)),
    );
    expect(nbMean).toBeCloseTo(3, 1);
    expect(nbVariance / 7.5).toBeCloseTo(1, 1);
  });
});

describe("generateSynthetic", () => {
  const data = generateSynthetic({ seed: 11, series: 400, days: 365 });

  it("is deterministic for a seed", () => {
    const again = generateSynthetic({ seed: 11, series: 400, days: 365 });
    expect(again.map((s) => Array.from(s.counts))).toEqual(data.map((s) => Array.from(s.counts)));
    const other = generateSynthetic({ seed: 12, series: 400, days: 365 });
    expect(other.map((s) => Array.from(s.counts))).not.toEqual(data.map((s) => Array.from(s.counts)));
  });

  it("makes most series sparse (0.05–0.5 reports a day) and some busy, with mostly empty days", () => {
    const rates = data.map((s) => s.baseRate);
    const sparse = rates.filter((r) => r >= 0.05 && r <= 0.5).length / rates.length;
    const busy = rates.filter((r) => r > 1).length / rates.length;
    expect(sparse).toBeGreaterThan(0.6);
    expect(busy).toBeGreaterThan(0.04);
    expect(busy).toBeLessThan(0.2);
    const days = data.flatMap((s) => Array.from(s.counts));
    expect(days.filter((c) => c === 0).length / days.length).toBeGreaterThan(0.7);
  });

  it("over-disperses counts beyond a Poisson with the same expected values", () => {
    let excess = 0;
    let expected = 0;
    for (const s of data) {
      for (let t = 0; t < s.counts.length; t++) {
        if (s.labels[t] !== DAY_QUIET) continue;
        const mu = s.trueMean[t] ?? 0;
        excess += ((s.counts[t] ?? 0) - mu) ** 2 - mu;
        expected += mu * mu;
      }
    }
    expect(excess / expected).toBeGreaterThan(0.2);
  });

  it("labels warm-up, outbreak and after-outbreak days consistently with the outbreaks it injected", () => {
    let outbreaks = 0;
    for (const s of data) {
      for (let t = 0; t < 14; t++) expect(s.labels[t]).toBe(DAY_WARMUP);
      for (const outbreak of s.outbreaks) {
        outbreaks++;
        expect(outbreak.length).toBeGreaterThanOrEqual(1);
        expect(outbreak.length).toBeLessThanOrEqual(5);
        expect(outbreak.start).toBeGreaterThanOrEqual(56);
        for (let j = 0; j < outbreak.length; j++) {
          expect(s.labels[outbreak.start + j]).toBe(DAY_OUTBREAK);
          expect(s.counts[outbreak.start + j]).toBeGreaterThanOrEqual(outbreak.extra[j] ?? 0);
        }
        const after = outbreak.start + outbreak.length;
        if (after < s.labels.length) expect(s.labels[after]).toBe(DAY_AFTER_OUTBREAK);
      }
      const labelled = Array.from(s.labels).filter((l) => l === DAY_OUTBREAK).length;
      expect(labelled).toBe(s.outbreaks.reduce((a, o) => a + o.length, 0));
    }
    expect(outbreaks).toBeGreaterThan(250);
  });

  it("puts a weekly rhythm into the expected counts", () => {
    const strongest = Math.max(
      ...data.map((s) => {
        const week = Array.from({ length: 7 }, (_, d) => s.trueMean[d] ?? 0);
        return Math.max(...week) / Math.min(...week);
      }),
    );
    expect(strongest).toBeGreaterThan(2);
  });
});
