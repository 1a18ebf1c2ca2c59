// Batch detection over a CSV of daily counts (`baraza alerts detect --input counts.csv`).
// Input:  date,area,category,count — header required, rows in any order, one row per area, category and
//         day, every series covering the same contiguous days.
// Output: date,area,category,count,expected,score,alert — one row per input row, in input order.
// Every problem found (up to 20) is reported at once in a CountsCsvError naming its line.
import { once } from "node:events";
import { CountsCsvError, type CountsTable, formatDay, HEADER_TEXT, readCountsTable } from "./counts-table.ts";
import { csvField } from "./csv-records.ts";
import { createDetector, type DetectorOptions } from "./detect.ts";
import { allocateScores } from "./scores.ts";

export { CountsCsvError };

/** About 270 years: a longer range means a mistyped year, not real data. */
const MAX_RANGE_DAYS = 100_000;

export async function detectCountsCsv(
  inputPath: string,
  output: NodeJS.WritableStream,
  options: DetectorOptions = {},
): Promise<void> {
  const table = await readCountsTable(inputPath);
  const results = checkAndScore(table, options);
  await writeResults(table, results, output);
}

/** Detector output per input row. */
interface Results {
  firstDay: number;
  days: number;
  expected: Float64Array;
  score: Float64Array;
  alert: Uint8Array;
}

/** Groups rows by series, checks duplicates and date coverage, and scores each complete series. */
function checkAndScore(table: CountsTable, options: DetectorOptions): Results {
  const groups = groupRowsBySeries(table);
  const spans = seriesSpans(table);
  const common = commonSpan(spans);
  const results: Results = {
    firstDay: common.first,
    days: common.days,
    expected: new Float64Array(table.size),
    score: new Float64Array(table.size),
    alert: new Uint8Array(table.size),
  };
  const detector = createDetector(options);
  const scores = allocateScores(common.days);
  const counts = new Float64Array(common.days);
  let slots = new Int32Array(0);
  for (let s = 0; s < table.seriesArea.length && !table.full; s++) {
    const rows = groups.order.subarray(groups.start[s], groups.start[s + 1]);
    const span = { first: spans.first[s] ?? 0, days: (spans.last[s] ?? 0) - (spans.first[s] ?? 0) + 1 };
    if (span.days > MAX_RANGE_DAYS) {
      table.problem(
        firstLine(table, rows),
        `${describeSeries(table, s)}: the dates span ${span.days} days; check the years`,
      );
      continue;
    }
    if (slots.length < span.days) slots = new Int32Array(span.days);
    const daySlots = slots.subarray(0, span.days);
    const placed = placeSeriesRows(table, s, rows, span, daySlots);
    if (!checkCoverage(table, s, rows, span, common, daySlots) || !placed) continue;
    for (let d = 0; d < common.days; d++) counts[d] = table.count[daySlots[d] ?? 0] ?? 0;
    detector.score(counts, scores);
    for (let d = 0; d < common.days; d++) {
      const row = daySlots[d] ?? 0;
      results.expected[row] = scores.expected[d] ?? 0;
      results.score[row] = scores.score[d] ?? 0;
      results.alert[row] = (scores.alertScore[d] ?? 0) > detector.options.threshold ? 1 : 0;
    }
  }
  if (table.problems.length > 0) throw new CountsCsvError(table.problems, table.full);
  return results;
}

/** Row indices grouped by series (counting sort), keeping input order within a series. */
function groupRowsBySeries(table: CountsTable): { order: Int32Array; start: Int32Array } {
  const seriesCount = table.seriesArea.length;
  const start = new Int32Array(seriesCount + 1);
  for (let r = 0; r < table.size; r++) {
    const slot = (table.series[r] ?? 0) + 1;
    start[slot] = (start[slot] ?? 0) + 1;
  }
  for (let s = 0; s < seriesCount; s++) start[s + 1] = (start[s + 1] ?? 0) + (start[s] ?? 0);
  const next = start.slice(0, seriesCount);
  const order = new Int32Array(table.size);
  for (let r = 0; r < table.size; r++) {
    const s = table.series[r] ?? 0;
    order[next[s] ?? 0] = r;
    next[s] = (next[s] ?? 0) + 1;
  }
  return { order, start };
}

interface DaySpan {
  first: number;
  days: number;
}

