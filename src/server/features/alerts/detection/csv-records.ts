// Minimal streaming RFC 4180 reader and writer helpers. Lines without quotes (nearly all of a counts file)
// take a split(",") fast path; quoted fields may hold commas, doubled quotes and line breaks.

export interface CsvRecordSink {
  /** One record; `line` is the 1-based physical line where it starts. */
  record(fields: string[], line: number): void;
  /** A record that could not be read; reading resumes on the next line. */
  malformed(message: string, line: number): void;
}

/** Longest record accepted; far beyond any sane counts row. */
const MAX_RECORD_CHARS = 64 * 1024;

type QuotedResult =
  | { kind: "record"; fields: string[]; next: number; lineBreaks: number }
  | { kind: "error"; message: string; next: number; lineBreaks: number }
  | { kind: "incomplete" };

export class CsvRecordReader {
  private pending = "";
  private line = 1;
  private started = false;
  private readonly sink: CsvRecordSink;

  constructor(sink: CsvRecordSink) {
    this.sink = sink;
  }

  push(chunk: string): void {
    let text = this.pending + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.pending = text.slice(this.consume(text, false));
  }

  /** Reads whatever is left after the last chunk (a final line without a line break). */
  finish(): void {
    const text = this.pending;
    this.pending = "";
    this.consume(text, true);
  }

  /** Emits every complete record in `text`; returns where the unread remainder starts. */
  private consume(text: string, atEnd: boolean): number {
    let position = 0;
    let nextQuote = text.indexOf('"');
    while (position < text.length) {
      let lineEnd = text.indexOf("\n", position);
      if (lineEnd === -1) {
        if (!atEnd) return position;
        lineEnd = text.length;
      }
      if (nextQuote !== -1 && nextQuote < position) nextQuote = text.indexOf('"', position);
      if (nextQuote === -1 || nextQuote > lineEnd) {
        const end = lineEnd > position && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        if (end > position) this.sink.record(splitPlainLine(text, position, end), this.line);
        this.line++;
        position = lineEnd + 1;
        continue;
      }
      let result = readQuotedRecord(text, position, atEnd);
      if (result.kind === "incomplete") {
        if (text.length - position <= MAX_RECORD_CHARS) return position;
        // An unclosed quote would otherwise swallow the rest of the file: read it as if the file ended here.
        result = readQuotedRecord(text, position, true);
      }
      if (result.kind === "incomplete") return position;
      if (result.kind === "record") this.sink.record(result.fields, this.line);
      else this.sink.malformed(result.message, this.line);
      this.line += result.lineBreaks + 1;
      position = result.next;
    }
    return position;
  }
}

/** Fields of text[start, end), a line known to hold no quote. */
function splitPlainLine(text: string, start: number, end: number): string[] {
  const fields: string[] = [];
  let from = start;
  for (let comma = text.indexOf(",", from); comma !== -1 && comma < end; comma = text.indexOf(",", from)) {
    fields.push(text.slice(from, comma));
    from = comma + 1;
  }
  fields.push(text.slice(from, end));
  return fields;
}

/** Character-level reading of one record that contains a quote, starting at `start`. */
function readQuotedRecord(text: string, start: number, atEnd: boolean): QuotedResult {
  const fields: string[] = [];
  let position = start;
  let lineBreaks = 0;
  for (;;) {
    let value = "";
    if (text.charCodeAt(position) === 34) {
      // Quoted field: runs to a quote not followed by another quote.
      let cursor = position + 1;
      for (;;) {
        const quote = text.indexOf('"', cursor);
        if (quote === -1) {
          if (!atEnd) return { kind: "incomplete" };
          return skipLine(text, start, "a quoted field is not closed before the end of the file");
        }
        if (quote + 1 >= text.length && !atEnd) return { kind: "incomplete" };
        value += text.slice(cursor, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"';
          cursor = quote + 2;
          continue;
        }
        position = quote + 1;
        break;
      }
      lineBreaks += countLineBreaks(value);
    } else {
      const comma = text.indexOf(",", position);
      let end = text.indexOf("\n", position);
      if (end === -1) end = text.length;
      const fieldEnd = comma !== -1 && comma < end ? comma : end;
      value = text.slice(position, fieldEnd);
      if (value.endsWith("\r") && fieldEnd === end) value = value.slice(0, -1);
      if (value.includes('"')) return skipLine(text, position, "a quote inside an unquoted field");
      position = fieldEnd;
    }
    fields.push(value);
    const next = text.charCodeAt(position);
    if (next === 44) {
      position++;
      continue;
    }
    if (position >= text.length)
      return atEnd ? { kind: "record", fields, next: position, lineBreaks } : { kind: "incomplete" };
    if (next === 10) return { kind: "record", fields, next: position + 1, lineBreaks };
    if (next === 13 && text.charCodeAt(position + 1) === 10)
      return { kind: "record", fields, next: position + 2, lineBreaks };
    if (next === 13 && position + 1 >= text.length && !atEnd) return { kind: "incomplete" };
    return skipLine(text, position, "unexpected text after a closing quote");
  }

  function skipLine(source: string, from: number, message: string): QuotedResult {
    const lineEnd = source.indexOf("\n", from);
    const next = lineEnd === -1 ? source.length : lineEnd + 1;
    return { kind: "error", message, next, lineBreaks: countLineBreaks(source.slice(start, from)) };
  }
}

function countLineBreaks(value: string): number {
  let count = 0;
  for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) count++;
  return count;
}

/** A field as RFC 4180 wants it: quoted (quotes doubled) only when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
