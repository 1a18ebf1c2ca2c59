// Response metrics as a pure aggregation: time to acknowledge, to first action and to resolution,
// per responder unit and per category, and how many cases are overdue now.
import type {
  DueKind,
  DurationStats,
  ResponseMetrics,
  ResponseMetricsRow,
} from "../../../common/contracts/cases.ts";
import { type CaseTimes, isOverdue, stillOwed } from "./deadlines.ts";

export interface MetricsCase extends CaseTimes {
  category: string;
  openedAt: Date;
  acknowledgedAt: Date | null;
  finishedAt: Date | null;
  units: { id: string; name: string }[];
}

export function durationStats(minutes: readonly number[]): DurationStats {
  if (minutes.length === 0) return { count: 0, medianMinutes: null, meanMinutes: null };
  const sorted = [...minutes].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const mean = sorted.reduce((sum, m) => sum + m, 0) / sorted.length;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { count: sorted.length, medianMinutes: round(median), meanMinutes: round(mean) };
}

const minutesBetween = (from: Date, to: Date | null) =>
  to === null ? null : Math.max(0, (to.getTime() - from.getTime()) / 60_000);

function row(key: string, label: string, group: readonly MetricsCase[], now: Date): ResponseMetricsRow {
  const collect = (pick: (c: MetricsCase) => number | null) =>
    group.map(pick).filter((m): m is number => m !== null);
  return {
    key,
    label,
    cases: group.length,
    toAcknowledge: durationStats(collect((c) => minutesBetween(c.openedAt, c.acknowledgedAt))),
    toFirstAction: durationStats(collect((c) => minutesBetween(c.openedAt, c.firstActionAt))),
    // Closing without action is not a resolution: only resolved cases count here.
    toResolution: durationStats(
      collect((c) => (c.status === "resolved" ? minutesBetween(c.openedAt, c.finishedAt) : null)),
    ),
    overdue: group.filter((c) => isOverdue(c, now)).length,
  };
}

/** The deadlines a case has missed as of `now`, earliest first (none when it is on time). */
export function missedDeadlines(c: CaseTimes, now: Date): { kind: DueKind; at: Date }[] {
  return (["acknowledge", "act"] as const).flatMap((kind) => {
    const at = kind === "acknowledge" ? c.acknowledgeDueAt : c.actionDueAt;
    return stillOwed(kind, c) && now.getTime() >= at.getTime() ? [{ kind, at }] : [];
  });
}

/** The overdue cases, the longest overdue first, at most `limit` of them. */
export function overdueCases<C extends CaseTimes>(
  cases: readonly C[],
  now: Date,
  limit: number,
): (C & { missed: { kind: DueKind; at: Date }[] })[] {
  return cases
    .map((c) => ({ ...c, missed: missedDeadlines(c, now) }))
    .filter((c) => c.missed.length > 0)
    .sort((a, b) => (a.missed[0]?.at.getTime() ?? 0) - (b.missed[0]?.at.getTime() ?? 0))
    .slice(0, limit);
}

export function responseMetrics(
  cases: readonly MetricsCase[],
  now: Date,
  range: { from: Date | null; to: Date | null },
): Omit<ResponseMetrics, "category" | "overdueCases"> {
  const byUnit = new Map<string, { label: string; cases: MetricsCase[] }>();
  const byCategory = new Map<string, MetricsCase[]>();
  for (const c of cases) {
    for (const unit of c.units) {
      const entry = byUnit.get(unit.id) ?? { label: unit.name, cases: [] };
      entry.cases.push(c);
      byUnit.set(unit.id, entry);
    }
    byCategory.set(c.category, [...(byCategory.get(c.category) ?? []), c]);
  }
  return {
    from: range.from?.toISOString() ?? null,
    to: range.to?.toISOString() ?? null,
    asOf: now.toISOString(),
    total: row("all", "All cases", cases, now),
    byUnit: [...byUnit]
      .map(([id, { label, cases: group }]) => row(id, label, group, now))
      .sort((a, b) => a.label.localeCompare(b.label)),
    byCategory: [...byCategory]
      .map(([category, group]) => row(category, category, group, now))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}
