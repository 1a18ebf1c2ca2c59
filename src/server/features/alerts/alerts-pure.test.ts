import { describe, expect, it } from "vitest";
import { areasOfPath, areaView, mapPointsFor } from "./areas.ts";
import { addDays, dayOf, daysBetween, isDay, startOfDay } from "./days.ts";
import { dateRange, explainAlert } from "./explain.ts";
import { buildSeries, findAlerts, seriesKey, seriesKeysOf, usualMax } from "./series.ts";

describe("Kenya-time days", () => {
  it("a report at 01:00 in Nairobi counts on that Nairobi day, not the UTC day before", () => {
    expect(dayOf(new Date("2026-11-22T22:00:00Z"))).toBe("2026-11-23");
    expect(dayOf(new Date("2026-11-22T20:59:59Z"))).toBe("2026-11-22");
    expect(startOfDay("2026-11-23").toISOString()).toBe("2026-11-22T21:00:00.000Z");
  });

  it("day arithmetic crosses months and years", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(daysBetween("2026-11-23", "2026-12-01")).toBe(8);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("2026-02-28")).toBe(true);
  });
});

describe("areas of a report", () => {
  it("a locality counts in its ward, sub-county and county", () => {
    expect(areasOfPath("c:032/s:175/w:0872/l:kaptembwo")).toEqual([
      { id: "w:0872", level: "ward", path: "c:032/s:175/w:0872" },
      { id: "s:175", level: "sub_county", path: "c:032/s:175" },
      { id: "c:032", level: "county", path: "c:032" },
    ]);
  });

  it("a locality without a ward rolls up to its sub-county; a county-only place counts in the county", () => {
    expect(areasOfPath("c:032/s:175/l:githima").map((a) => a.id)).toEqual(["s:175", "c:032"]);
    expect(areasOfPath("c:032").map((a) => a.id)).toEqual(["c:032"]);
  });

  it("a ward is drawn at its sub-county's position and labelled with its parents", () => {
    const view = areaView({ id: "w:0872", level: "ward", path: "c:032/s:175/w:0872" });
    expect(view.label).toBe("Kaptembwo, Nakuru Town West, Nakuru");
    expect(view.lat).not.toBeNull();
  });

  it("the map shows the sub-counties of a county user's county, and counties for national users", () => {
    const nakuru = mapPointsFor(["c:032"], false);
    expect(nakuru.length).toBe(11);
    expect(nakuru.every((p) => p.level === "sub_county")).toBe(true);
    expect(mapPointsFor(["ke"], true)).toHaveLength(47);
  });
});

describe("the explanation", () => {
  const facts = {
    observed: 9,
    expected: 1.6,
    category: "gang_crime" as const,
    level: "ward" as const,
    areaName: "Kaptembwo",
    periodStart: "2026-11-21",
    periodEnd: "2026-11-23",
  };

  it("says how many reports of what, where and when, against what is usual, in English", () => {
    expect(explainAlert(facts, "en")).toBe(
      "9 reports of gang violence or crime in Kaptembwo ward in 3 days (21–23 November 2026); usually about 2 in that time.",
    );
  });

  it("says the same in Kiswahili", () => {
    expect(explainAlert(facts, "sw")).toBe(
      "Ripoti 9 za vurugu za magenge au uhalifu katika wadi ya Kaptembwo kwa siku 3 (21–23 Novemba 2026); kwa kawaida karibu 2 kwa muda huo.",
    );
  });

  it("a single day of a quiet sub-county reads 'usually none on such a day'", () => {
    const text = explainAlert(
      { ...facts, level: "sub_county", areaName: "Likoni", expected: 0.2, periodStart: "2026-11-23" },
      "en",
    );
    expect(text).toBe(
      "9 reports of gang violence or crime in Likoni sub-county on 23 November 2026; usually none on such a day.",
    );
  });

  it("date ranges across months and years stay readable", () => {
    expect(dateRange("2026-11-30", "2026-12-02", "en")).toBe("30 November – 2 December 2026");
    expect(dateRange("2026-12-31", "2027-01-01", "sw")).toBe("31 Desemba 2026 – 1 Januari 2027");
  });
});

describe("series and findings", () => {
  const first = "2026-09-28";
  const today = addDays(first, 56);
  const rows = (path: string, perDay: (d: number) => number) =>
    Array.from({ length: 57 }, (_, d) => ({
      day: addDays(first, d),
      category: "gang_crime",
      path,
      count: perDay(d),
    }));

  it("reports roll up into every area on their path, and only wanted series are built", () => {
    const counts = [
      ...rows("c:032/s:175/w:0872/l:kaptembwo", () => 1),
      ...rows("c:032/s:175/w:0871", () => 2),
    ];
    const all = buildSeries(counts, first, today);
    expect(all.get(seriesKey("c:032/s:175", "gang_crime"))?.counts[0]).toBe(3);
    expect(all.get(seriesKey("c:032/s:175/w:0872", "gang_crime"))?.counts[0]).toBe(1);
    const some = buildSeries(counts, first, today, new Set([seriesKey("c:032", "gang_crime")]));
    expect([...some.keys()]).toEqual([seriesKey("c:032", "gang_crime")]);
  });

  it("a steady series raises nothing; a burst raises one finding with its observed and expected counts", () => {
    const steady = rows("c:032/s:175/w:0872", (d) => [0, 1, 2, 1, 0, 1, 1][d % 7] ?? 0);
    const burst = rows("c:032/s:175/w:0872", (d) => (d === 56 ? 8 : d % 7 === 3 ? 1 : 0));
    const days = [addDays(today, -1), today];
    expect(findAlerts(buildSeries(steady, first, today).values(), first, days).findings).toEqual([]);
    const { findings } = findAlerts(
      buildSeries(burst, first, today, new Set([seriesKey("c:032/s:175/w:0872", "gang_crime")])).values(),
      first,
      days,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ day: today, periodStart: today, periodEnd: today, observed: 8 });
    expect(findings[0]?.expected).toBeGreaterThan(0.05);
    expect(findings[0]?.expected).toBeLessThan(0.5);
    expect(findings[0]?.score).toBeGreaterThan(3);
  });

  it("a rise over two days becomes one period covering both days", () => {
    // The day before the rise is quiet, so the period starts where the rise does.
    const rising = rows("c:032/s:175", (d) =>
      d >= 55 ? 5 : d === 54 ? 0 : ([1, 0, 1, 1, 0, 1, 1][d % 7] ?? 0),
    );
    const { findings } = findAlerts(buildSeries(rising, first, today).values(), first, [today]);
    const subCounty = findings.find((f) => f.area.id === "s:175");
    expect(subCounty).toMatchObject({ periodStart: addDays(today, -1), periodEnd: today, observed: 10 });
  });

  it("seriesKeysOf names every area of every row with reports", () => {
    const keys = seriesKeysOf([{ day: today, category: "gbv", path: "c:001/s:005/w:0027", count: 1 }]);
    expect([...keys].sort()).toEqual(["c:001/s:005/w:0027|gbv", "c:001/s:005|gbv", "c:001|gbv"]);
  });

  it("the usual range grows with the expected count", () => {
    expect(usualMax(0.1)).toBe(1);
    expect(usualMax(1)).toBeGreaterThanOrEqual(3);
    expect(usualMax(10)).toBeGreaterThan(usualMax(1));
  });
});
