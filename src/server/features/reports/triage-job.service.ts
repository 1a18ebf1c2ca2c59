// The "report.triage" job: a first guess of category, urgency and place for every report, stored
// apart from what the resident said and what staff decide. Runs when a report arrives and again
// when information is added. Jobs run at least once, so a re-delivered job with nothing new is a no-op.
import { createHash } from "node:crypto";
import { asc, desc, eq } from "drizzle-orm";
import shippedModels from "../../../../data/triage/model.json" with { type: "json" };
import { placeById } from "../../../common/places/index.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { reportAdditions, reports } from "./reports.table.ts";
import { triageReport } from "./triage/triage.ts";
import { reportTriage, type StoredEvidence, type TriageInputPart } from "./verification.table.ts";

/**
 * Names the engine that made a guess: bump the prefix when the lexicon or rules change; the model
 * part follows data/triage/model.json by itself. Labelled examples record it, so a retrained model
 * can be compared with the guesses people corrected.
 */
export const TRIAGE_ENGINE_VERSION = `lexicon-nb-1+${createHash("sha256")
  .update(JSON.stringify(shippedModels))
  .digest("hex")
  .slice(0, 10)}`;

const PART_SEPARATOR = "\n\n";

/** The report's text followed by what was added later, and where each part lies in it. */
export function analysedText(
  text: string,
  additions: readonly { id: string; text: string }[],
): { text: string; parts: TriageInputPart[] } {
  const parts: TriageInputPart[] = [{ source: "text", start: 0, end: text.length }];
  let combined = text;
  for (const addition of additions) {
    combined += PART_SEPARATOR;
    parts.push({ source: addition.id, start: combined.length, end: combined.length + addition.text.length });
    combined += addition.text;
  }
  return { text: combined, parts };
}

/** The report's text and additions in the order the resident sent them. */
export async function loadAnalysedText(deps: Deps, report: { id: string; text: string }) {
  const additions = await deps.db
    .select({ id: reportAdditions.id, text: reportAdditions.text })
    .from(reportAdditions)
    .where(eq(reportAdditions.reportId, report.id))
    .orderBy(asc(reportAdditions.receivedAt), asc(reportAdditions.id));
  return analysedText(report.text, additions);
}

export async function runTriageJob(deps: Deps, payload: Record<string, unknown>): Promise<void> {
  const reportId = payload.reportId;
  if (typeof reportId !== "string") throw new Error("report.triage job without a reportId");
  await inTransaction(deps, async (tx) => {
    // Locked so that a staff decision and a re-triage cannot interleave on the same report.
    const [report] = await tx.db
      .select({ id: reports.id, text: reports.text, status: reports.status })
      .from(reports)
      .where(eq(reports.id, reportId))
      .for("update");
    if (!report) throw new Error(`report.triage: no report ${reportId}`);
    const analysed = await loadAnalysedText(tx, report);
    const inputHash = createHash("sha256")
      .update(`${TRIAGE_ENGINE_VERSION}\u0000${analysed.text}`)
      .digest("hex");
    const [latest] = await tx.db
      .select({ inputHash: reportTriage.inputHash })
      .from(reportTriage)
      .where(eq(reportTriage.reportId, reportId))
      .orderBy(desc(reportTriage.seq))
      .limit(1);
    if (latest?.inputHash === inputHash) return;

    const guess = triageReport(analysed.text);
    // Triage reads the shipped gazetteer, which syncGazetteer copies into the places table at every
    // start: its paths are the table's, without a query per report.
    const placePath = guess.placeId ? (placeById(guess.placeId)?.path ?? null) : null;
    const placeId = placePath ? guess.placeId : null;
    const evidence: StoredEvidence[] = [
      ...guess.evidence.category.map((e) => ({ kind: "category" as const, ...e })),
      ...guess.evidence.urgency.map((e) => ({ kind: "urgency" as const, ...e })),
      ...guess.evidence.place.map((e) => ({ kind: "place" as const, ...e })),
    ];
    const now = tx.now();
    await tx.db.insert(reportTriage).values({
      reportId,
      category: guess.category,
      urgency: guess.urgency,
      placeId,
      placePath,
      categoryConfidence: guess.categoryConfidence,
      urgencyConfidence: guess.urgencyConfidence,
      placeConfidence: guess.placeConfidence,
      evidence,
      inputParts: analysed.parts,
      inputHash,
      engineVersion: TRIAGE_ENGINE_VERSION,
      createdAt: now,
    });
    const nextStatus = report.status === "new" ? "triaged" : report.status;
    const [updated] = await tx.db
      .update(reports)
      .set({
        guessCategory: guess.category,
        guessUrgency: guess.urgency,
        guessPlaceId: placeId,
        guessPlacePath: placePath,
        triagedAt: now,
        status: nextStatus,
      })
      .where(eq(reports.id, reportId))
      .returning({ effectivePlacePath: reports.effectivePlacePath });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: "report.triage",
      entityType: "report",
      entityId: reportId,
      placePath: updated?.effectivePlacePath ?? null,
      before: { status: report.status },
      after: {
        status: nextStatus,
        category: guess.category,
        urgency: guess.urgency,
        placeId,
        categoryConfidence: guess.categoryConfidence,
        urgencyConfidence: guess.urgencyConfidence,
        engineVersion: TRIAGE_ENGINE_VERSION,
      },
    });
  });
}
