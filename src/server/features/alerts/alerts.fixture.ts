// Reports for alert tests, written straight into the reports table with chosen receipt times: weeks of
// history in a test would otherwise take thousands of audited submissions. Only the columns a resident's
// report always has are set; the effective category and place follow from them.
import { randomUUID } from "node:crypto";
import { placeById } from "../../../common/places/index.ts";
import type { CategoryCode } from "../../../common/taxonomy.ts";
import type { Deps } from "../../deps.ts";
import { reports } from "../reports/reports.table.ts";
import { runAlertDetection } from "./alerts-job.service.ts";
import { addDays, dayOf, startOfDay } from "./days.ts";

export interface ReportSpec {
  receivedAt: Date;
  category: CategoryCode;
  placeId: string;
  text?: string;
}

export async function insertReports(deps: Deps, specs: readonly ReportSpec[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < specs.length; i += 500) {
    const rows = specs.slice(i, i + 500).map((spec) => {
      const place = placeById(spec.placeId);
      if (!place) throw new Error(`No gazetteer place ${spec.placeId}`);
      return {
        reference: `T${randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase()}`,
        channel: "web",
        text: spec.text ?? `Test report about ${spec.category} in ${place.name}`,
        locale: "en",
        category: spec.category,
        placeId: place.id,
        placePath: place.path,
        receivedAt: spec.receivedAt,
        updatedAt: spec.receivedAt,
      };
    });
    const inserted = await deps.db.insert(reports).values(rows).returning({ id: reports.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** An instant on a Kenya-time day: `hour` is the hour in Kenya (EAT). */
export function kenyaTime(day: string, hour: number, minute = 0): Date {
  return new Date(startOfDay(day).getTime() + (hour * 60 + minute) * 60_000);
}

/** `perDay(dayIndex)` reports a day at `placeId`, for each of `days` days ending the day before `lastDay`. */
export function dailyHistory(
  lastDay: string,
  days: number,
  placeId: string,
  category: CategoryCode,
  perDay: (dayIndex: number) => number,
): ReportSpec[] {
  const specs: ReportSpec[] = [];
  for (let d = 0; d < days; d++) {
    const day = addDays(lastDay, d - days);
    const count = perDay(d);
    for (let k = 0; k < count; k++)
      specs.push({ receivedAt: kenyaTime(day, 9 + (k % 10), k), category, placeId });
  }
  return specs;
}

/**
 * Eight quiet weeks of one report a week at `placeId`, a steadier background in its county, then
 * `burst` reports there this morning; runs the detection job. Raises alerts at the place's ward and
 * sub-county (the county is busy enough to absorb the burst).
 */
export async function seedBurst(
  deps: Deps,
  opts: { placeId: string; backgroundPlaceId: string; category: CategoryCode; burst?: number },
): Promise<void> {
  const today = dayOf(deps.now());
  const burst = opts.burst ?? 8;
  const specs = [
    ...dailyHistory(today, 56, opts.placeId, opts.category, (d) => (d % 7 === 3 ? 1 : 0)),
    ...dailyHistory(
      today,
      56,
      opts.backgroundPlaceId,
      opts.category,
      (d) => [10, 9, 12, 8, 11, 10, 10][d % 7] ?? 0,
    ),
  ];
  const morning = deps.now().getTime() - 3 * 3_600_000;
  for (let k = 0; k < burst; k++)
    specs.push({
      receivedAt: new Date(morning + k * 10 * 60_000),
      category: opts.category,
      placeId: opts.placeId,
    });
  await insertReports(deps, specs);
  await runAlertDetection(deps);
}
