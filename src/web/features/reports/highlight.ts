// Splits a report's text into plain and highlighted runs, so that the words triage relied on stand
// out. Pure. Evidence may overlap (a place inside a phrase); the first, longest span wins.
import type { EvidenceView } from "../../../common/contracts/reports.ts";

export interface TextRun {
  /** Offset of the run in the text; unique, so it serves as a key. */
  start: number;
  text: string;
  evidence: Pick<EvidenceView, "kind" | "label"> | null;
}

export function highlightRuns(text: string, evidence: readonly EvidenceView[], source = "text"): TextRun[] {
  const spans = evidence
    .filter((e) => e.source === source && e.start >= 0 && e.end <= text.length && e.end > e.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: TextRun[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) runs.push({ start: at, text: text.slice(at, span.start), evidence: null });
    runs.push({
      start: span.start,
      text: text.slice(span.start, span.end),
      evidence: { kind: span.kind, label: span.label },
    });
    at = span.end;
  }
  if (at < text.length) runs.push({ start: at, text: text.slice(at), evidence: null });
  return runs;
}