function seriesSpans(table: CountsTable): { first: Int32Array; last: Int32Array } {
  const first = new Int32Array(table.seriesArea.length).fill(2 ** 31 - 1);
  const last = new Int32Array(table.seriesArea.length).fill(-(2 ** 31));
  for (let r = 0; r < table.size; r++) {
    const s = table.series[r] ?? 0;
    const day = table.day[r] ?? 0;
    if (day < (first[s] ?? 0)) first[s] = day;
    if (day > (last[s] ?? 0)) last[s] = day;
  }
  return { first, last };
}

/** The span most series share: a series that differs is the odd one out, not all the others. */
function commonSpan(spans: { first: Int32Array; last: Int32Array }): DaySpan {
  const votes = new Map<string, number>();
  let best = "";
  for (let s = 0; s < spans.first.length; s++) {
    const key = `${spans.first[s]},${spans.last[s]}`;
    const n = (votes.get(key) ?? 0) + 1;
    votes.set(key, n);
    if (n > (votes.get(best) ?? 0)) best = key;
  }
  const [first = 0, last = -1] = best ? best.split(",").map(Number) : [];
  return { first, days: Math.min(MAX_RANGE_DAYS, last - first + 1) };
}

/** Puts a series' rows into day slots (−1 = no row), reporting duplicates; true when there were none. */
function placeSeriesRows(
  table: CountsTable,
  s: number,
  rows: Int32Array,
  span: DaySpan,
  slots: Int32Array,
): boolean {
  slots.fill(-1);
  let unique = true;
  for (const row of rows) {
    const offset = (table.day[row] ?? 0) - span.first;
    const earlier = slots[offset] ?? -1;
    if (earlier < 0) {
      slots[offset] = row;
      continue;
    }
    unique = false;
    table.problem(
      table.line[row] ?? 0,
      `duplicate row for ${formatDay(table.day[row] ?? 0)}, area "${table.seriesArea[s]}", ` +
        `category ${table.seriesCategory[s]} (first given on line ${table.line[earlier]})`,
    );
  }
  return unique;
}

/**
 * True when the series covers exactly the common span with no day missing. Coverage problems are not
 * reported when some rows could not be read: those rows would show up as spurious gaps.
 */
function checkCoverage(
  table: CountsTable,
  s: number,
  rows: Int32Array,
  span: DaySpan,
  common: DaySpan,
  slots: Int32Array,
): boolean {
  const report = !table.unplacedRows;
  if (span.first !== common.first || span.days !== common.days) {
    if (report) {
      table.problem(
        firstLine(table, rows),
        `${describeSeries(table, s)} covers ${formatDay(span.first)} to ${formatDay(span.first + span.days - 1)}, ` +
          `but the other series cover ${formatDay(common.first)} to ${formatDay(common.first + common.days - 1)}`,
      );
    }
    return false;
  }
  const missing = slots.indexOf(-1);
  if (missing === -1) return true;
  if (report) {
    let total = 0;
    for (const slot of slots) if (slot < 0) total++;
    const others = total > 1 ? ` (and ${total - 1} more missing days)` : "";
    table.problem(
      firstLine(table, rows),
      `${describeSeries(table, s)} has no row for ${formatDay(span.first + missing)}${others}`,
    );
  }
  return false;
}

function describeSeries(table: CountsTable, s: number): string {
  return `area "${table.seriesArea[s]}", category ${table.seriesCategory[s]}`;
}

/** Series-level problems are reported at the series' first row in the file. */
function firstLine(table: CountsTable, rows: Int32Array): number {
  let line = Number.POSITIVE_INFINITY;
  for (const row of rows) line = Math.min(line, table.line[row] ?? 0);
  return line;
}

const OUTPUT_HEADER = `${HEADER_TEXT},expected,score,alert\n`;
const FLUSH_CHARS = 1 << 20;

async function writeResults(
  table: CountsTable,
  results: Results,
  output: NodeJS.WritableStream,
): Promise<void> {
  const dates = Array.from({ length: results.days }, (_, d) => formatDay(results.firstDay + d));
  const seriesFields = table.seriesArea.map((area, s) => `${csvField(area)},${table.seriesCategory[s]}`);
  let buffer = OUTPUT_HEADER;
  for (let r = 0; r < table.size; r++) {
    buffer +=
      `${dates[(table.day[r] ?? 0) - results.firstDay]},${seriesFields[table.series[r] ?? 0]},${table.count[r]},` +
      `${(results.expected[r] ?? 0).toFixed(3)},${(results.score[r] ?? 0).toFixed(2)},${results.alert[r] ? "true" : "false"}\n`;
    if (buffer.length >= FLUSH_CHARS) {
      if (!output.write(buffer)) await once(output, "drain");
      buffer = "";
    }
  }
  if (buffer.length > 0 && !output.write(buffer)) await once(output, "drain");
}
