// Seeded generator of realistic sparse report counts (one series = one ward × category) with injected
// outbreaks and ground-truth labels, for measuring detectors. Deliberately nastier than a textbook
// Poisson: skewed base rates, weekly rhythms (including market days), slow trends, seasonality, a slowly
// wandering level, negative-binomial over-dispersion, and single-day spikes that are NOT outbreaks.
import {
  createRandom,
  integerBetween,
  negativeBinomial,
  poisson,
  type Random,
  standardNormal,
  uniform,
} from "./random.ts";

/** Day labels: quiet days are where a false alarm is counted. */
export const DAY_QUIET = 0;
export const DAY_OUTBREAK = 1;
/** Just after an outbreak: alerts there are neither credited nor counted as false. */
export const DAY_AFTER_OUTBREAK = 2;
/** Too early in the series to judge any method. */
export const DAY_WARMUP = 3;

export interface Outbreak {
  start: number;
  length: number;
  /** Extra reports injected on each outbreak day. */
  extra: number[];
}

export interface SyntheticSeries {
  id: string;
  counts: Int32Array;
  labels: Uint8Array;
  outbreaks: Outbreak[];
  baseRate: number;
  /** The true expected count each day (before spikes and outbreaks) and the NB size: what an oracle knows. */
  trueMean: Float64Array;
  size: number;
}

export interface SyntheticOptions {
  seed: number;
  series: number;
  days: number;
  /** Mean number of outbreaks injected per series (Poisson). */
  outbreaksPerSeries?: number;
  /** Probability per day of a single-day spike that is not an outbreak. */
  noiseSpikeRate?: number;
  /** Days at the start that are labelled warm-up; no outbreak starts before `outbreakEarliestDay`. */
  warmupDays?: number;
  outbreakEarliestDay?: number;
  /** Days after an outbreak excluded from false-alarm counting. */
  afterOutbreakDays?: number;
  /** Range of extra reports a day an outbreak adds on a quiet ward (scaled by √baseline on busy ones). */
  outbreakExtra?: [number, number];
  /** Range of the negative-binomial size (smaller = more over-dispersed), drawn log-uniformly. */
  sizeRange?: [number, number];
  /** Share of busy series (around 1–6 reports a day). */
  busyShare?: number;
  /** Standard deviation of the slowly wandering log level. */
  wanderSd?: number;
}

const DEFAULTS = {
  outbreaksPerSeries: 0.8,
  noiseSpikeRate: 0.001,
  warmupDays: 14,
  outbreakEarliestDay: 56,
  afterOutbreakDays: 7,
  outbreakExtra: [2, 10] as [number, number],
  sizeRange: [0.7, 10] as [number, number],
  busyShare: 0.1,
  wanderSd: 0.15,
};

/** A common weekly shape (log scale): busier Friday and Saturday, quieter Sunday morning reporting. */
const WEEKLY_SHAPE = [0, -0.05, -0.05, 0, 0.15, 0.3, -0.2];

export function generateSynthetic(options: SyntheticOptions): SyntheticSeries[] {
  const settings = { ...DEFAULTS, ...options };
  const random = createRandom(options.seed);
  const result: SyntheticSeries[] = [];
  for (let i = 0; i < options.series; i++) result.push(generateOne(random, `s${i}`, settings));
  return result;
}

type Settings = typeof DEFAULTS & SyntheticOptions;

function generateOne(random: Random, id: string, settings: Settings): SyntheticSeries {
  const { days } = settings;
  const baseRate = drawBaseRate(random, settings.busyShare);
  const mean = drawMeanPath(random, baseRate, days, settings.wanderSd);
  const [smallestSize, largestSize] = settings.sizeRange;
  const size = Math.exp(uniform(random, Math.log(smallestSize), Math.log(largestSize)));
  const counts = new Int32Array(days);
  for (let t = 0; t < days; t++) counts[t] = negativeBinomial(random, mean[t] ?? 0, size);
  for (let t = settings.warmupDays; t < days; t++) {
    if (random.next() < settings.noiseSpikeRate) counts[t] = (counts[t] ?? 0) + integerBetween(random, 2, 4);
  }
  const labels = new Uint8Array(days);
  labels.fill(DAY_WARMUP, 0, Math.min(days, settings.warmupDays));
  const outbreaks = placeOutbreaks(random, settings, mean);
  for (const outbreak of outbreaks) {
    outbreak.extra.forEach((extra, j) => {
      const t = outbreak.start + j;
      counts[t] = (counts[t] ?? 0) + extra;
      labels[t] = DAY_OUTBREAK;
    });
    const afterEnd = Math.min(days, outbreak.start + outbreak.length + settings.afterOutbreakDays);
    for (let t = outbreak.start + outbreak.length; t < afterEnd; t++) {
      if (labels[t] === DAY_QUIET) labels[t] = DAY_AFTER_OUTBREAK;
    }
  }
  return { id, counts, labels, outbreaks, baseRate, trueMean: mean, size };
}

