// Alerts for staff: the list and one alert with its series and reports, scoped by area; the lifecycle
// new → acknowledged → actioned | dismissed, audited, with decisions kept as labelled data; and each
// person's in-app notifications.

import { MISCONDUCT_CATEGORY } from "../../../common/conflict-of-interest.ts";
import type {
  ActionAlertInput,
  AlertAction,
  AlertDetail,
  AlertListResponse,
  AlertNotificationView,
  AlertStatus,
  AlertView,
  DismissAlertInput,
  ListAlertsQuery,
  MarkNotificationsReadInput,
} from "../../../common/contracts/alerts.ts";
import type { CategoryCode } from "../../../common/taxonomy.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { conflict, notFound } from "../../lib/errors.ts";
import { residentTextForStaff } from "../../lib/identity-in-text.ts";
import { isUuid } from "../../lib/ids.ts";
import { type Principal, placeInScope } from "../../lib/scope.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { visibleReportCondition } from "../reports/reports.policy.ts";
import * as repo from "./alerts.repo.ts";
import { type Area, areaView, mapPointsFor } from "./areas.ts";
import { addDays, dayOf } from "./days.ts";
import { scoredSeriesFor, seriesDays } from "./history.ts";
import { usualMax } from "./series.ts";

/** The chart shows six weeks before the rise and up to a week after it. */
const CHART_DAYS_BEFORE = 42;
const CHART_DAYS_AFTER = 7;
/** A label keeps four weeks of the series before the decision, enough to re-score the episode. */
const LABEL_DAYS = 28;
const EXCERPT_CHARS = 200;
const excerptOfText = (text: string) =>
  text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : text;

const actorOf = (principal: Principal): Actor => ({ id: principal.userId, label: principal.email });
const areaOf = (row: repo.AlertRow): Area => ({ id: row.areaId, level: row.level, path: row.areaPath });
const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toAlertView(row: repo.AlertRow): AlertView {
  return {
    id: row.id,
    area: areaView(areaOf(row)),
    category: row.category as CategoryCode,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    observed: row.observed,
    expected: row.expected,
    score: row.score,
    explanation: { en: row.explanationEn, sw: row.explanationSw },
    reportCount: row.reportIds.length,
    status: row.status,
    raisedAt: row.raisedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    acknowledgedBy: row.acknowledgedByLabel,
    closedAt: iso(row.closedAt),
    closedBy: row.closedByLabel,
    actionNote: row.actionNote,
    dismissReason: row.dismissReason,
  };
}

export async function listAlerts(
  deps: Deps,
  principal: Principal,
  query: ListAlertsQuery,
): Promise<AlertListResponse> {
  const rows = await repo.listAlerts(deps.db, principal.scope, query, barredCategoryOf(principal));
  return {
    alerts: rows.map(toAlertView),
    map: { points: mapPointsFor(principal.scope.placePaths, principal.scope.allPlaces) },
  };
}

/**
 * Police or government (src/common/conflict-of-interest.ts) see no alert about complaints against the
 * police, and none of those reports behind any other alert: the same rule as the inbox.
 */
function barredCategoryOf(principal: Principal): string | null {
  return principal.policeOrGovernment ? MISCONDUCT_CATEGORY : null;
}

/** The alert if it exists and lies within the caller's areas; 404 otherwise, so existence does not leak. */
async function visibleAlert(deps: Deps, principal: Principal, id: string, forUpdate = false) {
  const row = isUuid(id) ? await repo.findAlert(deps.db, id, { forUpdate }) : undefined;
  if (!row || !placeInScope(principal.scope, row.areaPath) || row.category === barredCategoryOf(principal))
    throw notFound("The alert");
  return row;
}

export async function getAlertDetail(deps: Deps, principal: Principal, id: string): Promise<AlertDetail> {
  const row = await visibleAlert(deps, principal, id);
  const today = dayOf(deps.now());
  const chartEnd =
    addDays(row.periodEnd, CHART_DAYS_AFTER) < today ? addDays(row.periodEnd, CHART_DAYS_AFTER) : today;
  const scored = await scoredSeriesFor(deps.db, areaOf(row), row.category, chartEnd);
  const series = seriesDays(scored, addDays(row.periodStart, -CHART_DAYS_BEFORE)).map((day) => ({
    ...day,
    usualMax: usualMax(day.expected),
    inPeriod: day.date >= row.periodStart && day.date <= row.periodEnd,
  }));
  const reports = await repo.reportsBehind(deps.db, row.reportIds, visibleReportCondition(principal));
  return {
    alert: toAlertView(row),
    series,
    reports: reports.map((r) => ({
      id: r.id,
      reference: r.reference,
      excerpt: excerptOfText(residentTextForStaff(r.text)),
      category: (r.category as CategoryCode | null) ?? null,
      place: r.placeId ? { id: r.placeId, name: r.placeName ?? r.placeId } : null,
      receivedAt: r.receivedAt.toISOString(),
      status: r.status,
    })),
  };
}

