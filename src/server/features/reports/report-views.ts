// Turning stored rows into what the staff API answers. Pure. Contact fields never get this far:
// views say only whether there is a contact and whether the resident agreed to be contacted.

import type { DecisionAction, ReportStatus } from "../../../common/contracts/report-workflow.ts";
import type {
  DecisionView,
  EvidenceView,
  PlaceLabel,
  ReportListItem,
  TriageGuessView,
} from "../../../common/contracts/reports.ts";
import { residentTextForStaff } from "../../lib/identity-in-text.ts";
import type { DecisionRow, ReportRow, TriageRow } from "./inbox.repo.ts";
import type { StoredEvidence, TriageInputPart } from "./verification.table.ts";

export const EXCERPT_CHARS = 280;

export type PlaceLookup = ReadonlyMap<string, PlaceLabel>;

export function placeOf(places: PlaceLookup, id: string | null): PlaceLabel | null {
  if (!id) return null;
  return places.get(id) ?? { id, name: id, kind: "unknown" };
}

/** Evidence re-addressed to the part of the report it was found in (the text or one addition). */
export function evidenceByPart(
  evidence: readonly StoredEvidence[],
  parts: readonly TriageInputPart[],
): EvidenceView[] {
  const out: EvidenceView[] = [];
  for (const item of evidence) {
    const part = parts.find((p) => item.start >= p.start && item.end <= p.end);
    if (!part) continue;
    out.push({
      kind: item.kind,
      source: part.source,
      start: item.start - part.start,
      end: item.end - part.start,
      term: item.term,
      label: item.label,
      weight: item.weight,
    });
  }
  return out;
}

export function guessView(
  row: TriageRow,
  places: PlaceLookup,
  keep: (evidence: EvidenceView) => boolean = () => true,
): TriageGuessView {
  return {
    category: row.category,
    urgency: row.urgency,
    place: placeOf(places, row.placeId),
    categoryConfidence: row.categoryConfidence,
    urgencyConfidence: row.urgencyConfidence,
    placeConfidence: row.placeConfidence,
    evidence: evidenceByPart(row.evidence, row.inputParts).filter(keep),
    engineVersion: row.engineVersion,
    createdAt: row.createdAt.toISOString(),
  };
}

export function excerptOf(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  // Cut at a word boundary so that a highlighted word is never split.
  const cut = text.lastIndexOf(" ", EXCERPT_CHARS);
  return text.slice(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS);
}

export function listItemView(
  report: ReportRow,
  additionsCount: number,
  guess: TriageRow | undefined,
  places: PlaceLookup,
): ReportListItem {
  // Masked before it is cut, so that a cut never leaves half a number unrecognised.
  const text = residentTextForStaff(report.text);
  const excerpt = excerptOf(text);
  return {
    id: report.id,
    reference: report.reference,
    channel: report.channel,
    locale: report.locale,
    status: report.status as ReportStatus,
    receivedAt: report.receivedAt.toISOString(),
    excerpt,
    textLength: text.length,
    additionsCount,
    category: report.effectiveCategory,
    urgency: report.effectiveUrgency,
    place: placeOf(places, report.effectivePlaceId),
    guess: guess ? guessView(guess, places, (e) => e.source === "text" && e.end <= excerpt.length) : null,
    decidedAt: report.decidedAt?.toISOString() ?? null,
    hasContact: report.contactSealed !== null || report.contactNameSealed !== null,
    consentToContact: report.consentToContact,
  };
}

export function decisionView(
  row: DecisionRow,
  places: PlaceLookup,
  references: ReadonlyMap<string, string>,
): DecisionView {
  return {
    id: row.id,
    action: row.action as DecisionAction,
    fromStatus: row.fromStatus as ReportStatus,
    toStatus: row.toStatus as ReportStatus,
    category: row.category,
    urgency: row.urgency,
    place: placeOf(places, row.placeId),
    reason: row.reason,
    notes: row.notes,
    duplicateOf: row.duplicateOfId
      ? { id: row.duplicateOfId, reference: references.get(row.duplicateOfId) ?? "" }
      : null,
    decidedBy: row.decidedByLabel,
    decidedAt: row.decidedAt.toISOString(),
  };
}
