// The "alerts.detect" job: scores today and yesterday of every (area, category) series that has a
// report on those days, and raises an alert where the detector says so. It runs every 15 minutes
// (each run books the next one) and a minute after a report is triaged. Jobs run at least once, so a
// run that finds nothing new changes nothing: an episode already raised is only updated when its
// figures moved, and one (area, category, period) never gets two alerts.
import { sql } from "drizzle-orm";
import type { CategoryCode } from "../../../common/taxonomy.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { enqueueJob } from "../../jobs/queue.ts";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit.service.ts";
import * as repo from "./alerts.repo.ts";
import { areaName, areasOfPath } from "./areas.ts";
import { countedReportIds, dailyCounts, firstCountedDay } from "./counted-reports.ts";
import { addDays, dayOf, daysBetween } from "./days.ts";
import { explainAlertBoth } from "./explain.ts";
import { seriesStart } from "./history.ts";
import {
  buildSeries,
  type Finding,
  figuresFor,
  findAlerts,
  type PeriodFigures,
  type ScoredSeries,
  seriesKey,
  seriesKeysOf,
} from "./series.ts";

export const ALERTS_DETECT_JOB = "alerts.detect";
const SCHEDULE_MS = 15 * 60_000;
/** A request after a triage waits this long, so that a burst of reports makes one run, not fifty. */
const REQUEST_DELAY_MS = 60_000;
/** Yesterday is scored again: reports that arrived after its last run may complete its rise. */
const CHECK_DAYS = 2;
/** An alerting day within this many days of an episode's end continues that episode. */
export const EPISODE_GAP_DAYS = 3;
/** Serialises alert writes across workers and server processes. */
const ALERTS_LOCK_ID = 727_406;

/** Books the next scheduled run on the next quarter hour; a second booking of that slot is ignored. */
export async function scheduleNextDetection(txDeps: Deps): Promise<void> {
  const slot = new Date(Math.floor(txDeps.now().getTime() / SCHEDULE_MS) * SCHEDULE_MS + SCHEDULE_MS);
  await enqueueJob(
    txDeps,
    ALERTS_DETECT_JOB,
    { scheduled: true },
    {
      runAt: slot,
      dedupeKey: `${ALERTS_DETECT_JOB}@${slot.toISOString()}`,
    },
  );
}

/** A run soon, after reports changed (triage, a staff decision); requests within a minute share it. */
export async function requestAlertDetection(txDeps: Deps): Promise<void> {
  await enqueueJob(
    txDeps,
    ALERTS_DETECT_JOB,
    { scheduled: false },
    {
      runAt: new Date(txDeps.now().getTime() + REQUEST_DELAY_MS),
      dedupeKey: `${ALERTS_DETECT_JOB}:requested`,
    },
  );
}

export async function runAlertsDetectJob(deps: Deps, _payload: Record<string, unknown>): Promise<void> {
  // Booked first, so that a failing run still leaves the schedule in place.
  await scheduleNextDetection(deps);
  await runAlertDetection(deps);
}

export interface DetectionSummary {
  seriesScored: number;
  raised: number;
  updated: number;
}

export async function runAlertDetection(deps: Deps): Promise<DetectionSummary> {
  const today = dayOf(deps.now());
  const checkFrom = addDays(today, -(CHECK_DAYS - 1));
  const recent = await dailyCounts(deps.db, { fromDay: checkFrom, toDay: today });
  const wanted = seriesKeysOf(recent);
  if (wanted.size === 0) return { seriesScored: 0, raised: 0, updated: 0 };

  const firstDay = seriesStart(await firstCountedDay(deps.db), today);
  const counties = new Set(recent.flatMap((r) => areasOfPath(r.path).filter((a) => a.level === "county")));
  const rows = await dailyCounts(deps.db, {
    fromDay: firstDay,
    toDay: today,
    withinPaths: [...new Set([...counties].map((a) => a.path))],
  });
  const series = buildSeries(rows, firstDay, today, wanted);
  const checkDays = [checkFrom, today].filter((day) => day >= firstDay);
  const { findings, scored } = findAlerts(series.values(), firstDay, checkDays);

  const summary: DetectionSummary = { seriesScored: series.size, raised: 0, updated: 0 };
  for (const finding of findings) {
    const entry = scored.get(seriesKey(finding.area.path, finding.category));
    if (!entry) continue;
    const outcome = await recordFinding(deps, finding, entry);
    if (outcome === "raised") summary.raised++;
    if (outcome === "updated") summary.updated++;
  }
  return summary;
}

type Outcome = "raised" | "updated" | "unchanged";

function figuresOf(row: repo.AlertRow): PeriodFigures & { reports: number } {
  const { periodStart, periodEnd, observed, expected, score } = row;
  return { periodStart, periodEnd, observed, expected, score, reports: row.reportIds.length };
}

function sameFigures(row: repo.AlertRow, figures: PeriodFigures, reportIds: readonly string[]): boolean {
  return (
    row.periodStart === figures.periodStart &&
    row.periodEnd === figures.periodEnd &&
    row.observed === figures.observed &&
    row.expected === figures.expected &&
    row.score === figures.score &&
    row.reportIds.length === reportIds.length &&
    row.reportIds.every((id, i) => id === reportIds[i])
  );
}

async function recordFinding(deps: Deps, finding: Finding, scored: ScoredSeries): Promise<Outcome> {
  const { area, category } = finding;
  return inTransaction(deps, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(${ALERTS_LOCK_ID})`);
    const latest = await repo.latestAlertFor(tx.db, area.id, category);
    const continuing =
      latest !== undefined && daysBetween(latest.periodEnd, finding.periodStart) <= EPISODE_GAP_DAYS;
    const start =
      continuing && latest.periodStart < finding.periodStart ? latest.periodStart : finding.periodStart;
    const end = continuing && latest.periodEnd > finding.day ? latest.periodEnd : finding.day;
    const figures = figuresFor(scored, start, end);
    const reportIds = await countedReportIds(tx.db, {
      fromDay: start,
      toDay: end,
      category,
      areaPath: area.path,
    });
    const explanation = explainAlertBoth({
      ...figures,
      category: category as CategoryCode,
      level: area.level,
      areaName: areaName(area.id),
    });
    const now = tx.now();
    const values = { ...figures, reportIds, explanationEn: explanation.en, explanationSw: explanation.sw };

    if (continuing) {
      if (sameFigures(latest, figures, reportIds)) return "unchanged";
      // The status stays as people left it: a dismissed episode that goes on is not raised again.
      const updated = await repo.updateAlert(tx.db, latest.id, { ...values, updatedAt: now });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "alert.update",
        entityType: "alert",
        entityId: latest.id,
        placePath: area.path,
        before: figuresOf(latest),
        after: figuresOf(updated),
      });
      return "updated";
    }

    const created = await repo.insertAlert(tx.db, {
      ...values,
      areaId: area.id,
      areaPath: area.path,
      level: area.level,
      category,
      status: "new",
      raisedAt: now,
      updatedAt: now,
    });
    if (!created) return "unchanged";
    const staff = await repo.staffCovering(tx.db, area.path);
    await repo.insertNotifications(tx.db, created.id, staff, now);
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: "alert.raise",
      entityType: "alert",
      entityId: created.id,
      placePath: area.path,
      after: { areaId: area.id, level: area.level, category, ...figuresOf(created), notified: staff.length },
    });
    return "raised";
  });
}