interface Transition {
  from: readonly AlertStatus[];
  to: AlertStatus;
}

const TRANSITIONS: Record<AlertAction, Transition> = {
  acknowledge: { from: ["new"], to: "acknowledged" },
  action: { from: ["acknowledged"], to: "actioned" },
  // A false alarm is often obvious at first sight: it may be dismissed without acknowledging it first.
  dismiss: { from: ["new", "acknowledged"], to: "dismissed" },
};

const REFUSALS: Record<AlertAction, string> = {
  acknowledge: "Only a new alert can be acknowledged.",
  action: "Acknowledge the alert before marking it actioned.",
  dismiss: "Only a new or acknowledged alert can be dismissed.",
};

function refuse(action: AlertAction, status: AlertStatus) {
  return conflict(
    `${REFUSALS[action]} This one is ${status} already; reload the page to see who changed it.`,
  );
}

type ActionInput =
  | { action: "acknowledge" }
  | ({ action: "action" } & ActionAlertInput)
  | ({ action: "dismiss" } & DismissAlertInput);

export async function changeAlertStatus(
  deps: Deps,
  principal: Principal,
  id: string,
  input: ActionInput,
): Promise<AlertView> {
  const transition = TRANSITIONS[input.action];
  return inTransaction(deps, async (tx) => {
    const row = await visibleAlert(tx, principal, id, true);
    if (!transition.from.includes(row.status)) throw refuse(input.action, row.status);
    const now = tx.now();
    const who = { id: principal.userId, label: principal.email };
    const changes =
      input.action === "acknowledge"
        ? { acknowledgedAt: now, acknowledgedBy: who.id, acknowledgedByLabel: who.label }
        : {
            closedAt: now,
            closedBy: who.id,
            closedByLabel: who.label,
            ...(input.action === "action"
              ? { actionNote: input.note || null }
              : { dismissReason: input.reason }),
          };
    const moved = await repo.moveAlert(tx.db, row.id, transition.from, {
      status: transition.to,
      updatedAt: now,
      ...changes,
    });
    if (!moved) throw refuse(input.action, row.status);
    if (input.action !== "acknowledge") await keepLabel(tx, moved, input, who, now);
    await repo.markRead(tx.db, principal.userId, [row.id], now);
    await recordAudit(tx, actorOf(principal), {
      action: `alert.${input.action}`,
      entityType: "alert",
      entityId: row.id,
      placePath: row.areaPath,
      before: { status: row.status },
      after: {
        status: moved.status,
        ...(input.action === "dismiss" && { reason: input.reason }),
        ...(input.action === "action" && input.note && { note: input.note }),
      },
    });
    return toAlertView(moved);
  });
}

/** The decision as labelled data, with the series as it stood (the alert itself may still grow). */
async function keepLabel(
  tx: Deps,
  row: repo.AlertRow,
  input: ActionInput,
  who: { id: string; label: string },
  now: Date,
): Promise<void> {
  const scored = await scoredSeriesFor(tx.db, areaOf(row), row.category, row.periodEnd);
  await repo.insertLabel(tx.db, {
    alertId: row.id,
    outcome: input.action === "dismiss" ? "dismissed" : "actioned",
    reason: input.action === "dismiss" ? input.reason : input.action === "action" ? input.note || null : null,
    areaId: row.areaId,
    areaPath: row.areaPath,
    level: row.level,
    category: row.category,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    observed: row.observed,
    expected: row.expected,
    score: row.score,
    series: seriesDays(scored, addDays(row.periodEnd, -(LABEL_DAYS - 1))),
    labelledBy: who.id,
    labelledByLabel: who.label,
    labelledAt: now,
  });
}

const NOTIFICATIONS_SHOWN = 20;

export async function listNotifications(deps: Deps, principal: Principal): Promise<AlertNotificationView[]> {
  const rows = await repo.notificationsFor(
    deps.db,
    principal.userId,
    principal.scope,
    NOTIFICATIONS_SHOWN,
    barredCategoryOf(principal),
  );
  return rows.map(({ notification, alert }) => ({
    alertId: alert.id,
    createdAt: notification.createdAt.toISOString(),
    readAt: iso(notification.readAt),
    explanation: { en: alert.explanationEn, sw: alert.explanationSw },
    status: alert.status,
    areaLabel: areaView(areaOf(alert)).label,
  }));
}

export async function markNotificationsRead(
  deps: Deps,
  principal: Principal,
  input: MarkNotificationsReadInput,
): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const marked = await repo.markRead(tx.db, principal.userId, input.alertIds, tx.now());
    if (marked.length > 0)
      await recordAudit(tx, actorOf(principal), {
        action: "alert.notifications_read",
        entityType: "user",
        entityId: principal.userId,
        after: { alerts: marked },
      });
    return marked.length;
  });
}
