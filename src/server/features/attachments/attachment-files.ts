// What an attachment may be: the type is read from the file's own bytes, never from the name or the
// browser's Content-Type, so a script renamed to photo.jpg is refused instead of served back.
// Pure; the service seals what passes.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_RECORD = 30;
const MAX_FILENAME_LENGTH = 200;

export const ACCEPTED_KINDS_TEXT =
  "photos (JPEG, PNG, WebP), PDF, plain text or CSV, audio (MP3, M4A, OGG), MP4 video, Word (.docx) or Excel (.xlsx)";

export type SniffResult = { ok: true; mediaType: string } | { ok: false; reason: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot < 0 ? "" : filename.slice(dot + 1).toLowerCase();
}

/** ISO base media (MP4/M4A): "ftyp" at offset 4, then the major brand. */
function isoMediaType(bytes: Uint8Array): string | null {
  if (!startsWith(bytes, ascii("ftyp"), 4)) return null;
  const brand = String.fromCharCode(...bytes.subarray(8, 12));
  return brand === "M4A " || brand === "M4B " ? "audio/mp4" : "video/mp4";
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** MPEG audio frame sync (11 set bits), excluding JPEG's FF D8. */
const isMpegFrame = (bytes: Uint8Array) =>
  bytes.length > 1 && bytes[0] === 0xff && ((bytes[1] as number) & 0xe0) === 0xe0 && bytes[1] !== 0xd8;

export function sniffMediaType(bytes: Uint8Array, filename: string): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: "The file is empty." };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, mediaType: "image/jpeg" };
  if (startsWith(bytes, [0x89, ...ascii("PNG\r\n"), 0x1a, 0x0a])) return { ok: true, mediaType: "image/png" };
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8))
    return { ok: true, mediaType: "image/webp" };
  if (startsWith(bytes, ascii("%PDF-"))) return { ok: true, mediaType: "application/pdf" };
  if (startsWith(bytes, ascii("OggS"))) return { ok: true, mediaType: "audio/ogg" };
  if (startsWith(bytes, ascii("ID3")) || isMpegFrame(bytes)) return { ok: true, mediaType: "audio/mpeg" };
  const iso = isoMediaType(bytes);
  if (iso) return { ok: true, mediaType: iso };
  const extension = extensionOf(filename);
  if (startsWith(bytes, [...ascii("PK"), 0x03, 0x04])) {
    // Office files are ZIP archives; any other archive could carry anything, so it is refused.
    if (extension === "docx")
      return {
        ok: true,
        mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      };
    if (extension === "xlsx")
      return { ok: true, mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
    return { ok: false, reason: `ZIP archives are not accepted. Send ${ACCEPTED_KINDS_TEXT}.` };
  }
  if ((extension === "txt" || extension === "csv") && isUtf8Text(bytes))
    return {
      ok: true,
      mediaType: extension === "csv" ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8",
    };
  return { ok: false, reason: `This kind of file is not accepted. Send ${ACCEPTED_KINDS_TEXT}.` };
}

/**
 * A file name safe to store and to offer back: the last path segment, no control characters,
 * at most 200 characters (keeping the extension). Null when nothing usable is left.
 */
export function cleanFilename(raw: string): string | null {
  const lastSegment = raw.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = lastSegment.replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  if (cleaned === "" || cleaned === "." || cleaned === "..") return null;
  if (cleaned.length <= MAX_FILENAME_LENGTH) return cleaned;
  const extension = extensionOf(cleaned);
  const keep = extension && extension.length < 10 ? `.${extension}` : "";
  return cleaned.slice(0, MAX_FILENAME_LENGTH - keep.length) + keep;
}

/** Content-Disposition for a download: an ASCII fallback plus the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/[\\;]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
