// Demo response history, so that the response metrics have something to show: eight Mombasa cases
// opened over the last month, each taken through the real services at its own past moments
// (submitted, triaged, verified and routed, acknowledged, acted on, resolved or closed). Two are
// overdue now. Mombasa, because the early-warning demo tells its story in Nakuru and Nairobi's
// inbox belongs to the triage journey.
import { eq } from "drizzle-orm";
import type { CaseAction } from "../../../common/contracts/cases.ts";
import type { CategoryCode, Urgency } from "../../../common/taxonomy.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import type { Principal } from "../../lib/scope.ts";
import { submitReport } from "../reports/reports.service.ts";
import { runTriageJob } from "../reports/triage-job.service.ts";
import { verifyReport } from "../reports/verification.service.ts";
import { transitionCase } from "./case-lifecycle.service.ts";
import { caseReports } from "./cases.table.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface DemoStep {
  /** Hours after the case opened. */
  after: number;
  action: CaseAction;
  notes?: string;
  reason?: string;
}

interface DemoCase {
  daysAgo: number;
  text: string;
  category: CategoryCode;
  urgency: Urgency;
  placeId: string;
  steps: DemoStep[];
}

export const DEMO_CASE_HISTORY: readonly DemoCase[] = [
  {
    daysAgo: 30,
    text: "A gang robbed three shops near Kongowea market last night",
    category: "gang_crime",
    urgency: "high",
    placeId: "s:004",
    steps: [
      { after: 2, action: "acknowledge" },
      { after: 10, action: "start", notes: "Desk called the chief and the OCS" },
      { after: 72, action: "resolve", notes: "Patrols increased; two suspects arrested" },
    ],
  },
  {
    daysAgo: 25,
    text: "Mama mmoja anapigwa na mumewe kila usiku Likoni",
    category: "gbv",
    urgency: "high",
    placeId: "s:005",
    steps: [
      { after: 1, action: "acknowledge" },
      { after: 5, action: "start", notes: "Counsellor visited with a community health volunteer" },
      { after: 48, action: "resolve", notes: "Referred to the GBV recovery centre; safety plan made" },
    ],
  },
  {
    daysAgo: 20,
    text: "Sewage has flooded the lane behind the primary school in Changamwe",
    category: "service_delivery",
    urgency: "routine",
    placeId: "s:001",
    steps: [
      { after: 20, action: "acknowledge" },
      { after: 30, action: "start", notes: "Raised with the county public health office" },
      { after: 120, action: "resolve", notes: "The county cleared the drain" },
    ],
  },
  {
    daysAgo: 14,
    text: "Two clans are quarrelling over a plot in Kisauni, youths are gathering",
    category: "communal_conflict",
    urgency: "high",
    placeId: "s:003",
    steps: [
      { after: 3, action: "acknowledge" },
      { after: 24, action: "start", notes: "Peace committee meeting called for Saturday" },
    ],
  },
  {
    daysAgo: 12,
    text: "Someone says there will be trouble at the stage, no details",
    category: "other",
    urgency: "routine",
    placeId: "s:006",
    steps: [{ after: 24, action: "close", reason: "Nothing found on two visits; no one could say more" }],
  },
  {
    daysAgo: 10,
    text: "Young men are selling stolen phones openly at the Jomvu stage",
    category: "gang_crime",
    urgency: "routine",
    placeId: "s:002",
    steps: [],
  },
  {
    daysAgo: 9,
    text: "A crowd beat a suspected thief in Mvita and the police came late",
    category: "public_order",
    urgency: "high",
    placeId: "s:006",
    steps: [{ after: 5, action: "acknowledge" }],
  },
  {
    daysAgo: 6,
    text: "Street lights on the Nyali road are off for a week, people are robbed at night",
    category: "service_delivery",
    urgency: "routine",
    placeId: "s:004",
    steps: [{ after: 40, action: "acknowledge" }],
  },
];

export async function seedCaseHistoryDemo(deps: Deps, principal: Principal): Promise<void> {
  const now = deps.now().getTime();
  for (const demo of DEMO_CASE_HISTORY) {
    const opened = now - demo.daysAgo * DAY;
    const at = (hours: number): Deps => ({ ...deps, now: () => new Date(opened + hours * HOUR) });
    const report = await inTransaction(at(-0.5), (tx) =>
      submitReport(tx, { channel: "web", text: demo.text, locale: "en", placeId: demo.placeId }),
    );
    await runTriageJob(at(-0.4), { reportId: report.id });
    await verifyReport(at(0), principal, report.id, {
      category: demo.category,
      urgency: demo.urgency,
      placeId: demo.placeId,
    });
    const [link] = await deps.db
      .select({ caseId: caseReports.caseId })
      .from(caseReports)
      .where(eq(caseReports.reportId, report.id));
    if (!link) throw new Error(`demo: verifying ${report.reference} opened no case`);
    for (const step of demo.steps)
      await transitionCase(at(step.after), principal, link.caseId, {
        action: step.action,
        ...(step.notes && { notes: step.notes }),
        ...(step.reason && { reason: step.reason }),
      });
  }
}
