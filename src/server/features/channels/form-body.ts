// Form-encoded gateway callbacks, decoded so that no text is lost. The generic form parser keeps
// a percent sequence that is not UTF-8 ("caf%E9") as literal "%E9"; gateways and phones do send
// Latin-1 now and then. Here every value is decoded from its bytes: in the declared charset when
// there is one, else UTF-8, and Windows-1252 when the bytes are not valid UTF-8 (every byte
// sequence is valid Windows-1252, so a message is always readable and never dropped).

export type FormFields = Record<string, string | string[]>;

const PLUS = 0x2b;
const PERCENT = 0x25;
const SPACE = 0x20;

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** "+" is a space, "%XX" a byte; anything else (including a malformed "%ZZ") is kept as it is. */
function unescapeBytes(part: Buffer): Buffer {
  const out = Buffer.allocUnsafe(part.length);
  let length = 0;
  for (let i = 0; i < part.length; i++) {
    const byte = part[i] as number;
    if (byte === PLUS) {
      out[length++] = SPACE;
      continue;
    }
    if (byte === PERCENT) {
      const high = hexValue(part[i + 1]);
      const low = hexValue(part[i + 2]);
      if (high >= 0 && low >= 0) {
        out[length++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    out[length++] = byte;
  }
  return out.subarray(0, length);
}

function decoderFor(charset: string | undefined): TextDecoder {
  try {
    const decoder = new TextDecoder(charset ?? "utf-8", { fatal: true });
    // A form body is ASCII with percent escapes, so a UTF-16 label cannot be right (browsers send
    // such forms as UTF-8 too); decoding its bytes as UTF-16 would turn every value to noise.
    if (!decoder.encoding.startsWith("utf-16")) return decoder;
  } catch {
    // An unknown charset label: UTF-8 is what every gateway we know of sends.
  }
  return new TextDecoder("utf-8", { fatal: true });
}

const WINDOWS_1252 = new TextDecoder("windows-1252");

function decodeText(bytes: Buffer, decoder: TextDecoder): string {
  try {
    return decoder.decode(bytes);
  } catch {
    return WINDOWS_1252.decode(bytes);
  }
}

/** The charset parameter of a Content-Type header, lower-cased; undefined when absent. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset="?([^";\s]+)"?/i.exec(contentType ?? "");
  return match?.[1]?.toLowerCase();
}

/** Parses an application/x-www-form-urlencoded body. Repeated names give arrays, in order. */
export function parseFormBody(body: Buffer, charset?: string): FormFields {
  const decoder = decoderFor(charset);
  const fields: FormFields = Object.create(null);
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf(0x26 /* & */, start);
    if (end === -1) end = body.length;
    const pair = body.subarray(start, end);
    start = end + 1;
    if (pair.length === 0) continue;
    const equals = pair.indexOf(0x3d /* = */);
    const name = decodeText(unescapeBytes(equals === -1 ? pair : pair.subarray(0, equals)), decoder);
    const value = equals === -1 ? "" : decodeText(unescapeBytes(pair.subarray(equals + 1)), decoder);
    const existing = fields[name];
    if (existing === undefined) fields[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else fields[name] = [existing, value];
  }
  return fields;
}
