// CDC EARS C1, C2 and C3 (Hutwagner et al. 2003), kept faithful so they serve as the comparison baseline.
//   C1: baseline = the 7 days immediately before; statistic (y − mean) / sd; alert when > 3.
//   C2: the same with the 7-day baseline lagged by 2 days (days t−9 … t−3); alert when > 3.
//   C3: Σ over days t−2 … t of max(0, C2 − 1); alert when > 2.
// sd is the sample standard deviation (n − 1), floored at `minSigma` as in R's surveillance::earsC. That
// package defaults to 0 (any report after seven silent days alerts, with an infinite statistic); its
// documentation cites Howard Burkom's advice of 0.5 or 1 for sparse data, and we default to 0.5 so the
// comparison is not made against a strawman. Days without a full baseline get score 0 and never alert.
import { allocateScores, type DayScore, type SeriesScores, toDayScores } from "./scores.ts";

export type EarsMethod = "C1" | "C2" | "C3";

export interface EarsOptions {
  method: EarsMethod;
  /** Defaults: 3 for C1 and C2, 2 for C3. */
  threshold?: number;
  minSigma?: number;
  baselineDays?: number;
}

export const EARS_DEFAULT_THRESHOLDS: Record<EarsMethod, number> = { C1: 3, C2: 3, C3: 2 };
export const EARS_DEFAULT_MIN_SIGMA = 0.5;

export function detectEars(counts: ArrayLike<number>, options: EarsOptions): DayScore[] {
  return toDayScores(
    scoreEars(counts, options),
    options.threshold ?? EARS_DEFAULT_THRESHOLDS[options.method],
  );
}

/** Typed-array form; alertScore is the statistic itself (EARS has no further alerting rules). */
export function scoreEars(counts: ArrayLike<number>, options: EarsOptions, out?: SeriesScores): SeriesScores {
  const scores = out ?? allocateScores(counts.length);
  const minSigma = options.minSigma ?? EARS_DEFAULT_MIN_SIGMA;
  const baselineDays = options.baselineDays ?? 7;
  const lag = options.method === "C1" ? 0 : 2;
  computeZ(counts, baselineDays, lag, minSigma, scores);
  if (options.method === "C3") accumulateC3(scores.score, baselineDays + lag);
  scores.alertScore.set(scores.score);
  return scores;
}

/** z_t = (y_t − mean) / max(sd, minSigma) over days t−lag−baseline … t−lag−1. */
function computeZ(
  counts: ArrayLike<number>,
  baselineDays: number,
  lag: number,
  minSigma: number,
  scores: SeriesScores,
): void {
  const firstScored = baselineDays + lag;
  for (let t = 0; t < counts.length; t++) {
    const end = t - lag; // exclusive
    const start = Math.max(0, end - baselineDays);
    let sum = 0;
    for (let s = start; s < end; s++) sum += counts[s] ?? 0;
    const n = end - start;
    const mean = n > 0 ? sum / n : 0;
    scores.expected[t] = mean;
    if (t < firstScored) {
      scores.score[t] = 0;
      continue;
    }
    let squares = 0;
    for (let s = start; s < end; s++) squares += ((counts[s] ?? 0) - mean) ** 2;
    const sigma = Math.max(Math.sqrt(squares / (n - 1)), minSigma);
    scores.score[t] = standardise((counts[t] ?? 0) - mean, sigma);
  }
}

function standardise(excess: number, sigma: number): number {
  if (sigma > 0) return excess / sigma;
  if (excess === 0) return 0;
  return excess > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

/** Turns C2 statistics into C3 in place; the first two scored days lack the previous C2 values. */
function accumulateC3(z: Float64Array, firstC2Day: number): void {
  let previous2 = 0;
  let previous1 = 0;
  for (let t = 0; t < z.length; t++) {
    const excess = Math.max(0, (z[t] ?? 0) - 1);
    z[t] = t >= firstC2Day + 2 ? previous2 + previous1 + excess : 0;
    previous2 = previous1;
    previous1 = excess;
  }
}
