/**
 * Development entry point until the `baraza triage` command is used (the lead may delete this file).
 *   npx node src/server/features/reports/triage/cli-dev.ts < reports.jsonl > triaged.jsonl
 *   npx node src/server/features/reports/triage/cli-dev.ts --evaluate data/triage/dev-set.jsonl
 */
import { runTriageBatch } from "./batch.ts";
import { evaluateDevSetFile } from "./evaluate.ts";

const [flag, path] = process.argv.slice(2);
if (flag === "--evaluate" && path) {
  console.log(await evaluateDevSetFile(path));
} else if (flag === undefined) {
  const summary = await runTriageBatch(process.stdin, process.stdout);
  if (summary.errors > 0) console.error(`${summary.errors} of ${summary.lines} lines had errors`);
} else {
  console.error("usage: cli-dev.ts < input.jsonl   |   cli-dev.ts --evaluate <labelled.jsonl>");
  process.exitCode = 2;
}
