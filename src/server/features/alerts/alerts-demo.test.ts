import { describe, expect, it } from "vitest";
import { placeById } from "../../../common/places/index.ts";
import { demoAlertReports } from "./alerts.demo.ts";
import { addDays, dayOf } from "./days.ts";
import { buildSeries, findAlerts } from "./series.ts";

/** What the detection job would find in the demo reports at `now` (today and yesterday scored). */
function demoFindings(now: Date) {
  const reports = demoAlertReports(now);
  const rows = reports.map((r) => ({
    day: dayOf(r.receivedAt),
    category: r.category,
    path: placeById(r.placeId)?.path ?? "",
    count: 1,
  }));
  const today = dayOf(now);
  const firstDay = rows[0]?.day ?? today;
  return findAlerts(buildSeries(rows, firstDay, today).values(), firstDay, [addDays(today, -1), today])
    .findings;
}

describe("the demo's early-warning story", () => {
  // Every weekday, and times of day where the burst stays within one day or straddles midnight.
  const starts = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2026, 10, 23 + d, 9, 0)));
  const nights = starts.map((s) => new Date(s.getTime() + 12.5 * 3_600_000)); // 00:30 in Kenya

  it.each([...starts, ...nights].map((now) => [now.toISOString(), now] as const))(
    "at %s the Kaptembwo burst alerts its ward and sub-county, and nothing else",
    (_label, now) => {
      const findings = demoFindings(now);
      expect([...new Set(findings.map((f) => `${f.area.id} ${f.category}`))].sort()).toEqual([
        "s:175 gang_crime",
        "w:0872 gang_crime",
      ]);
      const ward = findings.filter((f) => f.area.id === "w:0872").at(-1);
      expect(ward?.observed).toBe(7);
    },
  );
});
