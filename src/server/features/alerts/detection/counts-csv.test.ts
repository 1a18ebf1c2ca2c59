import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CountsCsvError, detectCountsCsv } from "./counts-csv.ts";
import { detectSeries } from "./detect.ts";
import { createRandom, poisson } from "./random.ts";

let directory = "";
let fileNumber = 0;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "baraza-counts-csv-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function runCsv(text: string): Promise<string> {
  const path = join(directory, `counts-${fileNumber++}.csv`);
  await writeFile(path, text);
  const chunks: string[] = [];
  const output = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  await detectCountsCsv(path, output);
  return chunks.join("");
}

async function problemsOf(text: string): Promise<string[]> {
  try {
    await runCsv(text);
  } catch (error) {
    if (error instanceof CountsCsvError) return error.problems;
    throw error;
  }
  throw new Error("expected a CountsCsvError");
}

const HEADER = "date,area,category,count";

function dateOf(day: number): string {
  return new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** Rows for one series of `days` days. */
function seriesRows(area: string, category: string, counts: number[]): string[] {
  return counts.map((count, day) => `${dateOf(day)},${area},${category},${count}`);
}

function csv(rows: string[]): string {
  return `${[HEADER, ...rows].join("\n")}\n`;
}

describe("detectCountsCsv output", () => {
  const random = createRandom(5);
  const quiet = Array.from({ length: 120 }, () => poisson(random, 0.2));
  const busy = Array.from({ length: 120 }, () => poisson(random, 3));
  busy[100] = 20;

  it("writes one row per input row, in the input's order, with expected, score and alert", async () => {
    const rows = [
      ...seriesRows("ward-1", "gbv", quiet),
      ...seriesRows('"Kibera, Lindi"', "gang_crime", busy),
    ];
    // A fixed interleaving: rows in any order must come back in that same order.
    const shuffled = rows
      .map((row, i) => ({ row, key: (i * 7919) % rows.length }))
      .sort((a, b) => a.key - b.key);
    const lines = (await runCsv(csv(shuffled.map((r) => r.row)))).trimEnd().split("\n");
    expect(lines[0]).toBe(`${HEADER},expected,score,alert`);
    expect(lines).toHaveLength(rows.length + 1);
    lines.slice(1).forEach((line, i) => {
      expect(line.startsWith(`${shuffled[i]?.row},`)).toBe(true);
      expect(line).toMatch(/,\d+\.\d{3},\d+\.\d{2},(true|false)$/);
    });
    const alertDates = lines
      .filter((l) => l.includes("gang_crime") && l.endsWith(",true"))
      .map((l) => l.slice(0, 10))
      .sort();
    expect(alertDates).toEqual(detectSeries(busy).flatMap((d, t) => (d.alert ? [dateOf(t)] : [])));
    expect(alertDates).toContain(dateOf(100));
  });

  it("quotes areas that need it and echoes the rest as given", async () => {
    const output = await runCsv(
      csv(seriesRows('"Soko ""Mjinga"", Kamukunji"', "public_order", quiet.slice(0, 3))),
    );
    expect(output.split("\n")[1]).toMatch(/^2025-01-01,"Soko ""Mjinga"", Kamukunji",public_order,\d+,/);
  });

  it("reads a byte-order mark and CRLF line endings like a plain file", async () => {
    const plain = csv(seriesRows("ward-1", "gbv", quiet));
    const windows = `\uFEFF${plain.replaceAll("\n", "\r\n")}`;
    expect(await runCsv(windows)).toBe(await runCsv(plain));
  });

  it("answers a header-only file with a header-only output", async () => {
    expect(await runCsv(`${HEADER}\n`)).toBe(`${HEADER},expected,score,alert\n`);
  });
});

describe("detectCountsCsv errors", () => {
  const good = (area = "A", days = 5) => seriesRows(area, "gbv", new Array(days).fill(1));

  it("rejects an empty file, asking for the header", async () => {
    await expect(runCsv("")).rejects.toThrow(/empty: expected a header line date,area,category,count/);
  });

  it("rejects a file without the header, naming line 1", async () => {
    expect(await problemsOf(good().join("\n"))).toEqual([
      expect.stringMatching(/^line 1: missing header: expected date,area,category,count/),
    ]);
  });

  it("names the line of each bad value", async () => {
    const rows = [
      ...good("A"),
      "2025-02-30,B,gbv,1", // line 7
      "2025/01/01,B,gbv,1",
      "2025-01-01,C,gbv,-2",
      "2025-01-01,D,gbv,1.5",
      "2025-01-01,E,gangs,1",
      "2025-01-01,F,gbv",
      "2025-01-01,G,gbv,lots",
    ];
    expect(await problemsOf(csv(rows))).toEqual([
      'line 7: date "2025-02-30" is not a valid YYYY-MM-DD date',
      'line 8: date "2025/01/01" is not a valid YYYY-MM-DD date',
      'line 9: count "-2" is negative',
      'line 10: count "1.5" is not a whole number',
      expect.stringMatching(/^line 11: unknown category "gangs" \(expected one of violent_extremism, /),
      "line 12: expected 4 fields (date,area,category,count), found 3",
      'line 13: count "lots" is not a number',
    ]);
  });

  it("names the line of malformed quoting", async () => {
    const problems = await problemsOf(csv([...good("A"), '2025-01-01,"B"x,gbv,1']));
    expect(problems).toEqual(["line 7: unexpected text after a closing quote"]);
  });

  it("reports a duplicate row with both of its lines", async () => {
    const problems = await problemsOf(csv([...good("A"), "2025-01-03,A,gbv,4"]));
    expect(problems).toEqual([
      'line 7: duplicate row for 2025-01-03, area "A", category gbv (first given on line 4)',
    ]);
  });

  it("reports a missing day inside a series, at the series' first line", async () => {
    const rows = [...good("A"), ...good("B").filter((row) => !row.startsWith("2025-01-03"))];
    expect(await problemsOf(csv(rows))).toEqual(['line 7: area "B", category gbv has no row for 2025-01-03']);
  });

  it("reports a series whose date range differs from the others", async () => {
    const rows = [...good("A"), ...good("B"), ...good("C", 4)];
    expect(await problemsOf(csv(rows))).toEqual([
      'line 12: area "C", category gbv covers 2025-01-01 to 2025-01-04, but the other series cover 2025-01-01 to 2025-01-05',
    ]);
  });

  it("reports every problem at once, stopping after 20", async () => {
    const bad = Array.from({ length: 30 }, (_, i) => `2025-01-01,X${i},gbv,-1`);
    try {
      await runCsv(csv(bad));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CountsCsvError);
      const problems = (error as CountsCsvError).problems;
      expect(problems).toHaveLength(20);
      expect(problems[0]).toBe('line 2: count "-1" is negative');
      expect(problems[19]).toBe('line 21: count "-1" is negative');
      expect((error as Error).message).toMatch(/stopped after the first 20 problems/);
    }
  });
});
