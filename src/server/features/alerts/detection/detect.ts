// Early-warning spike detector for one daily count series (one ward × category). See README.md for the
// method, the evidence behind its choices and the measured figures. In short, for each day t:
//   expected μ_t = rate × weekday factor, where the rate comes from a LAGGED window (days t−G−W … t−G−1,
//     so an outbreak in progress does not inflate its own baseline) and the weekday factors from a longer
//     lagged window, shrunk towards 1 when reports are few;
//   past days that were themselves unusual enter the baselines capped (robustness to past outbreaks);
//   the score is −log10 of the upper-tail probability of a negative binomial whose dispersion combines a
//     shrunken per-series over-dispersion estimate with the uncertainty of the rate itself, for the day
//     alone and for the 2- and 3-day sums ending today (low-grade clusters spread over a few days);
//   a day alerts when its score exceeds the threshold AND it has enough reports (a single report on a
//     quiet ward never alerts); in the first weeks, with little history, only clearly extreme days alert.
// O(n) per series, no allocation per day: every window is a running sum over typed arrays.
import { upperTailScore } from "./negative-binomial.ts";
import { allocateScores, type DayScore, type SeriesScores, toDayScores } from "./scores.ts";

export type { DayScore, SeriesScores };

export interface DetectorOptions {
  /** A day alerts when its alert score exceeds this (−log10 p scale). */
  threshold?: number;
  /** Level window length in days. */
  baselineDays?: number;
  /** Most recent days left out of every baseline. */
  guardDays?: number;
  /** Window for weekday factors and over-dispersion, in days. */
  weekdayDays?: number;
  /** Pseudo-reports per weekday pulling weekday factors towards 1. */
  weekdayPrior?: number;
  /** Prior over-dispersion θ (variance μ + θμ²) and its weight, in units of Σμ². */
  dispersionPrior?: number;
  dispersionPriorWeight?: number;
  /** Longest multi-day window (1 disables them). */
  windowDays?: number;
  /** Reports needed on the day itself for a single-day alert. */
  minCount?: number;
  /** Reports needed over a multi-day window for a window alert. */
  minWindowCount?: number;
  /** Days with too little history, and the extra score they need to alert. */
  warmupDays?: number;
  warmupMargin?: number;
  /** Days scoring above this enter later baselines capped. */
  capScore?: number;
}

export const DEFAULT_DETECTOR_OPTIONS: Required<DetectorOptions> = {
  threshold: 3,
  baselineDays: 56,
  guardDays: 7,
  weekdayDays: 364,
  weekdayPrior: 5,
  dispersionPrior: 0.3,
  dispersionPriorWeight: 5,
  windowDays: 3,
  minCount: 2,
  minWindowCount: 3,
  warmupDays: 28,
  warmupMargin: 2,
  capScore: 3,
};

/** Gamma prior on the daily rate: half a report over one day; it only matters for near-silent series. */
const RATE_PRIOR_REPORTS = 0.5;
const RATE_PRIOR_DAYS = 1;
/** Below this many days in the lagged window, the baseline uses every earlier day instead. */
const MIN_LAGGED_DAYS = 14;
const MIN_DISPERSION = 0.01;
const MAX_DISPERSION = 4;
const SHARED_DISPERSION_PRIOR = 0.05;

/** Per-day results for one series; see DetectorOptions for the alerting rules. */
export function detectSeries(counts: ArrayLike<number>, options: DetectorOptions = {}): DayScore[] {
  const settings = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
  return toDayScores(scoreSeries(counts, settings), settings.threshold);
}

/** Scores many series, reusing one scratch area; results are typed arrays (alert = alertScore > threshold). */
export function detectMany(
  series: Map<string, ArrayLike<number>>,
  options: DetectorOptions = {},
): Map<string, SeriesScores> {
  const detector = createDetector(options);
  const results = new Map<string, SeriesScores>();
  for (const [key, counts] of series) results.set(key, detector.score(counts));
  return results;
}

export interface Detector {
  readonly options: Required<DetectorOptions>;
  /** Scores one series into `out` (allocated when absent); reuses internal scratch between calls. */
  score(counts: ArrayLike<number>, out?: SeriesScores): SeriesScores;
}

