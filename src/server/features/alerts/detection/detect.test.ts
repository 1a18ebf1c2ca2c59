import { describe, expect, it } from "vitest";
import { createDetector, DEFAULT_DETECTOR_OPTIONS, detectMany, detectSeries } from "./detect.ts";
import { createRandom, poisson } from "./random.ts";

const YEAR = 365;

function poissonSeries(seed: number, meanOfDay: (t: number) => number, days = YEAR): number[] {
  const random = createRandom(seed);
  return Array.from({ length: days }, (_, t) => poisson(random, meanOfDay(t)));
}

function alertDays(counts: number[]): number[] {
  return detectSeries(counts).flatMap((day, t) => (day.alert ? [t] : []));
}

describe("detectSeries", () => {
  it("returns one result per day with finite, non-negative expected values and scores", () => {
    const counts = poissonSeries(1, () => 0.3);
    const days = detectSeries(counts);
    expect(days).toHaveLength(YEAR);
    for (const day of days) {
      expect(Number.isFinite(day.expected) && day.expected > 0).toBe(true);
      expect(Number.isFinite(day.score) && day.score >= 0).toBe(true);
    }
  });

  it("never alerts on a silent series", () => {
    expect(alertDays(new Array(YEAR).fill(0))).toEqual([]);
  });

  it("never alerts on a quiet ward whose reports come one at a time", () => {
    const counts = poissonSeries(3, () => 0.3).map((c) => Math.min(c, 1));
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(50);
    expect(alertDays(counts)).toEqual([]);
  });

  it("raises false alerts on under 0.2 % of days for quiet wards at their usual sparse rates", () => {
    // 40 wards × a year at 0.05–0.5 reports a day, nothing unusual injected.
    const wards = Array.from({ length: 40 }, (_, i) => poissonSeries(100 + i, () => 0.05 + (0.45 * i) / 39));
    const alerts = wards.reduce((total, counts) => total + alertDays(counts).length, 0);
    expect(alerts / (40 * YEAR)).toBeLessThan(0.002);
  });

  it("does not alert on a single report on a quiet ward, even with a low threshold", () => {
    const counts = new Array(YEAR).fill(0);
    counts[300] = 1;
    const day = detectSeries(counts, { threshold: 1 })[300];
    expect(day?.score).toBeGreaterThan(1);
    expect(day?.alert).toBe(false);
    counts[300] = 2;
    expect(detectSeries(counts, { threshold: 1 })[300]?.alert).toBe(true);
  });

  it("alerts on day 1 or 2 of a clear 3-day burst on a quiet ward", () => {
    const counts = poissonSeries(7, () => 0.15);
    counts[200] = (counts[200] ?? 0) + 3;
    counts[201] = (counts[201] ?? 0) + 4;
    counts[202] = (counts[202] ?? 0) + 5;
    const first = alertDays(counts).find((t) => t >= 200);
    expect(first === 200 || first === 201).toBe(true);
  });

  it("on a busy ward, alerts on a clear excess but not on a count that is ordinary there", () => {
    const counts = poissonSeries(8, () => 6);
    counts[250] = 9;
    expect(detectSeries(counts)[250]?.alert).toBe(false);
    counts[250] = 22;
    expect(detectSeries(counts)[250]?.alert).toBe(true);
  });

  it("does not alert on the busy day of a strong weekly rhythm (a market day with 5× the reports)", () => {
    const counts = poissonSeries(9, (t) => (t % 7 === 5 ? 5 : 1));
    const marketDayAlerts = alertDays(counts).filter((t) => t % 7 === 5);
    expect(marketDayAlerts).toEqual([]);
    const days = detectSeries(counts);
    const lateMarketDay = days[362 - ((362 - 5) % 7)];
    expect(lateMarketDay?.expected).toBeGreaterThan(3);
  });

  it("still alerts when the busy weekday itself carries an outbreak", () => {
    const counts = poissonSeries(9, (t) => (t % 7 === 5 ? 5 : 1));
    const marketDay = 300 - ((300 - 5) % 7);
    counts[marketDay] = (counts[marketDay] ?? 0) + 20;
    expect(detectSeries(counts)[marketDay]?.alert).toBe(true);
  });

  it("keeps an ongoing outbreak out of its own baseline", () => {
    const counts = poissonSeries(11, () => 0.3);
    for (let t = 200; t < 205; t++) counts[t] = (counts[t] ?? 0) + 6;
    const days = detectSeries(counts);
    // Five days at ~6 reports would lift a baseline that included them far above the usual 0.3.
    expect(days[204]?.expected).toBeLessThan(0.5);
    expect(days.slice(200, 205).every((d) => d.alert)).toBe(true);
  });

  it("lets a past outbreak raise the baseline only a little once it enters the window", () => {
    const counts = poissonSeries(12, () => 0.3);
    const clean = detectSeries(counts);
    for (let t = 100; t < 105; t++) counts[t] = (counts[t] ?? 0) + 10;
    const withOutbreak = detectSeries(counts);
    // 50 extra reports over 56 days would nearly triple a 0.3/day baseline if they entered uncapped.
    const ratio = (withOutbreak[130]?.expected ?? 0) / (clean[130]?.expected ?? 1);
    expect(ratio).toBeLessThan(1.6);
  });

  it("follows a level that has been stable for weeks", () => {
    const days = detectSeries(poissonSeries(13, () => 4));
    const late = days.slice(300).map((d) => d.expected);
    const average = late.reduce((a, b) => a + b, 0) / late.length;
    expect(average).toBeGreaterThan(3.4);
    expect(average).toBeLessThan(4.6);
  });

  it("alerts in the first weeks only on clearly extreme days", () => {
    const moderate = [0, 1, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0];
    expect(detectSeries(moderate).some((d) => d.alert)).toBe(false);
    const extreme = [0, 1, 0, 0, 0, 1, 0, 0, 0, 40, 0, 0];
    expect(detectSeries(extreme)[9]?.alert).toBe(true);
  });

  it("honours a custom threshold", () => {
    const counts = poissonSeries(14, () => 0.2);
    counts[220] = 3;
    const score = detectSeries(counts)[220]?.score ?? 0;
    expect(detectSeries(counts, { threshold: score - 0.01 })[220]?.alert).toBe(true);
    expect(detectSeries(counts, { threshold: score + 0.01 })[220]?.alert).toBe(false);
  });

  it("rejects counts that are not non-negative integers", () => {
    expect(() => detectSeries([0, 1, -1])).toThrow(/counts\[2\]/);
    expect(() => detectSeries([0, 1.5])).toThrow(/non-negative integer/);
  });
});

describe("detectMany and createDetector", () => {
  it("give the same results as detectSeries, series by series", () => {
    const a = poissonSeries(21, () => 0.2);
    const b = poissonSeries(22, () => 3);
    b[200] = 15;
    const many = detectMany(
      new Map([
        ["a", a],
        ["b", b],
      ]),
    );
    for (const [key, counts] of [
      ["a", a],
      ["b", b],
    ] as const) {
      const single = detectSeries(counts);
      const batch = many.get(key);
      single.forEach((day, t) => {
        expect(batch?.expected[t]).toBeCloseTo(day.expected, 12);
        expect(batch?.score[t]).toBeCloseTo(day.score, 12);
        expect((batch?.alertScore[t] ?? 0) > DEFAULT_DETECTOR_OPTIONS.threshold).toBe(day.alert);
      });
    }
  });

  it("reuses its scratch space safely across series of different lengths", () => {
    const detector = createDetector();
    const long = poissonSeries(23, () => 1);
    const short = long.slice(0, 50);
    const first = Array.from(detector.score(short).score);
    detector.score(long);
    expect(Array.from(detector.score(short).score)).toEqual(first);
  });
});
