// Pure: referral counts for reports, with small cells suppressed. Only numbers leave this module;
// a cell of 1 to 4 referrals becomes "<5" so that nobody can be singled out from a report.
import { AGE_BANDS, GENDERS } from "../../../common/contracts/programmes-vocabulary.ts";
import {
  REFERRAL_STATUSES,
  REFERRAL_TYPES,
  REINTEGRATION_SUBTYPES,
  type ReferralCounts,
  SMALL_CELL_THRESHOLD,
  type SuppressedCount,
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
export function suppress(n: number): SuppressedCount {
  return n > 0 && n < SMALL_CELL_THRESHOLD ? "<5" : n;
}

/** The type keys a report shows: reintegration support is split by subtype. */
export const TYPE_KEYS = REFERRAL_TYPES.flatMap((t) =>
  t === "reintegration_support" ? REINTEGRATION_SUBTYPES.map((s) => `${t}.${s}`) : [t],
);

const typeKey = (r: CountRow) => (r.subtype ? `${r.type}.${r.subtype}` : r.type);

function tally(rows: CountRow[], keys: readonly string[], keyOf: (r: CountRow) => string) {
  const totals = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const r of rows) totals.set(keyOf(r), (totals.get(keyOf(r)) ?? 0) + r.n);
  return [...totals].map(([key, n]) => ({ key, count: suppress(n) }));
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
