// Compares the Baraza detector with EARS C1/C2/C3 on seeded synthetic data and prints the tables quoted
// in src/server/features/alerts/detection/README.md.
//   npx node bench/alerts/evaluate.ts [series per data set, default 3000]
// Thresholds "calibrated to 1 % FA" are fitted on a calibration data set (its own seed) and then applied
// unchanged to the evaluation data set, so the false-alarm rate shown for them is an honest out-of-sample one.
import {
  compareMethods,
  detectorMethod,
  earsMethod,
  formatReports,
  type Method,
} from "../../src/server/features/alerts/detection/evaluate.ts";
import {
  generateSynthetic,
  type SyntheticOptions,
} from "../../src/server/features/alerts/detection/synthetic.ts";

const series = Number(process.argv[2] ?? 3000);
const days = 365;

interface Scenario {
  name: string;
  description: string;
  options: Partial<SyntheticOptions>;
}

const MAIN_SCENARIOS: Scenario[] = [
  {
    name: "standard",
    description: "outbreaks add +2..+10 reports a day (× √baseline on busy wards)",
    options: {},
  },
  { name: "subtle", description: "outbreaks add +1..+4 reports a day", options: { outbreakExtra: [1, 4] } },
];

const ROBUSTNESS_SCENARIOS: Scenario[] = [
  { name: "very over-dispersed", description: "NB size 0.3–2", options: { sizeRange: [0.3, 2] } },
  { name: "near-Poisson", description: "NB size 20–100", options: { sizeRange: [20, 100] } },
  { name: "half busy wards", description: "50 % of series busy", options: { busyShare: 0.5 } },
  { name: "strong drifts", description: "wandering level sd 0.35", options: { wanderSd: 0.35 } },
  {
    name: "many noise spikes",
    description: "0.5 % of days carry a spike",
    options: { noiseSpikeRate: 0.005 },
  },
];

const methods: Method[] = [
  detectorMethod(),
  earsMethod({ method: "C1" }),
  earsMethod({ method: "C2" }),
  earsMethod({ method: "C3" }),
  earsMethod({ method: "C2", minSigma: 1 }),
];

function run(scenario: Scenario, seedBase: number) {
  const calibration = generateSynthetic({ seed: seedBase, series, days, ...scenario.options });
  const evaluation = generateSynthetic({ seed: seedBase + 1, series, days, ...scenario.options });
  return compareMethods({ calibration, evaluation, methods });
}

const started = performance.now();
console.log(`${series} series × ${days} days per data set (calibration seed, evaluation seed = seed + 1)\n`);
MAIN_SCENARIOS.forEach((scenario, i) => {
  const seed = 1000 + 10 * i;
  console.log(`## ${scenario.name}: ${scenario.description} (seeds ${seed}/${seed + 1})\n`);
  console.log(formatReports(run(scenario, seed)));
  console.log();
});

console.log("## robustness: sensitivity at 1 % FA (calibrated) and false alarms at the default threshold\n");
console.log("| scenario | Baraza NB @1% | EARS C2 sd≥0.5 @1% | EARS C2 sd≥1 @1% | Baraza NB FA at default |");
console.log("|---|---:|---:|---:|---:|");
ROBUSTNESS_SCENARIOS.forEach((scenario, i) => {
  const reports = run(scenario, 2000 + 10 * i);
  const byName = (prefix: string) => reports.find((r) => r.name.startsWith(prefix));
  const pct = (v: number | undefined, d = 1) => (v === undefined ? "–" : `${(100 * v).toFixed(d)} %`);
  const nb = byName("Baraza");
  const c2 = byName("EARS C2 (sd ≥ 0.5)");
  const c2strict = byName("EARS C2 (sd ≥ 1)");
  console.log(
    `| ${scenario.name} (${scenario.description}) | ${pct(nb?.calibrated.sensitivity)} | ` +
      `${pct(c2?.calibrated.sensitivity)} | ${pct(c2strict?.calibrated.sensitivity)} | ` +
      `${pct(nb?.atDefault.falseAlarmRate, 2)} |`,
  );
});
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
