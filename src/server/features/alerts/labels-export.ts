// `baraza alerts export-labels`: every decision people made about an alert, one JSON object a line,
// oldest first — dismissals (false alarms, with the reason) and actions (real rises) with the figures
// and the daily series as they stood — for checking the detector's threshold against real history.
import type { Writable } from "node:stream";
import type { Deps } from "../../deps.ts";
import { labelsPage } from "./alerts.repo.ts";

const PAGE = 500;

export async function exportAlertLabels(deps: Deps, output: Writable): Promise<number> {
  let after: { at: Date; id: string } | null = null;
  let written = 0;
  for (;;) {
    const rows = await labelsPage(deps.db, after, PAGE);
    for (const row of rows) {
      const line = JSON.stringify({
        alertId: row.alertId,
        outcome: row.outcome,
        reason: row.reason,
        area: row.areaId,
        areaPath: row.areaPath,
        level: row.level,
        category: row.category,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        observed: row.observed,
        expected: row.expected,
        score: row.score,
        series: row.series,
        labelledAt: row.labelledAt.toISOString(),
      });
      if (!output.write(`${line}\n`)) await new Promise((resolve) => output.once("drain", resolve));
      written++;
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return written;
    after = { at: last.labelledAt, id: last.id };
  }
}