export function createDetector(options: DetectorOptions = {}): Detector {
  const settings = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
  let scratch = new Float64Array(0);
  return {
    options: settings,
    score(counts, out) {
      const needed = 2 * counts.length + 1;
      if (scratch.length < needed) scratch = new Float64Array(Math.max(needed, 2 * scratch.length));
      return scoreSeries(counts, settings, out, scratch);
    },
  };
}

export function scoreSeries(
  counts: ArrayLike<number>,
  options: DetectorOptions = {},
  out?: SeriesScores,
  scratch?: Float64Array,
): SeriesScores {
  const settings = { ...DEFAULT_DETECTOR_OPTIONS, ...options };
  const n = counts.length;
  const scores = out ?? allocateScores(n);
  const space = scratch && scratch.length >= 2 * n + 1 ? scratch : new Float64Array(2 * n + 1);
  const capped = space.subarray(0, n);
  const cappedPrefix = space.subarray(n, 2 * n + 1);
  cappedPrefix[0] = 0;
  const state = new BaselineState(settings, capped, cappedPrefix, scores.expected);
  for (let t = 0; t < n; t++) {
    const count = counts[t];
    if (count === undefined || !Number.isInteger(count) || count < 0) {
      throw new RangeError(`counts[${t}] must be a non-negative integer, got ${count}`);
    }
    state.advanceTo(t);
    scoreDay(t, counts, settings, state, scores);
    const kept = cappedCount(count, scores, t, state.dispersion, settings.capScore);
    capped[t] = kept;
    cappedPrefix[t + 1] = (cappedPrefix[t] ?? 0) + kept;
  }
  return scores;
}

/**
 * Baselines for the current day. Past days enter them capped (see cappedCount). The level comes from
 * prefix sums over a lagged window; weekday factors and over-dispersion moments are running sums over
 * a longer lagged window, fed with the expected value stored for each past day.
 */
class BaselineState {
  readonly settings: Required<DetectorOptions>;
  readonly capped: Float64Array;
  readonly cappedPrefix: Float64Array;
  readonly expected: Float64Array;
  readonly weekdaySums = new Float64Array(7);
  readonly factors = new Float64Array(7);
  weekdayTotal = 0;
  excessMoment = 0;
  squaredMeanMoment = 0;
  crossMoment = 0;
  crossMeanMoment = 0;
  /** Outputs of advanceTo for the current day. */
  rate = 0;
  rateReports = 0;
  dispersion = 0;
  /** The part of the dispersion shared by neighbouring days (slow drifts, baseline misfit). */
  sharedDispersion = 0;

  constructor(
    settings: Required<DetectorOptions>,
    capped: Float64Array,
    prefix: Float64Array,
    expected: Float64Array,
  ) {
    this.settings = settings;
    this.capped = capped;
    this.cappedPrefix = prefix;
    this.expected = expected;
  }

  advanceTo(t: number): void {
    const { guardDays, weekdayDays, warmupDays } = this.settings;
    const entering = t - guardDays - 1;
    if (entering >= 0) {
      // Days from the warm-up were scored against immature baselines: keep them out of the dispersion.
      this.addToWeekdayWindow(entering, 1, entering >= warmupDays);
      const leaving = entering - weekdayDays;
      if (leaving >= 0) this.addToWeekdayWindow(leaving, -1, leaving >= warmupDays);
    }
    this.updateFactors();
    this.updateRate(t);
    this.updateDispersion();
  }

  private addToWeekdayWindow(s: number, sign: number, withMoments: boolean) {
    const c = this.capped[s] ?? 0;
    this.weekdaySums[s % 7] = (this.weekdaySums[s % 7] ?? 0) + sign * c;
    this.weekdayTotal += sign * c;
    if (!withMoments) return;
    const mu = this.expected[s] ?? 0;
    const previousMu = this.expected[s - 1] ?? 0;
    this.excessMoment += sign * ((c - mu) * (c - mu) - c);
    this.squaredMeanMoment += sign * mu * mu;
    this.crossMoment += sign * (c - mu) * ((this.capped[s - 1] ?? 0) - previousMu);
    this.crossMeanMoment += sign * mu * previousMu;
  }

  private updateFactors() {
    const prior = this.settings.weekdayPrior;
    const denominator = this.weekdayTotal / 7 + prior;
    for (let d = 0; d < 7; d++) this.factors[d] = ((this.weekdaySums[d] ?? 0) + prior) / denominator;
  }

