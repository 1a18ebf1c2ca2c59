// Reads a counts CSV (date,area,category,count) into typed arrays, collecting every problem found with
// its line number; series-level checks and scoring live in counts-csv.ts.
import { createReadStream } from "node:fs";
import { CATEGORY_CODES } from "../../../../common/taxonomy.ts";
import { CsvRecordReader } from "./csv-records.ts";

export class CountsCsvError extends Error {
  readonly problems: string[];

  constructor(problems: string[], truncated = false) {
    const more = truncated ? `\n  (stopped after the first ${problems.length} problems)` : "";
    const noun = problems.length === 1 ? "problem" : "problems";
    super(`The counts CSV has ${problems.length} ${noun}:\n  ${problems.join("\n  ")}${more}`);
    this.name = "CountsCsvError";
    this.problems = problems;
  }
}

const COLUMNS = ["date", "area", "category", "count"] as const;
export const HEADER_TEXT = COLUMNS.join(",");
const MAX_PROBLEMS = 20;
const MAX_COUNT = 1_000_000_000;
const DAY_MS = 86_400_000;
const CATEGORY_INDEX = new Map<string, number>(CATEGORY_CODES.map((code, i) => [code, i]));

/** Rows in input order, as parallel typed arrays; series are (area, category) pairs. */
export class CountsTable {
  size = 0;
  series = new Int32Array(1024);
  day = new Int32Array(1024);
  count = new Int32Array(1024);
  line = new Int32Array(1024);
  /** Series index per area, one slot per category code (−1 until seen). */
  private readonly seriesByArea = new Map<string, Int32Array>();
  readonly seriesArea: string[] = [];
  readonly seriesCategory: string[] = [];
  private readonly found: { line: number; message: string }[] = [];
  /** Set when a row could not be placed in a series: missing days are then not worth reporting. */
  unplacedRows = false;
  sawHeader = false;

  get full(): boolean {
    return this.found.length >= MAX_PROBLEMS;
  }

  get problems(): string[] {
    return this.found.toSorted((a, b) => a.line - b.line).map((p) => `line ${p.line}: ${p.message}`);
  }

  problem(line: number, message: string): void {
    if (!this.full) this.found.push({ line, message });
  }

  add(area: string, category: number, day: number, count: number, line: number): void {
    let byCategory = this.seriesByArea.get(area);
    if (byCategory === undefined) {
      byCategory = new Int32Array(CATEGORY_CODES.length).fill(-1);
      this.seriesByArea.set(area, byCategory);
    }
    let series = byCategory[category] ?? -1;
    if (series < 0) {
      series = this.seriesArea.length;
      byCategory[category] = series;
      this.seriesArea.push(area);
      this.seriesCategory.push(CATEGORY_CODES[category] ?? "");
    }
    if (this.size === this.series.length) this.grow();
    this.series[this.size] = series;
    this.day[this.size] = day;
    this.count[this.size] = count;
    this.line[this.size] = line;
    this.size++;
  }

  private grow(): void {
    const grown = (a: Int32Array) => {
      const bigger = new Int32Array(a.length * 2);
      bigger.set(a);
      return bigger;
    };
    this.series = grown(this.series);
    this.day = grown(this.day);
    this.count = grown(this.count);
    this.line = grown(this.line);
  }
}

export async function readCountsTable(inputPath: string): Promise<CountsTable> {
  const table = new CountsTable();
  const days = new Map<string, number>();
  const reader = new CsvRecordReader({
    record: (fields, line) =>
      table.sawHeader ? readRow(table, days, fields, line) : readHeader(table, fields, line),
    malformed: (message, line) => {
      table.unplacedRows = true;
      table.problem(line, message);
    },
  });
  const stream = createReadStream(inputPath, { encoding: "utf8", highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      reader.push(chunk as string);
      if (table.full) break;
    }
    if (!table.full) reader.finish();
  } finally {
    stream.destroy();
  }
  if (!table.sawHeader && table.problems.length === 0) {
    throw new CountsCsvError([`the file is empty: expected a header line ${HEADER_TEXT}`]);
  }
  return table;
}

function readHeader(table: CountsTable, fields: string[], line: number): void {
  const names = fields.map((f) => f.trim().toLowerCase());
  const matches = names.length === COLUMNS.length && COLUMNS.every((c, i) => names[i] === c);
  if (!matches) {
    const found = fields.join(",").slice(0, 80);
    throw new CountsCsvError([`line ${line}: missing header: expected ${HEADER_TEXT}, found "${found}"`]);
  }
  table.sawHeader = true;
}

function readRow(table: CountsTable, days: Map<string, number>, fields: string[], line: number): void {
  if (table.full) return;
  if (fields.length !== COLUMNS.length) {
    table.unplacedRows = true;
    table.problem(line, `expected ${COLUMNS.length} fields (${HEADER_TEXT}), found ${fields.length}`);
    return;
  }
  const [dateText = "", rawArea = "", rawCategory = "", countText = ""] = fields;
  const day = parseDay(dateText.trim(), days);
  const area = rawArea.trim();
  const category = CATEGORY_INDEX.get(rawCategory.trim());
  const count = parseCount(countText.trim());
  if (day === undefined) table.problem(line, `date "${dateText}" is not a valid YYYY-MM-DD date`);
  if (area === "") table.problem(line, `the area is empty`);
  if (category === undefined) {
    table.problem(line, `unknown category "${rawCategory}" (expected one of ${CATEGORY_CODES.join(", ")})`);
  }
  if (typeof count === "string") table.problem(line, `count "${countText}" ${count}`);
  if (day === undefined || area === "" || category === undefined) {
    table.unplacedRows = true;
    return;
  }
  table.add(area, category, day, typeof count === "number" ? count : 0, line);
}

/** Days since 1970-01-01 for a real calendar date in YYYY-MM-DD form; undefined otherwise. */
function parseDay(text: string, cache: Map<string, number>): number | undefined {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, dayOfMonth);
  const date = new Date(time);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== dayOfMonth
  ) {
    return undefined;
  }
  const day = Math.round(time / DAY_MS);
  cache.set(text, day);
  return day;
}

/** The count, or why it is not one. */
function parseCount(text: string): number | string {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    return value <= MAX_COUNT ? value : `is too large (at most ${MAX_COUNT})`;
  }
  if (/^-\s*\d+(\.\d*)?$/.test(text)) return "is negative";
  if (/^\d*\.\d+$|^\d+\.\d*$|^\d+(\.\d*)?e[+-]?\d+$/i.test(text)) return "is not a whole number";
  return "is not a number";
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
