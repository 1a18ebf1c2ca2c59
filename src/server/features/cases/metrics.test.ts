import { describe, expect, it } from "vitest";
import {
  durationStats,
  type MetricsCase,
  missedDeadlines,
  overdueCases,
  responseMetrics,
} from "./metrics.ts";

const OPENED = new Date("2026-11-23T08:00:00.000Z");
const plus = (minutes: number) => new Date(OPENED.getTime() + minutes * 60_000);
const station = { id: "u1", name: "Kaptembwo station" };
const chief = { id: "u2", name: "Kaptembwo chief" };

function kase(over: Partial<MetricsCase>): MetricsCase {
  return {
    category: "gang_crime",
    status: "open",
    openedAt: OPENED,
    acknowledgedAt: null,
    firstActionAt: null,
    finishedAt: null,
    acknowledgeDueAt: plus(30),
    actionDueAt: plus(24 * 60),
    units: [station],
    ...over,
  };
}

describe("durationStats", () => {
  it("gives count, median and mean, and nothing for no data", () => {
    expect(durationStats([])).toEqual({ count: 0, medianMinutes: null, meanMinutes: null });
    expect(durationStats([10, 30, 20])).toEqual({ count: 3, medianMinutes: 20, meanMinutes: 20 });
    expect(durationStats([10, 20, 30, 100])).toEqual({ count: 4, medianMinutes: 25, meanMinutes: 40 });
  });
});

describe("responseMetrics", () => {
  const cases = [
    kase({ status: "resolved", acknowledgedAt: plus(10), firstActionAt: plus(60), finishedAt: plus(300) }),
    kase({
      status: "in_progress",
      acknowledgedAt: plus(20),
      firstActionAt: plus(120),
      units: [station, chief],
    }),
    kase({ category: "gbv", status: "open", units: [chief] }),
    kase({ category: "gbv", status: "closed_no_action", acknowledgedAt: plus(40), finishedAt: plus(50) }),
  ];
  const metrics = responseMetrics(cases, plus(45), { from: null, to: null });

  it("measures time to acknowledge, first action and resolution over all cases", () => {
    expect(metrics.total).toMatchObject({
      cases: 4,
      toAcknowledge: { count: 3, medianMinutes: 20, meanMinutes: 23.3 },
      toFirstAction: { count: 2, medianMinutes: 90 },
      // A case closed without action is not a resolution.
      toResolution: { count: 1, medianMinutes: 300 },
      overdue: 1,
    });
  });

  it("splits by responder unit (a case with two units counts for both) and by category", () => {
    expect(metrics.byUnit.map((r) => [r.label, r.cases, r.overdue])).toEqual([
      ["Kaptembwo chief", 2, 1],
      ["Kaptembwo station", 3, 0],
    ]);
    expect(metrics.byCategory.map((r) => [r.key, r.cases])).toEqual([
      ["gang_crime", 2],
      ["gbv", 2],
    ]);
  });
});

describe("overdue cases", () => {
  const unacknowledged = kase({ category: "gbv" });
  const lateToAct = kase({ status: "acknowledged", acknowledgedAt: plus(10) });
  const acted = kase({ status: "in_progress", acknowledgedAt: plus(10), firstActionAt: plus(60) });

  it("names each missed deadline, from the deadline itself on", () => {
    expect(missedDeadlines(unacknowledged, plus(29))).toEqual([]);
    expect(missedDeadlines(unacknowledged, plus(30))).toEqual([{ kind: "acknowledge", at: plus(30) }]);
    expect(missedDeadlines(unacknowledged, plus(24 * 60)).map((m) => m.kind)).toEqual(["acknowledge", "act"]);
    expect(missedDeadlines(lateToAct, plus(24 * 60)).map((m) => m.kind)).toEqual(["act"]);
    expect(missedDeadlines(acted, plus(48 * 60))).toEqual([]);
  });

  it("lists the longest overdue first, up to the limit, leaving out cases on time", () => {
    const earlier = kase({ openedAt: plus(-60), acknowledgeDueAt: plus(-30), category: "other" });
    const list = overdueCases([unacknowledged, acted, earlier, lateToAct], plus(25 * 60), 10);
    expect(list.map((c) => c.category)).toEqual(["other", "gbv", "gang_crime"]);
    expect(overdueCases([unacknowledged, earlier], plus(45), 1).map((c) => c.category)).toEqual(["other"]);
  });
});
