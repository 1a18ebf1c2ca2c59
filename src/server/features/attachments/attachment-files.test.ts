import { describe, expect, it } from "vitest";
import { cleanFilename, contentDisposition, sniffMediaType } from "./attachment-files.ts";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("attachment type sniffing", () => {
  it.each([
    ["photo.jpg", bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"), "image/jpeg"],
    ["sheet.png", bytes([0x89], "PNG\r\n", [0x1a, 0x0a, 0, 0]), "image/png"],
    ["pic.webp", bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "), "image/webp"],
    ["minutes.pdf", bytes("%PDF-1.7\n"), "application/pdf"],
    ["voice.ogg", bytes("OggS", [0, 2]), "audio/ogg"],
    ["voice.mp3", bytes("ID3", [4, 0]), "audio/mpeg"],
    ["voice.m4a", bytes([0, 0, 0, 0x20], "ftypM4A ", [0, 0]), "audio/mp4"],
    ["clip.mp4", bytes([0, 0, 0, 0x20], "ftypisom", [0, 0]), "video/mp4"],
    ["notes.txt", bytes("Mkutano wa baraza ulifanyika Kaptembwo"), "text/plain; charset=utf-8"],
    ["list.csv", bytes("name,ward\nA,Kaptembwo\n"), "text/csv; charset=utf-8"],
    [
      "report.docx",
      bytes("PK", [3, 4, 20, 0]),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
  ])("recognises %s from its bytes", (name, content, mediaType) => {
    expect(sniffMediaType(content, name)).toEqual({ ok: true, mediaType });
  });

  it("judges by the bytes, not the name: a script called photo.jpg is refused", () => {
    const result = sniffMediaType(bytes("<script>alert(1)</script>"), "photo.jpg");
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/not accepted.*JPEG/) });
  });

  it("refuses HTML even when named .txt, other ZIP archives, binary text and empty files", () => {
    expect(sniffMediaType(bytes("plain", [0], "nul"), "notes.txt").ok).toBe(false);
    expect(sniffMediaType(bytes("PK", [3, 4]), "bundle.zip")).toEqual({
      ok: false,
      reason: expect.stringMatching(/ZIP archives are not accepted/),
    });
    expect(sniffMediaType(bytes([0xc3, 0x28]), "bad.txt").ok).toBe(false);
    expect(sniffMediaType(new Uint8Array(), "empty.pdf")).toEqual({
      ok: false,
      reason: "The file is empty.",
    });
  });
});

describe("attachment file names", () => {
  it("keeps only the last path segment and drops control characters and quotes", () => {
    expect(cleanFilename("C:\\Users\\amina\\Picha ya baraza.jpg")).toBe("Picha ya baraza.jpg");
    expect(cleanFilename('../../etc/"pass\nwd".txt')).toBe("passwd.txt");
  });

  it("answers null when nothing usable is left", () => {
    expect(cleanFilename("  ")).toBeNull();
    expect(cleanFilename("folder/")).toBeNull();
    expect(cleanFilename("..")).toBeNull();
  });

  it("shortens long names to 200 characters and keeps the extension", () => {
    const cleaned = cleanFilename(`${"a".repeat(300)}.pdf`);
    expect(cleaned).toHaveLength(200);
    expect(cleaned?.endsWith(".pdf")).toBe(true);
  });

  it("offers an ASCII fallback and the exact UTF-8 name for download", () => {
    expect(contentDisposition("Mkutano Likoni – ripoti.pdf")).toBe(
      "attachment; filename=\"Mkutano Likoni _ ripoti.pdf\"; filename*=UTF-8''Mkutano%20Likoni%20%E2%80%93%20ripoti.pdf",
    );
  });
});
