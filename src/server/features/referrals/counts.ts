// Pure: referral counts for reports, with small cells suppressed. Only numbers leave this module;
// a cell of 1 to 4 referrals becomes "<5" so that nobody can be singled out from a report.
import { AGE_BANDS, GENDERS } from "../../../common/contracts/programmes-vocabulary.ts";
import {
  type CountCell,
  REFERRAL_STATUSES,
  REFERRAL_TYPES,
  REINTEGRATION_SUBTYPES,
  type ReferralCounts,
  SMALL_CELL_THRESHOLD,
} from "../../../common/contracts/referrals.ts";

export interface CountRow {
  type: string;
  subtype: string | null;
  status: string;
  gender: string;
  ageBand: string;
  n: number;
}

/** Zero stays 0 (nobody to protect); 1 to 4 becomes "<5". */
export function suppress(n: number): number | "<5" {
  return n > 0 && n < SMALL_CELL_THRESHOLD ? "<5" : n;
}

/** The type keys a report shows: reintegration support is split by subtype. */
export const TYPE_KEYS = REFERRAL_TYPES.flatMap((t) =>
  t === "reintegration_support" ? REINTEGRATION_SUBTYPES.map((s) => `${t}.${s}`) : [t],
);

const typeKey = (r: CountRow) => (r.subtype ? `${r.type}.${r.subtype}` : r.type);

/**
 * One breakdown, with small cells suppressed. When exactly one cell is "<5" and the total is shown,
 * total minus the other cells would give it away, so the smallest other non-zero cell is hidden
 * too (secondary suppression). Two or more small cells already hide each other.
 */
export function tally(
  rows: CountRow[],
  keys: readonly string[],
  keyOf: (r: CountRow) => string,
): CountCell[] {
  const totals = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const r of rows) totals.set(keyOf(r), (totals.get(keyOf(r)) ?? 0) + r.n);
  const cells: CountCell[] = [...totals].map(([key, n]) => ({ key, count: suppress(n) }));
  const grandTotal = [...totals.values()].reduce((sum, n) => sum + n, 0);
  const small = cells.filter((c) => c.count === "<5");
  if (small.length === 1 && suppress(grandTotal) !== "<5") {
    const [partner] = [...totals]
      .filter(([key, n]) => n >= SMALL_CELL_THRESHOLD && key !== small[0]?.key)
      .sort((a, b) => a[1] - b[1]);
    const cell = cells.find((c) => c.key === partner?.[0]);
    if (cell) cell.count = "hidden";
  }
  return cells;
}

export function referralCountsOf(rows: CountRow[], partialScope: boolean): ReferralCounts {
  return {
    total: suppress(rows.reduce((sum, r) => sum + r.n, 0)),
    byType: tally(rows, TYPE_KEYS, typeKey),
    byStatus: tally(rows, REFERRAL_STATUSES, (r) => r.status),
    byGender: tally(rows, GENDERS, (r) => r.gender),
    byAgeBand: tally(rows, AGE_BANDS, (r) => r.ageBand),
    partialScope,
  };
}
