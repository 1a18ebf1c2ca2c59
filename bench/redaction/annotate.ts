/**
 * Builds data/redaction/dev.jsonl from data/redaction/dev.annotated.txt, where each line is
 * `lang<TAB>text` with identifying spans written as {{p:…}} (phone), {{e:…}} (email), {{i:…}}
 * (id_number) and {{n:…}} (name). Offsets are computed here, so nobody counts characters by hand.
 *   npx node bench/redaction/annotate.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const KINDS: Record<string, string> = { p: "phone", e: "email", i: "id_number", n: "name" };
const SOURCE = fileURLToPath(new URL("../../data/redaction/dev.annotated.txt", import.meta.url));
const TARGET = fileURLToPath(new URL("../../data/redaction/dev.jsonl", import.meta.url));

const lines = readFileSync(SOURCE, "utf8").trim().split("\n");
const out = lines.map((line, index) => {
  const [lang = "", annotated = ""] = line.split("\t");
  let text = "";
  const spans: { start: number; end: number; kind: string }[] = [];
  let at = 0;
  for (const match of annotated.matchAll(/\{\{([pein]):(.*?)\}\}/g)) {
    text += annotated.slice(at, match.index);
    const kind = KINDS[match[1] ?? ""];
    if (!kind) throw new Error(`line ${index + 1}: unknown kind ${match[1]}`);
    spans.push({ start: text.length, end: text.length + (match[2] ?? "").length, kind });
    text += match[2];
    at = match.index + match[0].length;
  }
  text += annotated.slice(at);
  if (text.includes("{{")) throw new Error(`line ${index + 1}: unclosed span`);
  return JSON.stringify({ id: `dev-${String(index + 1).padStart(3, "0")}`, lang, text, spans });
});
writeFileSync(TARGET, `${out.join("\n")}\n`);
console.log(`${out.length} messages written to data/redaction/dev.jsonl`);
