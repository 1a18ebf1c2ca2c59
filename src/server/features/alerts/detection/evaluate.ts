// Measures detection methods on labelled synthetic series.
//   sensitivity   share of outbreaks with at least one alert on an outbreak day;
//   timeliness    mean days from onset to the first alert, among detected outbreaks (0 = onset day);
//   false alarms  alerts per quiet series-day. Quiet = not warm-up (first 14 days), not an outbreak day,
//                 and not within 7 days after an outbreak (alerts there are echoes of a real event).
//                 Single-day noise spikes are quiet days: alerting on them counts as false.
// Each method is measured at its default threshold and at a threshold calibrated to a target false-alarm
// rate (1 %) on a separate calibration data set, then applied unchanged to the evaluation set.
import { createDetector, type DetectorOptions } from "./detect.ts";
import { EARS_DEFAULT_MIN_SIGMA, EARS_DEFAULT_THRESHOLDS, type EarsOptions, scoreEars } from "./ears.ts";
import { allocateScores, type SeriesScores } from "./scores.ts";
import { DAY_QUIET, type SyntheticSeries } from "./synthetic.ts";

export interface Method {
  name: string;
  defaultThreshold: number;
  /** Fills alert scores for one series; a day alerts when alertScore > threshold. */
  score(counts: ArrayLike<number>, out: SeriesScores): void;
}

export interface Metrics {
  threshold: number;
  sensitivity: number;
  /** Mean days from onset to first alert among detected outbreaks; NaN when none was detected. */
  timeliness: number;
  falseAlarmRate: number;
  outbreaks: number;
  detected: number;
  quietDays: number;
  falseAlarms: number;
}

export interface MethodReport {
  name: string;
  atDefault: Metrics;
  calibrated: Metrics;
}

export function detectorMethod(options: DetectorOptions = {}, name = "Baraza NB"): Method {
  const detector = createDetector(options);
  return {
    name,
    defaultThreshold: detector.options.threshold,
    score: (counts, out) => void detector.score(counts, out),
  };
}

export function earsMethod(options: EarsOptions): Method {
  const floor = options.minSigma ?? EARS_DEFAULT_MIN_SIGMA;
  return {
    name: `EARS ${options.method} (sd ≥ ${floor})`,
    defaultThreshold: options.threshold ?? EARS_DEFAULT_THRESHOLDS[options.method],
    score: (counts, out) => void scoreEars(counts, options, out),
  };
}

/** Alert scores of every series, one Float64Array each. */
export function scoreAll(method: Method, data: SyntheticSeries[]): Float64Array[] {
  return data.map((series) => {
    const out = allocateScores(series.counts.length);
    method.score(series.counts, out);
    return out.alertScore;
  });
}

export function measure(data: SyntheticSeries[], alertScores: Float64Array[], threshold: number): Metrics {
  let quietDays = 0;
  let falseAlarms = 0;
  let outbreaks = 0;
  let detected = 0;
  let delaySum = 0;
  data.forEach((series, i) => {
    const scores = alertScores[i] ?? new Float64Array(0);
    for (let t = 0; t < series.labels.length; t++) {
      if (series.labels[t] !== DAY_QUIET) continue;
      quietDays++;
      if ((scores[t] ?? 0) > threshold) falseAlarms++;
    }
    for (const outbreak of series.outbreaks) {
      outbreaks++;
      for (let j = 0; j < outbreak.length; j++) {
        if ((scores[outbreak.start + j] ?? 0) > threshold) {
          detected++;
          delaySum += j;
          break;
        }
      }
    }
  });
  return {
    threshold,
    sensitivity: outbreaks ? detected / outbreaks : 0,
    timeliness: detected ? delaySum / detected : Number.NaN,
    falseAlarmRate: quietDays ? falseAlarms / quietDays : 0,
    outbreaks,
    detected,
    quietDays,
    falseAlarms,
  };
}

/**
 * The lowest threshold whose false-alarm rate on quiet days is at most `targetRate`: the (k+1)-th largest
 * quiet-day score, k = ⌊target × quiet days⌋, since alerts need a score strictly above the threshold.
 */
export function calibrateThreshold(
  data: SyntheticSeries[],
  alertScores: Float64Array[],
  targetRate: number,
): number {
  const quiet: number[] = [];
  data.forEach((series, i) => {
    const scores = alertScores[i] ?? new Float64Array(0);
    for (let t = 0; t < series.labels.length; t++) {
      if (series.labels[t] === DAY_QUIET) quiet.push(scores[t] ?? 0);
    }
  });
  const sorted = Float64Array.from(quiet).sort();
  const allowed = Math.floor(targetRate * sorted.length);
  return sorted[sorted.length - allowed - 1] ?? 0;
}

export interface ComparisonInput {
  calibration: SyntheticSeries[];
  evaluation: SyntheticSeries[];
  methods: Method[];
  targetFalseAlarmRate?: number;
}

export function compareMethods(input: ComparisonInput): MethodReport[] {
  const target = input.targetFalseAlarmRate ?? 0.01;
  return input.methods.map((method) => {
    const threshold = calibrateThreshold(input.calibration, scoreAll(method, input.calibration), target);
    const evaluationScores = scoreAll(method, input.evaluation);
    return {
      name: method.name,
      atDefault: measure(input.evaluation, evaluationScores, method.defaultThreshold),
      calibrated: measure(input.evaluation, evaluationScores, threshold),
    };
  });
}

export function formatReports(reports: MethodReport[], targetRate = 0.01): string {
  const header = `| method | threshold | sensitivity | mean delay (days) | false alarms / quiet day |`;
  const rule = `|---|---:|---:|---:|---:|`;
  const row = (name: string, m: Metrics) =>
    `| ${name} | ${m.threshold.toFixed(2)} | ${percent(m.sensitivity)} (${m.detected}/${m.outbreaks}) | ` +
    `${Number.isNaN(m.timeliness) ? "–" : m.timeliness.toFixed(2)} | ${percent(m.falseAlarmRate, 2)} (${m.falseAlarms}) |`;
  const lines = [header, rule];
  for (const r of reports) lines.push(row(`${r.name}, default`, r.atDefault));
  for (const r of reports)
    lines.push(row(`${r.name}, calibrated to ${percent(targetRate, 0)} FA`, r.calibrated));
  return lines.join("\n");
}

function percent(value: number, decimals = 1): string {
  return `${(100 * value).toFixed(decimals)} %`;
}
