// One (area, category) series scored the same way the detection job scores it, for the alert page's
// chart and for the snapshot kept with a label. Both start their series on the installation's first
// counted day, so the chart shows exactly the expected values the job judged against.
import type { Db } from "../../db/client.ts";
import type { Area } from "./areas.ts";
import { dailyCounts, firstCountedDay } from "./counted-reports.ts";
import { addDays, daysBetween } from "./days.ts";
import { buildSeries, createAlertDetector, type ScoredSeries, seriesKey } from "./series.ts";

/** The detector's weekday window (364 days) plus its guard week: older reports cannot change a score. */
export const HISTORY_DAYS = 371;

/** The first day of the series ending on lastDay: the first report's day, at most HISTORY_DAYS back. */
export function seriesStart(firstReportDay: string | null, lastDay: string): string {
  const earliest = addDays(lastDay, -(HISTORY_DAYS - 1));
  if (!firstReportDay || firstReportDay > lastDay) return lastDay;
  return firstReportDay < earliest ? earliest : firstReportDay;
}

export async function scoredSeriesFor(
  db: Db,
  area: Area,
  category: string,
  lastDay: string,
): Promise<ScoredSeries> {
  const firstDay = seriesStart(await firstCountedDay(db), lastDay);
  const rows = await dailyCounts(db, {
    fromDay: firstDay,
    toDay: lastDay,
    withinPaths: [area.path],
    category,
  });
  const key = seriesKey(area.path, category);
  const series = buildSeries(rows, firstDay, lastDay, new Set([key])).get(key) ?? {
    area,
    category,
    counts: new Int32Array(daysBetween(firstDay, lastDay) + 1),
  };
  return { series, firstDay, scores: createAlertDetector().score(series.counts) };
}

export interface SeriesDay {
  date: string;
  count: number;
  expected: number;
}

/** The days from `from` to the series' end (clamped to its start). */
export function seriesDays(scored: ScoredSeries, from: string): SeriesDay[] {
  const days: SeriesDay[] = [];
  const start = Math.max(0, daysBetween(scored.firstDay, from));
  for (let i = start; i < scored.series.counts.length; i++) {
    days.push({
      date: addDays(scored.firstDay, i),
      count: scored.series.counts[i] ?? 0,
      expected: scored.scores.expected[i] ?? 0,
    });
  }
  return days;
}
