/**
 * The resident free-text masker (src/server/lib/identity-in-text.ts) measured on each labelled set
 * in data/redaction/ (dev.jsonl, eval.jsonl; format in data/redaction/README.md). Prints, per set:
 * recall of identifying spans per kind (a span is found when the masked text no longer contains
 * it), and false masks (masked regions that overlap no labelled span), also per 100 messages.
 * Asserts nothing.
 *   npx node bench/redaction/run.ts
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findIdentifyingSpans, maskIdentities } from "../../src/server/lib/identity-in-text.ts";

interface Span {
  start: number;
  end: number;
  kind: string;
}
interface Example {
  id: string;
  lang: string;
  text: string;
  spans: Span[];
}

const SETS = ["dev", "eval"];
const KINDS = ["phone", "email", "id_number", "name"];

function load(path: string): Example[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Example);
}

const pct = (found: number, total: number) => (total ? (found / total).toFixed(3) : "  -  ");

function measure(name: string, examples: Example[]): void {
  const found: Record<string, number> = {};
  const total: Record<string, number> = {};
  const falseMasks: string[] = [];
  const missed: string[] = [];
  for (const example of examples) {
    const masked = maskIdentities(example.text).text;
    for (const span of example.spans) {
      const typed = example.text.slice(span.start, span.end);
      total[span.kind] = (total[span.kind] ?? 0) + 1;
      if (masked.includes(typed)) missed.push(`${example.id} ${span.kind}: ${JSON.stringify(typed)}`);
      else found[span.kind] = (found[span.kind] ?? 0) + 1;
    }
    for (const region of findIdentifyingSpans(example.text)) {
      const overlaps = example.spans.some((s) => region.start < s.end && s.start < region.end);
      if (!overlaps)
        falseMasks.push(
          `${example.id} ${region.kind}: ${JSON.stringify(example.text.slice(region.start, region.end))}`,
        );
    }
  }
  const allFound = KINDS.reduce((n, k) => n + (found[k] ?? 0), 0);
  const allTotal = KINDS.reduce((n, k) => n + (total[k] ?? 0), 0);
  console.log(`\n${name}: ${examples.length} messages, ${allTotal} identifying spans`);
  console.log(`  recall        all ${pct(allFound, allTotal)} (${allFound}/${allTotal})`);
  for (const kind of KINDS)
    console.log(
      `                ${kind.padEnd(9)} ${pct(found[kind] ?? 0, total[kind] ?? 0)} (${found[kind] ?? 0}/${total[kind] ?? 0})`,
    );
  const per100 = examples.length ? ((falseMasks.length * 100) / examples.length).toFixed(1) : "-";
  console.log(`  false masks   ${falseMasks.length} (${per100} per 100 messages)`);
  for (const line of missed) console.log(`    missed      ${line}`);
  for (const line of falseMasks) console.log(`    false mask  ${line}`);
}

// The triage sets are ordinary reports with nobody's identity in them: every mask there is false.
for (const set of ["dev-set", "holdout", "train"]) {
  const path = fileURLToPath(new URL(`../../data/triage/${set}.jsonl`, import.meta.url));
  if (!existsSync(path)) continue;
  const texts = load(path).map((e) => ({ ...e, spans: [] }));
  const masks = texts.filter((e) => findIdentifyingSpans(e.text).length > 0).length;
  console.log(`triage/${set}: ${texts.length} ordinary reports, ${masks} with something masked (all false)`);
}

for (const set of SETS) {
  const path = fileURLToPath(new URL(`../../data/redaction/${set}.jsonl`, import.meta.url));
  if (!existsSync(path)) {
    console.log(`\n${set}: data/redaction/${set}.jsonl is not here yet; skipped`);
    continue;
  }
  measure(set, load(path));
}
