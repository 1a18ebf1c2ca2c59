// Throughput of the early-warning detector at national scale: a year of daily counts for 1,450 wards ×
// 8 categories (4.2 M series-days), scored in-process and through the CSV batch path.
//   npx node bench/alerts/run.ts

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { CATEGORY_CODES } from "../../src/common/taxonomy.ts";
import { detectCountsCsv } from "../../src/server/features/alerts/detection/counts-csv.ts";
import { csvField } from "../../src/server/features/alerts/detection/csv-records.ts";
import { createDetector } from "../../src/server/features/alerts/detection/detect.ts";
import { allocateScores } from "../../src/server/features/alerts/detection/scores.ts";
import { generateSynthetic } from "../../src/server/features/alerts/detection/synthetic.ts";

const WARDS = 1450;
const CATEGORIES = CATEGORY_CODES.slice(0, 8);
const DAYS = 365;
const FIRST_DAY = Date.UTC(2025, 0, 1);
const inputPath = "/tmp/baraza-alerts-bench-counts.csv";
const outputPath = "/tmp/baraza-alerts-bench-scored.csv";

const seconds = (since: number) => (performance.now() - since) / 1000;

let started = performance.now();
const data = generateSynthetic({ seed: 7, series: WARDS * CATEGORIES.length, days: DAYS });
const totalDays = data.length * DAYS;
console.log(`generated ${data.length} series × ${DAYS} days in ${seconds(started).toFixed(1)} s`);

function scoreInProcess(): { time: number; alerts: number } {
  const detector = createDetector();
  const out = allocateScores(DAYS);
  const begin = performance.now();
  let alerts = 0;
  for (const series of data) {
    detector.score(series.counts, out);
    for (let t = 0; t < DAYS; t++) if ((out.alertScore[t] ?? 0) > detector.options.threshold) alerts++;
  }
  return { time: seconds(begin), alerts };
}

scoreInProcess(); // warm-up: the first pass includes JIT compilation
const run = scoreInProcess();
console.log(
  `in-process: ${totalDays.toLocaleString("en")} series-days scored in ${run.time.toFixed(2)} s ` +
    `(${Math.round(totalDays / run.time).toLocaleString("en")} days/s), ${run.alerts} alerts ` +
    `(${((100 * run.alerts) / totalDays).toFixed(2)} % of all days, injected outbreaks included)`,
);

async function writeCountsCsv(): Promise<void> {
  const file = createWriteStream(inputPath);
  const dates = Array.from({ length: DAYS }, (_, d) =>
    new Date(FIRST_DAY + d * 86_400_000).toISOString().slice(0, 10),
  );
  // Some areas need quoting, as real ward names with a sub-county suffix do.
  const areas = Array.from({ length: WARDS }, (_, w) =>
    csvField(w % 50 === 0 ? `Ward ${w}, "North"` : `ward-${w}`),
  );
  let buffer = "date,area,category,count\n";
  for (let d = 0; d < DAYS; d++) {
    for (let i = 0; i < data.length; i++) {
      const area = areas[Math.floor(i / CATEGORIES.length)];
      buffer += `${dates[d]},${area},${CATEGORIES[i % CATEGORIES.length]},${data[i]?.counts[d]}\n`;
    }
    if (!file.write(buffer)) await once(file, "drain");
    buffer = "";
  }
  file.end();
  await once(file, "finish");
}

started = performance.now();
await writeCountsCsv();
console.log(
  `wrote ${inputPath} (${totalDays.toLocaleString("en")} rows) in ${seconds(started).toFixed(1)} s`,
);

started = performance.now();
const output = createWriteStream(outputPath);
await detectCountsCsv(inputPath, output);
output.end();
await once(output, "finish");
const csvTime = seconds(started);
console.log(
  `detectCountsCsv: read, checked, scored and wrote ${totalDays.toLocaleString("en")} rows in ${csvTime.toFixed(2)} s ` +
    `(${Math.round(totalDays / csvTime).toLocaleString("en")} rows/s)`,
);
console.log(`peak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await Promise.all([unlink(inputPath), unlink(outputPath)]);
