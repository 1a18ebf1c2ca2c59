// Indicators: defining them with targets, entering figures for manual ones, and computing every
// value from the data (reach.repo.ts, specified by reach.ts). Figures are counted over the reader's
// areas only, so a partly-covering reader never sees counts from areas that are not theirs.
import {
  type CreateIndicatorInput,
  type Dimension,
  ENTERED_INDICATOR_TYPES,
  type IndicatorEntryInput,
  type ReachQuery,
  type UpdateIndicatorInput,
} from "../../../common/contracts/programmes.ts";
import type {
  BreakdownRow,
  IndicatorProgress,
  IndicatorView,
  ReachView,
} from "../../../common/contracts/programmes-views.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import type { Principal } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import { figuresLimitedTo } from "./programme-scope.ts";
import * as repo from "./programmes.repo.ts";
import { visibleProject, writableProject } from "./programmes.service.ts";
import * as reach from "./reach.repo.ts";
import { latestEntry, percentOf } from "./reach.ts";

/** Indicators counted from named people can be broken down by who they are. */
const PEOPLE_INDICATORS: readonly IndicatorView["type"][] = ["unique_participants", "attendances"];

async function checkResult(deps: Deps, projectId: string, resultId: string | undefined): Promise<void> {
  if (!resultId) return;
  const results = await repo.listResults(deps.db, projectId);
  if (!results.some((r) => r.id === resultId))
    throw badRequest("resultId: not an objective or output of this project", [
      { path: "resultId", message: "is not an objective or output of this project" },
    ]);
}

export async function addIndicator(
  deps: Deps,
  principal: Principal,
  projectId: string,
  input: CreateIndicatorInput,
): Promise<IndicatorView> {
  return inTransaction(deps, async (tx) => {
    const project = await writableProject(tx, principal, projectId);
    await checkResult(tx, project.id, input.resultId);
    const { targets, resultId, code, unit, ...fields } = input;
    const indicator = await repo.insertIndicator(
      tx.db,
      {
        ...fields,
        projectId: project.id,
        resultId: resultId ?? null,
        code: code?.trim() || null,
        unit: unit?.trim() || null,
        activityTypes: [...new Set(fields.activityTypes)],
        disaggregations: [...new Set(fields.disaggregations)],
        createdAt: tx.now(),
      },
      targets,
    );
    await recordAudit(tx, actorOf(principal), {
      action: "indicator.create",
      entityType: "indicator",
      entityId: indicator.id,
      organisationId: project.organisationId,
      placePath: project.placePath,
      after: indicator,
    });
    return indicator;
  });
}

async function writableIndicator(deps: Deps, principal: Principal, id: string) {
  const indicator = isUuid(id) ? await repo.findIndicator(deps.db, id) : null;
  if (!indicator) throw notFound("Indicator");
  try {
    return { indicator, project: await writableProject(deps, principal, indicator.projectId) };
  } catch (error) {
    // An indicator of a project the reader cannot see does not exist for them.
    if (error instanceof AppError && error.status === 404) throw notFound("Indicator");
    throw error;
  }
}

export async function updateIndicator(
  deps: Deps,
  principal: Principal,
  id: string,
  input: UpdateIndicatorInput,
): Promise<IndicatorView> {
  return inTransaction(deps, async (tx) => {
    const { project } = await writableIndicator(tx, principal, id);
    const before = (await repo.listIndicators(tx.db, project.id)).find((i) => i.id === id);
    const { targets, unit, ...fields } = input;
    await repo.updateIndicatorRow(tx.db, id, {
      ...fields,
      ...(unit !== undefined && { unit: unit.trim() || null }),
    });
    if (targets) await repo.replaceTargets(tx.db, id, targets);
    const after = (await repo.listIndicators(tx.db, project.id)).find((i) => i.id === id);
    if (!after) throw new Error("an indicator just updated has gone");
    await recordAudit(tx, actorOf(principal), {
      action: "indicator.update",
      entityType: "indicator",
      entityId: id,
      organisationId: project.organisationId,
      placePath: project.placePath,
      before,
      after,
    });
    return after;
  });
}

export async function addIndicatorEntry(
  deps: Deps,
  principal: Principal,
  id: string,
  input: IndicatorEntryInput,
): Promise<{ id: string; asOf: string; value: number; evidence: string }> {
  return inTransaction(deps, async (tx) => {
    const { indicator, project } = await writableIndicator(tx, principal, id);
    if (!ENTERED_INDICATOR_TYPES.includes(indicator.type as IndicatorView["type"]))
      throw conflict(
        `"${indicator.name}" is computed from the activities and attendance recorded; its figures cannot be typed in.`,
      );
    const entryId = await repo.insertEntry(tx.db, {
      indicatorId: id,
      asOf: input.asOf,
      value: input.value,
      evidence: input.evidence,
      enteredBy: principal.userId || null,
      enteredAt: tx.now(),
    });
    await recordAudit(tx, actorOf(principal), {
      action: "indicator.enter_value",
      entityType: "indicator",
      entityId: id,
      organisationId: project.organisationId,
      placePath: project.placePath,
      after: { entryId, ...input },
    });
    return { id: entryId, ...input };
  });
}

