import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runTriageBatch } from "./batch.ts";

async function runBatch(
  chunks: string[],
): Promise<{ lines: unknown[]; summary: { lines: number; errors: number } }> {
  let output = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString("utf8");
      done();
    },
  });
  const summary = await runTriageBatch(Readable.from(chunks), sink);
  const lines = output
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line));
  return { lines, summary };
}

describe("runTriageBatch", () => {
  it("writes one result per input line, in order, with exactly the contract's fields", async () => {
    const { lines, summary } = await runBatch([
      '{"id":"r1","text":"majambazi wanavunja maduka kaptembwo sasa hivi"}\n',
      '{"id":"r2","text":"mitaro imeziba soko mjinga"}\n',
    ]);
    expect(summary).toEqual({ lines: 2, errors: 0 });
    expect(lines).toEqual([
      { id: "r1", category: "gang_crime", urgency: "emergency", county: "Nakuru", place: "Kaptembwo" },
      { id: "r2", category: "service_delivery", urgency: "routine", county: "Nakuru", place: "Soko Mjinga" },
    ]);
  });

  it("handles CRLF, a line split across chunks and a missing final newline", async () => {
    const { lines } = await runBatch([
      '{"id":"a","text":"hello"}\r\n{"id":"b",',
      '"text":"test"}\r\n{"id":"c","text":"x"}',
    ]);
    expect(lines.map((line) => (line as { id: string }).id)).toEqual(["a", "b", "c"]);
  });

  it("answers every malformed line with its line number and never drops one", async () => {
    const { lines, summary } = await runBatch([
      '{"id":"ok","text":"hello"}\n',
      "not json\n",
      "\n",
      "[1,2]\n",
      '{"text":"no id"}\n',
      '{"id":"t1"}\n',
      '{"id":"t2","text":42}\n',
      '{"id":{"x":1},"text":"bad id"}\n',
    ]);
    expect(summary).toEqual({ lines: 8, errors: 7 });
    expect(lines.slice(1)).toEqual([
      { id: null, error: expect.stringMatching(/^line 2: invalid JSON/) },
      { id: null, error: "line 3: empty line" },
      { id: null, error: "line 4: expected a JSON object, got an array" },
      { id: null, error: 'line 5: "id" is missing' },
      { id: "t1", error: 'line 6: "text" is missing' },
      { id: "t2", error: 'line 7: "text" must be a string, got a number' },
      { id: null, error: 'line 8: "id" must be a string or a number, got a object' },
    ]);
  });
});