  /** Reports per factor-day over the lagged level window; each day counts by its weekday factor. */
  private updateRate(t: number) {
    const { guardDays, baselineDays } = this.settings;
    let end = t - guardDays;
    let start = Math.max(0, end - baselineDays);
    if (end < MIN_LAGGED_DAYS) {
      // Too little lagged history: use every earlier day, ongoing outbreak or not (documented trade-off).
      start = 0;
      end = t;
    }
    let exposure = 0;
    for (let d = 0; d < 7; d++)
      exposure += (daysOnWeekday(end, d) - daysOnWeekday(start, d)) * (this.factors[d] ?? 1);
    this.rateReports = (this.cappedPrefix[end] ?? 0) - (this.cappedPrefix[start] ?? 0) + RATE_PRIOR_REPORTS;
    this.rate = this.rateReports / (exposure + RATE_PRIOR_DAYS);
  }

  private updateDispersion() {
    const { dispersionPrior, dispersionPriorWeight } = this.settings;
    const estimate =
      (this.excessMoment + dispersionPrior * dispersionPriorWeight) /
      (this.squaredMeanMoment + dispersionPriorWeight);
    this.dispersion = Math.min(MAX_DISPERSION, Math.max(MIN_DISPERSION, estimate));
    const shared =
      (this.crossMoment + SHARED_DISPERSION_PRIOR * dispersionPriorWeight) /
      (this.crossMeanMoment + dispersionPriorWeight);
    this.sharedDispersion = Math.min(this.dispersion, Math.max(0, shared));
  }
}

function scoreDay(
  t: number,
  counts: ArrayLike<number>,
  settings: Required<DetectorOptions>,
  state: BaselineState,
  scores: SeriesScores,
): void {
  const { factors, rate, dispersion, sharedDispersion } = state;
  const dailyDispersion = dispersion - sharedDispersion;
  const rateUncertainty = 1 / state.rateReports;
  const today = counts[t] ?? 0;
  const factorToday = factors[t % 7] ?? 1;
  const expectedToday = rate * factorToday;
  scores.expected[t] = expectedToday;
  const single = upperTailScore(today, expectedToday, combine(dispersion, rateUncertainty));
  let score = single;
  let alertScore = today >= settings.minCount ? single : 0;
  if (today > expectedToday) {
    // Windows ending today, only when today itself is above expectation: a normal day after a spike
    // must not look unusual because of yesterday.
    let windowCount = today;
    let factorSum = factorToday;
    let factorSquares = factorToday * factorToday;
    for (let d = 1; d < settings.windowDays && d <= t; d++) {
      const f = factors[(t - d) % 7] ?? 1;
      windowCount += counts[t - d] ?? 0;
      factorSum += f;
      factorSquares += f * f;
      const windowDispersion = combine(
        (dailyDispersion * factorSquares) / (factorSum * factorSum) + sharedDispersion,
        rateUncertainty,
      );
      const windowScore = upperTailScore(windowCount, rate * factorSum, windowDispersion);
      if (windowScore > score) score = windowScore;
      if (windowCount >= settings.minWindowCount && windowScore > alertScore) alertScore = windowScore;
    }
  }
  scores.score[t] = score;
  scores.alertScore[t] = t < settings.warmupDays ? alertScore - settings.warmupMargin : alertScore;
}

/** Number of days s in [0, end) with s mod 7 = weekday. */
function daysOnWeekday(end: number, weekday: number): number {
  return end > weekday ? Math.floor((end - weekday + 6) / 7) : 0;
}

/** Squared coefficients of variation of independent multiplicative gamma effects combine as a + b + ab. */
function combine(a: number, b: number): number {
  return a + b + a * b;
}

/** Unusual days enter later baselines at roughly the upper edge of what was expected, never below 1. */
function cappedCount(
  count: number,
  scores: SeriesScores,
  t: number,
  dispersion: number,
  capScore: number,
): number {
  if ((scores.score[t] ?? 0) <= capScore) return count;
  const mu = scores.expected[t] ?? 0;
  const ceiling = Math.max(1, mu + 2 * Math.sqrt(mu * (1 + dispersion * mu)));
  return Math.min(count, ceiling);
}
