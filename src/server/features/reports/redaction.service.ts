// Hiding a passage by hand: triage staff who see something identifying that the masker missed (a
// nickname, a house description, a relative's name) replace it with a marker before anyone else
// reads the report. The text as first stored stays sealed for the identity reveal; the audit row
// keeps where and how much was hidden, never the words.
import { and, eq } from "drizzle-orm";
import type { RedactPassageInput, ReportDetail } from "../../../common/contracts/reports.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { enqueueJob } from "../../jobs/queue.ts";
import { badRequest, notFound } from "../../lib/errors.ts";
import type { Principal } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import { getReportDetail } from "./inbox.service.ts";
import {
  hidePassages,
  type PassageChoice,
  passageRanges,
  residentTextForStaff,
  TEXT_ORIGINAL_SEAL_PURPOSE,
} from "./report-text.ts";
import { loadVisibleReport } from "./reports.policy.ts";
import { TRIAGE_JOB } from "./reports.service.ts";
import { reportAdditions, reports } from "./reports.table.ts";

function choiceOf(input: RedactPassageInput): PassageChoice {
  return input.passage !== undefined
    ? { passage: input.passage }
    : { start: input.start ?? 0, end: input.end ?? 0 };
}

export async function redactPassage(
  deps: Deps,
  principal: Principal,
  id: string,
  input: RedactPassageInput,
): Promise<ReportDetail> {
  await inTransaction(deps, async (tx) => {
    const report = await loadVisibleReport(tx.db, principal, id, { forUpdate: true });
    let row: { text: string; textOriginalSealed: string | null } = report;
    if (input.additionId) {
      const [addition] = await tx.db
        .select()
        .from(reportAdditions)
        .where(and(eq(reportAdditions.id, input.additionId), eq(reportAdditions.reportId, report.id)));
      if (!addition) throw notFound("The addition");
      row = addition;
    }
    // Offsets and words refer to the text as staff see it.
    const shown = residentTextForStaff(row.text);
    const found = passageRanges(shown, choiceOf(input));
    if ("problem" in found) {
      const [path = "passage"] = found.problem.split(":");
      throw badRequest(found.problem, [{ path, message: found.problem.slice(path.length + 2) }]);
    }
    const changes = {
      text: hidePassages(shown, found.ranges),
      // The first original is kept: a row never masked before is itself the original.
      textOriginalSealed: row.textOriginalSealed ?? tx.vault.encrypt(TEXT_ORIGINAL_SEAL_PURPOSE, row.text),
    };
    if (input.additionId)
      await tx.db.update(reportAdditions).set(changes).where(eq(reportAdditions.id, input.additionId));
    else await tx.db.update(reports).set(changes).where(eq(reports.id, report.id));
    await recordAudit(tx, actorOf(principal), {
      action: "report.redact",
      entityType: "report",
      entityId: report.id,
      placePath: report.effectivePlacePath,
      // Where and how much, never the words.
      after: {
        part: input.additionId ? "addition" : "text",
        additionId: input.additionId ?? null,
        hidden: found.ranges.map((r) => ({ start: r.start, length: r.end - r.start })),
      },
    });
    // The words the guess was based on changed.
    await enqueueJob(tx, TRIAGE_JOB, { reportId: report.id }, { dedupeKey: `triage:${report.id}` });
  });
  return getReportDetail(deps, principal, id);
}