/** A dashboard's view of indicators: a period, and computed figures only within a place (path). */
export interface ProgressWindow {
  from?: string | undefined;
  to?: string | undefined;
  within?: string | undefined;
  /** Shared by the calls answering one request, so that a figure asked for twice is counted once. */
  memo?: reach.ReachMemo | undefined;
}

const later = (a: string, b: string | undefined) => (b && b > a ? b : a);
const earlier = (a: string, b: string | undefined) => (b && b < a ? b : a);

/** A target's period clipped to the window, for targets that overlap it. */
function targetPeriods(indicator: IndicatorView, window: ProgressWindow) {
  return indicator.targets.flatMap((target) =>
    (window.from && target.endsOn < window.from) || (window.to && target.startsOn > window.to)
      ? []
      : [{ target, from: later(target.startsOn, window.from), to: earlier(target.endsOn, window.to) }],
  );
}

/**
 * What a project's progress is computed from: its indicators and entries, and the filters over
 * which people are counted (`peopleCounts`), so that a caller can count them all in one pass
 * (reachPyramid) before `progressOf` asks for them through the window's memo.
 */
export async function planProgress(
  deps: Deps,
  principal: Principal,
  projectId: string,
  window: ProgressWindow = {},
) {
  const project = await visibleProject(deps, principal, projectId);
  const scopePaths = figuresLimitedTo(principal.scope, project.placePath);
  const indicators = await repo.listIndicators(deps.db, project.id);
  const entries = await repo.listEntries(
    deps.db,
    indicators.map((i) => i.id),
  );
  const baseOf = (indicator: IndicatorView) => ({
    projectId: project.id,
    types: indicator.activityTypes,
    scopePaths,
    within: window.within,
  });
  const peopleCounts = indicators
    .filter((indicator) => PEOPLE_INDICATORS.includes(indicator.type))
    .flatMap((indicator) =>
      [...targetPeriods(indicator, window), window].map(({ from, to }) => ({
        ...baseOf(indicator),
        from,
        to,
      })),
    );
  return { indicators, entries, baseOf, peopleCounts };
}

/**
 * Indicators with their values against targets. With a window, the current value is over the
 * window, only targets overlapping it are shown, and each target's actual is counted over the part
 * of the target's period inside the window.
 */
export async function progressOf(
  deps: Deps,
  { indicators, entries, baseOf }: Awaited<ReturnType<typeof planProgress>>,
  window: ProgressWindow = {},
): Promise<IndicatorProgress[]> {
  const out: IndicatorProgress[] = [];
  for (const indicator of indicators) {
    const base = baseOf(indicator);
    const own = entries.filter((e) => e.indicatorId === indicator.id);
    const entered = ENTERED_INDICATOR_TYPES.includes(indicator.type);
    const valueOver = async (from?: string, to?: string) =>
      indicator.type === "manual" || indicator.type === "survey_based"
        ? (latestEntry(own, { from, to })?.value ?? 0)
        : reach.computedValue(deps.db, indicator.type, { ...base, from, to }, window.memo);
    const targets = [];
    for (const { target, from, to } of targetPeriods(indicator, window)) {
      const actual = await valueOver(from, to);
      targets.push({ ...target, actual, percent: percentOf(actual, target.value) });
    }
    const breakdown: BreakdownRow[] = [];
    if (PEOPLE_INDICATORS.includes(indicator.type))
      for (const dimension of indicator.disaggregations)
        breakdown.push(
          ...(await reach.reachBreakdown(deps.db, { ...base, from: window.from, to: window.to }, [
            dimension,
          ])),
        );
    const latest = entered ? latestEntry(own, {}) : null;
    out.push({
      indicator,
      current: await valueOver(window.from, window.to),
      latestEntry: latest && { asOf: latest.asOf, value: latest.value, evidence: latest.evidence },
      targets,
      breakdown,
    });
  }
  return out;
}

export async function projectProgress(
  deps: Deps,
  principal: Principal,
  projectId: string,
  window: ProgressWindow = {},
): Promise<IndicatorProgress[]> {
  return progressOf(deps, await planProgress(deps, principal, projectId, window), window);
}

export async function projectReach(
  deps: Deps,
  principal: Principal,
  projectId: string,
  query: ReachQuery,
): Promise<ReachView> {
  const project = await visibleProject(deps, principal, projectId);
  const within = query.placeId ? await repo.findPlace(deps.db, query.placeId) : null;
  if (query.placeId && !within)
    throw badRequest(`placeId: there is no place "${query.placeId}"`, [
      { path: "placeId", message: "is not a known place" },
    ]);
  const filter = {
    projectId: project.id,
    from: query.from,
    to: query.to,
    types: query.types,
    within: within?.path,
    scopePaths: figuresLimitedTo(principal.scope, project.placePath),
  };
  const by: Dimension[] = query.by ?? [];
  const totals = await reach.reachTotals(deps.db, filter, query.minSessions);
  return {
    ...totals,
    attendances: totals.namedAttendances + totals.anonymousAttendances,
    minSessions: query.minSessions,
    by,
    breakdown: await reach.reachBreakdown(deps.db, filter, by),
  };
}
