/**
 * Triage for JSON lines: `{"id","text"}` in, one `{"id","category","urgency","county","place"}` out
 * per input line, in order. A bad line becomes `{"id", "error": "line N: …"}`: nothing is dropped
 * and nothing crashes. Input is streamed line by line (CRLF and a missing final newline are fine).
 */
import { createInterface } from "node:readline";
import { type TriageResult, triageReport } from "./triage.ts";

export interface BatchSummary {
  lines: number;
  errors: number;
}

type OutputRecord =
  | { id: unknown; category: string; urgency: string; county: string | null; place: string | null }
  | { id: unknown; error: string };

/** Output is gathered and written once per input burst, so 20,000 lines are not 20,000 syscalls. */
const FLUSH_BYTES = 64 * 1024;

function describe(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

export function triageLine(
  line: string,
  lineNumber: number,
  triage: (text: string) => TriageResult = triageReport,
): OutputRecord {
  if (line.trim().length === 0) return { id: null, error: `line ${lineNumber}: empty line` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `line ${lineNumber}: invalid JSON (${(error as Error).message})` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { id: null, error: `line ${lineNumber}: expected a JSON object, got ${describe(parsed)}` };
  }
  const { id, text } = parsed as { id?: unknown; text?: unknown };
  const validId = typeof id === "string" || (typeof id === "number" && Number.isFinite(id));
  if (!validId) {
    const what = id === undefined ? "is missing" : `must be a string or a number, got ${describe(id)}`;
    return { id: null, error: `line ${lineNumber}: "id" ${what}` };
  }
  if (typeof text !== "string") {
    const what = text === undefined ? "is missing" : `must be a string, got ${describe(text)}`;
    return { id, error: `line ${lineNumber}: "text" ${what}` };
  }
  try {
    const result = triage(text);
    return {
      id,
      category: result.category,
      urgency: result.urgency,
      county: result.county,
      place: result.place,
    };
  } catch (error) {
    return { id, error: `line ${lineNumber}: triage failed (${(error as Error).message})` };
  }
}

export async function runTriageBatch(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<BatchSummary> {
  const summary: BatchSummary = { lines: 0, errors: 0 };
  const writer = new BufferedWriter(output);
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  try {
    for await (const line of reader) {
      if (writer.closed) break;
      summary.lines++;
      const record = triageLine(line, summary.lines);
      if ("error" in record) summary.errors++;
      await writer.write(`${JSON.stringify(record)}\n`);
    }
  } finally {
    reader.close();
    await writer.flush();
  }
  return summary;
}

/**
 * Collects output and writes it when enough has gathered or the current burst of input is done,
 * waiting for 'drain' when the consumer is slow. A closed consumer (EPIPE from `| head`) ends the run.
 */
class BufferedWriter {
  #pending: string[] = [];
  #pendingBytes = 0;
  #scheduled = false;
  closed = false;
  readonly #output: NodeJS.WritableStream;

  constructor(output: NodeJS.WritableStream) {
    this.#output = output;
    output.on("error", () => {
      this.closed = true;
    });
  }

  async write(chunk: string): Promise<void> {
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    if (this.#pendingBytes >= FLUSH_BYTES) {
      await this.flush();
    } else if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        void this.flush();
      });
    }
  }

  async flush(): Promise<void> {
    if (this.#pending.length === 0 || this.closed) return;
    const data = this.#pending.join("");
    this.#pending = [];
    this.#pendingBytes = 0;
    if (!this.#output.write(data)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.#output.off("drain", done);
          this.#output.off("error", done);
          this.#output.off("close", done);
          resolve();
        };
        this.#output.once("drain", done);
        this.#output.once("error", done);
        this.#output.once("close", done);
      });
    }
  }
}
