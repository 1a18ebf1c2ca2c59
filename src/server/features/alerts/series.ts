// From daily report counts to alert findings, without the database: roll counts up into one series per
// (area, category), score each with the detector, and describe each alerting day as a period with what
// was observed against what was expected. The detector itself lives in ./detection (not changed here).

import { type Area, areasOfPath } from "./areas.ts";
import { addDays, daysBetween } from "./days.ts";
import { createDetector, type Detector, type SeriesScores } from "./detection/detect.ts";
import { upperTailScore } from "./detection/negative-binomial.ts";

/** Reports counted on one day, in one category, at one place path (what the counting query returns). */
export interface CountRow {
  day: string;
  category: string;
  path: string;
  count: number;
}

export interface Series {
  area: Area;
  category: string;
  /** counts[i] is the number of reports on day firstDay + i. */
  counts: Int32Array;
}

export const seriesKey = (areaPath: string, category: string): string => `${areaPath}|${category}`;

/**
 * One series per (area, category) over firstDay … lastDay, each report counted in every area on its
 * path. `wanted` limits the series built (the detection job only scores series with recent reports).
 */
export function buildSeries(
  rows: Iterable<CountRow>,
  firstDay: string,
  lastDay: string,
  wanted?: ReadonlySet<string>,
): Map<string, Series> {
  const length = daysBetween(firstDay, lastDay) + 1;
  const series = new Map<string, Series>();
  for (const row of rows) {
    const index = daysBetween(firstDay, row.day);
    if (index < 0 || index >= length) continue;
    for (const area of areasOfPath(row.path)) {
      const key = seriesKey(area.path, row.category);
      if (wanted && !wanted.has(key)) continue;
      let entry = series.get(key);
      if (!entry) {
        entry = { area, category: row.category, counts: new Int32Array(length) };
        series.set(key, entry);
      }
      entry.counts[index] = (entry.counts[index] ?? 0) + row.count;
    }
  }
  return series;
}

/** Keys of the series that have at least one report in the rows (all areas on each row's path). */
export function seriesKeysOf(rows: Iterable<CountRow>): Set<string> {
  const keys = new Set<string>();
  for (const row of rows)
    if (row.count > 0) for (const area of areasOfPath(row.path)) keys.add(seriesKey(area.path, row.category));
  return keys;
}

/** What an alert says about one period of one series. */
export interface PeriodFigures {
  periodStart: string;
  periodEnd: string;
  observed: number;
  expected: number;
  /** The highest alert score among the period's days. */
  score: number;
}

export interface Finding extends PeriodFigures {
  area: Area;
  category: string;
  /** The day that alerted (the period's end). */
  day: string;
}

export interface ScoredSeries {
  series: Series;
  firstDay: string;
  scores: SeriesScores;
}

export function createAlertDetector(): Detector {
  return createDetector();
}

/**
 * The period behind an alert on day index t: the day itself plus the days just before it that were
 * also above expectation, as far back as the detector's longest window (it may have alerted on a 2- or
 * 3-day sum). So "9 reports in 3 days" rather than the last day's share of them.
 */
export function periodStartIndex(scored: ScoredSeries, t: number, windowDays: number): number {
  const { counts } = scored.series;
  const { expected } = scored.scores;
  let start = t;
  while (start > 0 && t - start + 1 < windowDays && (counts[start - 1] ?? 0) > (expected[start - 1] ?? 0))
    start--;
  return start;
}

/** Observed and expected totals over [start, end] (day strings), and the highest alert score there. */
export function figuresFor(scored: ScoredSeries, start: string, end: string): PeriodFigures {
  const from = Math.max(0, daysBetween(scored.firstDay, start));
  const to = Math.min(scored.series.counts.length - 1, daysBetween(scored.firstDay, end));
  let observed = 0;
  let expected = 0;
  let score = 0;
  for (let i = from; i <= to; i++) {
    observed += scored.series.counts[i] ?? 0;
    expected += scored.scores.expected[i] ?? 0;
    score = Math.max(score, scored.scores.alertScore[i] ?? 0);
  }
  return { periodStart: start, periodEnd: end, observed, expected, score };
}

/** Scores each series and returns a finding for every alerting day among `checkDays`, oldest first. */
export function findAlerts(
  series: Iterable<Series>,
  firstDay: string,
  checkDays: readonly string[],
  detector: Detector = createAlertDetector(),
): { findings: Finding[]; scored: Map<string, ScoredSeries> } {
  const { threshold, windowDays } = detector.options;
  const findings: Finding[] = [];
  const scored = new Map<string, ScoredSeries>();
  for (const s of series) {
    const entry: ScoredSeries = { series: s, firstDay, scores: detector.score(s.counts) };
    scored.set(seriesKey(s.area.path, s.category), entry);
    for (const day of checkDays) {
      const t = daysBetween(firstDay, day);
      if (t < 0 || t >= s.counts.length || !((entry.scores.alertScore[t] ?? 0) > threshold)) continue;
      const start = addDays(firstDay, periodStartIndex(entry, t, windowDays));
      findings.push({ area: s.area, category: s.category, day, ...figuresFor(entry, start, day) });
    }
  }
  findings.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { findings, scored };
}

/** Prior over-dispersion of the detector: the usual range is drawn with it (the fitted one is internal). */
const BAND_DISPERSION = 0.3;
/** A day is outside the usual range when so many reports happen on fewer than 1 day in 100. */
const BAND_SCORE = 2;

/** The most reports a day with this expected count usually has (its 99th percentile, roughly). */
export function usualMax(expected: number): number {
  let count = 0;
  while (count < 10_000 && upperTailScore(count + 1, expected, BAND_DISPERSION) < BAND_SCORE) count++;
  return count;
}
