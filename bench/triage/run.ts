/**
 * Triage throughput and latency: ~20,000 messages made from the dev set (repeated and perturbed with
 * a seeded generator), run through runTriageBatch in-process and through a child process running the
 * CLI dev entry. Prints figures; asserts nothing.
 *   npx node bench/triage/run.ts [count]
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { runTriageBatch } from "../../src/server/features/reports/triage/batch.ts";
import { triageReport } from "../../src/server/features/reports/triage/triage.ts";

const DEV_SET = fileURLToPath(new URL("../../data/triage/dev-set.jsonl", import.meta.url));
const CLI_DEV = fileURLToPath(
  new URL("../../src/server/features/reports/triage/cli-dev.ts", import.meta.url),
);
const COUNT = Number(process.argv[2] ?? 20_000);

/** Mulberry32: a small seeded generator, so every run measures the same messages. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXTRAS = ["pls", "haraka", "😡😡", "!!!", "asap", "tafadhali", "leo", "now", "sasa", "🙏"];

function perturb(text: string, random: () => number): string {
  const words = text.split(" ");
  const at = Math.floor(random() * words.length);
  const word = words[at] ?? "";
  const roll = random();
  if (roll < 0.25 && word.length > 4) {
    const cut = 1 + Math.floor(random() * (word.length - 2));
    words[at] = word.slice(0, cut) + word.slice(cut + 1);
  } else if (roll < 0.45) {
    words[at] = word.toUpperCase();
  } else if (roll < 0.65) {
    words.push(EXTRAS[Math.floor(random() * EXTRAS.length)] ?? "");
  } else if (roll < 0.75) {
    words.splice(at, 0, word);
  }
  return words.join(" ");
}

function generateMessages(count: number): string[] {
  const texts = readFileSync(DEV_SET, "utf8")
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const random = seeded(20_240_901);
  return Array.from({ length: count }, (_, i) => {
    const base = texts[i % texts.length] ?? "";
    return JSON.stringify({ id: `b${i}`, text: i < texts.length ? base : perturb(base, random) });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function countingSink(): { sink: Writable; lines: () => number } {
  let lines = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const byte of chunk) if (byte === 10) lines++;
      done();
    },
  });
  return { sink, lines: () => lines };
}

function measureLatency(lines: readonly string[]): void {
  const durations: number[] = [];
  for (const line of lines) {
    const { text } = JSON.parse(line) as { text: string };
    const start = performance.now();
    triageReport(text);
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  const total = durations.reduce((a, b) => a + b, 0);
  console.log(
    `per message (triageReport): p50 ${percentile(durations, 50).toFixed(3)} ms, p99 ${percentile(durations, 99).toFixed(3)} ms, max ${(durations.at(-1) ?? 0).toFixed(3)} ms, mean ${(total / durations.length).toFixed(3)} ms`,
  );
}

async function measureInProcess(lines: readonly string[]): Promise<void> {
  const { sink, lines: written } = countingSink();
  const start = performance.now();
  const summary = await runTriageBatch(Readable.from([`${lines.join("\n")}\n`]), sink);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `runTriageBatch in-process: ${summary.lines} lines (${written()} written, ${summary.errors} errors) in ${seconds.toFixed(2)} s = ${Math.round(summary.lines / seconds)} messages/s`,
  );
}

async function measureChildProcess(lines: readonly string[]): Promise<void> {
  const start = performance.now();
  const child = spawn(process.execPath, [CLI_DEV], { stdio: ["pipe", "pipe", "inherit"] });
  let outputLines = 0;
  let firstOutputAt = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    if (firstOutputAt === 0) firstOutputAt = performance.now();
    for (const byte of chunk) if (byte === 10) outputLines++;
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  child.stdin.end(`${lines.join("\n")}\n`);
  const code = await exited;
  const seconds = (performance.now() - start) / 1000;
  const startup = (firstOutputAt - start) / 1000;
  console.log(
    `child process (cli-dev.ts): ${outputLines} lines in ${seconds.toFixed(2)} s including start-up = ${Math.round(outputLines / seconds)} messages/s (first output after ${startup.toFixed(2)} s, exit ${code})`,
  );
}

function measureHugeInput(): void {
  const huge = "wezi wamevamia nyumba ".repeat(50_000);
  const start = performance.now();
  const result = triageReport(huge);
  console.log(
    `1 MB message: ${(performance.now() - start).toFixed(2)} ms (${result.category}/${result.urgency})`,
  );
}

const lines = generateMessages(COUNT);
const buildStart = performance.now();
triageReport("warm up");
console.log(`index build (lexicon + gazetteer + model): ${(performance.now() - buildStart).toFixed(0)} ms`);
console.log(`messages: ${lines.length} (dev set repeated and perturbed)`);
measureLatency(lines);
await measureInProcess(lines);
await measureChildProcess(lines);
measureHugeInput();