/** Most wards are quiet (0.05–0.5 reports a day); by default one in ten is busy (around 1–6). */
function drawBaseRate(random: Random, busyShare: number): number {
  const busy = random.next() < busyShare;
  const median = busy ? 2 : 0.15;
  const spread = busy ? 0.6 : 0.8;
  return Math.max(0.01, median * Math.exp(spread * standardNormal(random)));
}

/** Expected counts per day: base × weekday × trend × season × slowly wandering level. */
function drawMeanPath(random: Random, baseRate: number, days: number, wanderSd: number): Float64Array {
  const weekday = drawWeekdayFactors(random);
  const slopePerDay = (0.4 * standardNormal(random)) / 365;
  const seasonAmplitude = uniform(random, 0, 0.3);
  const seasonPhase = uniform(random, 0, 2 * Math.PI);
  // AR(1) on the log scale with persistence 0.97: weeks-long drifts.
  const persistence = 0.97;
  const innovation = wanderSd * Math.sqrt(1 - persistence * persistence);
  let wander = wanderSd * standardNormal(random);
  const mean = new Float64Array(days);
  for (let t = 0; t < days; t++) {
    wander = persistence * wander + innovation * standardNormal(random);
    const season = seasonAmplitude * Math.sin((2 * Math.PI * t) / 365 + seasonPhase);
    mean[t] = baseRate * (weekday[t % 7] ?? 1) * Math.exp(slopePerDay * t + season + wander);
  }
  return mean;
}

/** A shared weekly shape at a random strength, plus sometimes a market day with 2–3× the reports. */
function drawWeekdayFactors(random: Random): number[] {
  const strength = uniform(random, 0, 1.5);
  const offset = integerBetween(random, 0, 6);
  const logs = WEEKLY_SHAPE.map((v, d) => strength * (WEEKLY_SHAPE[(d + offset) % 7] ?? v));
  if (random.next() < 0.2) {
    const marketDay = integerBetween(random, 0, 6);
    logs[marketDay] = (logs[marketDay] ?? 0) + Math.log(uniform(random, 2, 3));
  }
  const factors = logs.map((v) => Math.exp(v + 0.05 * standardNormal(random)));
  const average = factors.reduce((a, b) => a + b, 0) / 7;
  return factors.map((f) => f / average);
}

function placeOutbreaks(random: Random, settings: Settings, mean: Float64Array): Outbreak[] {
  const { days, outbreakEarliestDay } = settings;
  const wanted = poisson(random, settings.outbreaksPerSeries);
  const outbreaks: Outbreak[] = [];
  for (let attempt = 0; outbreaks.length < wanted && attempt < 20; attempt++) {
    const length = integerBetween(random, 1, 5);
    const start = integerBetween(random, outbreakEarliestDay, days - length);
    if (
      start < outbreakEarliestDay ||
      !isFarFromOthers(outbreaks, start, length, settings.afterOutbreakDays)
    ) {
      continue;
    }
    const extra = drawOutbreakExtra(random, settings.outbreakExtra, length, mean[start] ?? 0);
    outbreaks.push({ start, length, extra });
  }
  return outbreaks.sort((a, b) => a.start - b.start);
}

function isFarFromOthers(outbreaks: Outbreak[], start: number, length: number, gap: number): boolean {
  return outbreaks.every((o) => start + length + gap <= o.start || o.start + o.length + gap <= start);
}

/**
 * +2 to +10 extra reports a day (by default) on a quiet ward, scaled by √(baseline) on busy ones so that an outbreak
 * stays a comparable signal-to-noise event; flat in 60 % of outbreaks, ramping up in 40 %.
 */
function drawOutbreakExtra(
  random: Random,
  [low, high]: [number, number],
  length: number,
  baselineMean: number,
): number[] {
  const size = uniform(random, low, high) * Math.sqrt(Math.max(1, baselineMean));
  const ramping = length > 1 && random.next() < 0.4;
  const extra: number[] = [];
  for (let j = 0; j < length; j++) {
    const share = ramping ? (j + 1) / length : 1;
    extra.push(poisson(random, size * share));
  }
  return extra;
}
