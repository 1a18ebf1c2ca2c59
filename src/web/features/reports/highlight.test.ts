import { describe, expect, it } from "vitest";
import type { EvidenceView } from "../../../common/contracts/reports.ts";
import { highlightRuns } from "./highlight.ts";

const evidence = (start: number, end: number, extra: Partial<EvidenceView> = {}): EvidenceView => ({
  kind: "category",
  source: "text",
  start,
  end,
  term: "",
  label: "gang_crime",
  weight: 1,
  ...extra,
});

describe("highlighting the evidence in a report", () => {
  const text = "majambazi Kaptembwo sasa hivi";

  it("marks each matched span and keeps the text between them", () => {
    const runs = highlightRuns(text, [
      evidence(0, 9),
      evidence(10, 19, { kind: "place", label: "l:kaptembwo" }),
    ]);
    expect(runs.map((r) => [r.text, r.evidence?.kind ?? null])).toEqual([
      ["majambazi", "category"],
      [" ", null],
      ["Kaptembwo", "place"],
      [" sasa hivi", null],
    ]);
    expect(runs.map((r) => r.text).join("")).toBe(text);
  });

  it("skips overlapping spans, spans of another part and spans outside the text", () => {
    const runs = highlightRuns(text, [
      evidence(20, 29, { kind: "urgency" }),
      evidence(25, 29),
      evidence(0, 9, { source: "addition-1" }),
      evidence(25, 99),
    ]);
    expect(runs.map((r) => [r.text, r.evidence?.kind ?? null])).toEqual([
      ["majambazi Kaptembwo ", null],
      ["sasa hivi", "urgency"],
    ]);
  });

  it("returns the whole text as one plain run without evidence", () => {
    expect(highlightRuns("😀", [])).toEqual([{ start: 0, text: "😀", evidence: null }]);
    expect(highlightRuns("", [])).toEqual([]);
  });
});
