// The arithmetic behind the programme charts, kept apart from the SVG so that it can be tested.
import type { BreakdownRow } from "../../../common/contracts/programmes-views.ts";
import { AGE_BANDS, type AgeBand } from "../../../common/contracts/programmes-vocabulary.ts";

/** How much of a bar `width` wide is filled for `actual` against `target`; never beyond the bar. */
export function barFill(actual: number, target: number, width: number): number {
  if (target <= 0) return actual > 0 ? width : 0;
  return Math.round(Math.min(1, Math.max(0, actual / target)) * width * 10) / 10;
}

export interface PyramidRow {
  ageBand: AgeBand;
  female: number;
  male: number;
  /** Other and undisclosed genders: shown beside the bars, not hidden. */
  other: number;
}

/**
 * Unique people by age band, women on one side and men on the other, oldest band on top (as a
 * population pyramid reads). Bands with nobody in them are left out.
 */
export function pyramidRows(breakdown: readonly BreakdownRow[]): PyramidRow[] {
  const rows = new Map<AgeBand, PyramidRow>(
    AGE_BANDS.map((ageBand) => [ageBand, { ageBand, female: 0, male: 0, other: 0 }]),
  );
  for (const row of breakdown) {
    const target = rows.get(row.keys.age_band as AgeBand);
    if (!target) continue;
    const gender = row.keys.gender;
    if (gender === "female") target.female += row.uniqueParticipants;
    else if (gender === "male") target.male += row.uniqueParticipants;
    else target.other += row.uniqueParticipants;
  }
  const filled = [...rows.values()].filter((r) => r.female + r.male + r.other > 0);
  return filled.reverse();
}

/** The longest bar in the pyramid, so both sides share one scale; at least 1 to avoid dividing by zero. */
export function pyramidScale(rows: readonly PyramidRow[]): number {
  return Math.max(1, ...rows.flatMap((r) => [r.female, r.male]));
}

/** A round number at or above `n` (1, 2 or 5 times a power of ten) for a chart's axis; at least 1. */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  const step = [1, 2, 5, 10].find((s) => s * power >= n) ?? 10;
  return step * power;
}

export interface StackSegment {
  type: string;
  count: number;
  /** Top of the segment, with 0 at the top of the plot. */
  y: number;
  height: number;
}

/**
 * One stacked bar: a segment per type with a count, in the legend's order from the bottom up,
 * scaled so that `max` fills `plotHeight`.
 */
export function stackSegments(
  counts: Partial<Record<string, number>>,
  types: readonly string[],
  max: number,
  plotHeight: number,
): StackSegment[] {
  const segments: StackSegment[] = [];
  let base = plotHeight;
  for (const type of types) {
    const count = counts[type] ?? 0;
    if (count <= 0) continue;
    const height = (count / Math.max(1, max)) * plotHeight;
    base -= height;
    segments.push({ type, count, y: Math.round(base * 10) / 10, height: Math.round(height * 10) / 10 });
  }
  return segments;
}

/** Every how many bars to write a label so that labels `labelWidth` wide do not overlap. */
export function labelEvery(bars: number, barWidth: number, labelWidth: number): number {
  if (bars <= 0 || barWidth <= 0) return 1;
  return Math.max(1, Math.ceil(labelWidth / barWidth));
}
