import { describe, expect, it } from "vitest";
import { EXCERPT_CHARS, evidenceByPart, excerptOf } from "./report-views.ts";
import { analysedText } from "./triage-job.service.ts";

describe("evidence shown on the part of the report it came from", () => {
  it("re-addresses offsets in the analysed text to the report text or the addition", () => {
    const { text, parts } = analysedText("Kuna shida hapa", [{ id: "add-1", text: "Majambazi Kaptembwo" }]);
    expect(text).toBe("Kuna shida hapa\n\nMajambazi Kaptembwo");
    const start = text.indexOf("Majambazi");
    const views = evidenceByPart(
      [
        { kind: "category", term: "shida", start: 5, end: 10, weight: 1, label: "other" },
        { kind: "category", term: "Majambazi", start, end: start + 9, weight: 3, label: "gang_crime" },
      ],
      parts,
    );
    expect(views).toEqual([
      expect.objectContaining({ source: "text", start: 5, end: 10 }),
      expect.objectContaining({ source: "add-1", start: 0, end: 9, term: "Majambazi" }),
    ]);
  });

  it("drops evidence that spans the gap between two parts", () => {
    const { parts } = analysedText("abc", [{ id: "x", text: "def" }]);
    expect(
      evidenceByPart([{ kind: "place", term: "c\n\nd", start: 2, end: 6, weight: 1, label: "" }], parts),
    ).toEqual([]);
  });
});

describe("the list excerpt", () => {
  it("keeps short texts whole and cuts long ones at a word boundary", () => {
    expect(excerptOf("short text")).toBe("short text");
    const long = "neno ".repeat(100);
    const excerpt = excerptOf(long);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_CHARS);
    expect(excerpt.endsWith("neno")).toBe(true);
  });
});
