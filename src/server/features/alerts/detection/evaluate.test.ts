import { describe, expect, it } from "vitest";
import { calibrateThreshold, compareMethods, detectorMethod, earsMethod, measure } from "./evaluate.ts";
import {
  DAY_AFTER_OUTBREAK,
  DAY_OUTBREAK,
  DAY_QUIET,
  generateSynthetic,
  type SyntheticSeries,
} from "./synthetic.ts";

/** A hand-made series: 10 days, an outbreak on days 4–6, days 7–8 just after it. */
function handMade(): SyntheticSeries {
  const labels = new Uint8Array(10).fill(DAY_QUIET);
  labels.set([DAY_OUTBREAK, DAY_OUTBREAK, DAY_OUTBREAK, DAY_AFTER_OUTBREAK, DAY_AFTER_OUTBREAK], 4);
  return {
    id: "x",
    counts: new Int32Array(10),
    labels,
    outbreaks: [{ start: 4, length: 3, extra: [1, 1, 1] }],
    baseRate: 0.1,
    trueMean: new Float64Array(10),
    size: 1,
  };
}

describe("measure", () => {
  it("credits an outbreak with its first alert, counts delay from onset and false alarms on quiet days only", () => {
    const scores = Float64Array.from([0, 5, 0, 0, 0, 4, 4, 9, 9, 0]);
    const metrics = measure([handMade()], [scores], 3);
    expect(metrics.sensitivity).toBe(1);
    expect(metrics.timeliness).toBe(1);
    expect(metrics.falseAlarms).toBe(1); // day 1; days 7–8 are just after the outbreak
    expect(metrics.quietDays).toBe(5);
    expect(metrics.falseAlarmRate).toBeCloseTo(0.2, 12);
  });

  it("needs a score strictly above the threshold", () => {
    const scores = Float64Array.from([0, 0, 0, 0, 3, 3, 3, 0, 0, 0]);
    expect(measure([handMade()], [scores], 3).sensitivity).toBe(0);
    expect(Number.isNaN(measure([handMade()], [scores], 3).timeliness)).toBe(true);
  });
});

describe("calibrateThreshold", () => {
  it("picks the lowest threshold whose quiet-day false-alarm rate stays within the target", () => {
    const series = handMade();
    // Quiet days 0, 1, 2, 3, 9 score 1, 2, 3, 4, 5: at most 2 of 5 may alert for a 40 % target.
    const scores = Float64Array.from([1, 2, 3, 4, 0, 0, 0, 0, 0, 5]);
    const threshold = calibrateThreshold([series], [scores], 0.4);
    expect(threshold).toBe(3);
    expect(measure([series], [scores], threshold).falseAlarms).toBe(2);
  });
});

describe("acceptance on a fixed seed", () => {
  it("finds clearly more outbreaks than EARS C2 at a 1 % false-alarm rate, and stays under 1 % at its default", () => {
    const calibration = generateSynthetic({ seed: 100, series: 600, days: 365 });
    const evaluation = generateSynthetic({ seed: 101, series: 600, days: 365 });
    const [ours, c2, c2Strict] = compareMethods({
      calibration,
      evaluation,
      methods: [detectorMethod(), earsMethod({ method: "C2" }), earsMethod({ method: "C2", minSigma: 1 })],
    });
    expect(ours?.calibrated.outbreaks).toBeGreaterThan(400);
    expect(ours?.calibrated.falseAlarmRate).toBeLessThan(0.0115);
    expect(ours?.calibrated.sensitivity).toBeGreaterThan((c2?.calibrated.sensitivity ?? 1) + 0.03);
    expect(ours?.calibrated.sensitivity).toBeGreaterThan(c2Strict?.calibrated.sensitivity ?? 1);
    expect(ours?.atDefault.falseAlarmRate).toBeLessThanOrEqual(0.01);
  });
});
