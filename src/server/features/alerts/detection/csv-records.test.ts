import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvRecordReader, csvField } from "./csv-records.ts";

interface Read {
  records: { fields: string[]; line: number }[];
  errors: { message: string; line: number }[];
}

function readChunks(chunks: string[]): Read {
  const read: Read = { records: [], errors: [] };
  const reader = new CsvRecordReader({
    record: (fields, line) => read.records.push({ fields, line }),
    malformed: (message, line) => read.errors.push({ message, line }),
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.finish();
  return read;
}

describe("CsvRecordReader", () => {
  it("reads quoted fields holding commas, doubled quotes and line breaks", () => {
    const text = 'a,"Kibera, Lindi","say ""hi""","two\nlines"\nb,c,d,e\n';
    const { records, errors } = readChunks([text]);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { fields: ["a", "Kibera, Lindi", 'say "hi"', "two\nlines"], line: 1 },
      { fields: ["b", "c", "d", "e"], line: 3 },
    ]);
  });

  it("strips a byte-order mark, accepts CRLF and a last line without a line break", () => {
    const { records } = readChunks(["\uFEFFdate,count\r\n2024-01-01,3\r\n", '"x",4']);
    expect(records.map((r) => r.fields)).toEqual([
      ["date", "count"],
      ["2024-01-01", "3"],
      ["x", "4"],
    ]);
  });

  it("skips blank lines but keeps counting them", () => {
    const { records } = readChunks(["a,b\n\n\r\nc,d\n"]);
    expect(records).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["c", "d"], line: 4 },
    ]);
  });

  it("reports malformed quoting with its line and carries on with the next line", () => {
    const { records, errors } = readChunks(['ok,1\nab"c,2\n"x"y,3\nfine,4\n"never closed,5\n']);
    expect(records.map((r) => r.fields)).toEqual([
      ["ok", "1"],
      ["fine", "4"],
    ]);
    expect(errors).toEqual([
      { message: "a quote inside an unquoted field", line: 2 },
      { message: "unexpected text after a closing quote", line: 3 },
      { message: "a quoted field is not closed before the end of the file", line: 5 },
    ]);
  });

  it("reads any records written with csvField the same way however the text is cut into chunks", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r", "é") });
    const record = fc
      .array(field, { minLength: 1, maxLength: 5 })
      .filter((r) => !(r.length === 1 && r[0] === ""));
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, separator, cuts) => {
          const text = records.map((r) => r.map(csvField).join(",")).join(separator) + separator;
          const positions = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...positions].map((start, i) => text.slice(start, positions[i] ?? text.length));
          const read = readChunks(chunks);
          expect(read.errors).toEqual([]);
          expect(read.records.map((r) => r.fields)).toEqual(records);
          let line = 1;
          read.records.forEach((r, i) => {
            expect(r.line).toBe(line);
            line += 1 + (records[i] ?? []).join("").split("\n").length - 1;
          });
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("csvField", () => {
  it("quotes only fields that need it, doubling inner quotes", () => {
    expect(csvField("Mathare")).toBe("Mathare");
    expect(csvField("Kibera, Lindi")).toBe('"Kibera, Lindi"');
    expect(csvField('the "North"')).toBe('"the ""North"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });
});
