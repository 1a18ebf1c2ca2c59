// Response metrics over the cases a reader can see, and each user's in-app notifications.
import { and, desc, eq, gte, inArray, isNull, lt } from "drizzle-orm";
import {
  type CaseStatus,
  type DueKind,
  type NotificationView,
  OVERDUE_LIST_LIMIT,
  type ResponseMetrics,
} from "../../../common/contracts/cases.ts";
import type { CategoryCode, Urgency } from "../../../common/taxonomy.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { forbidden, notFound } from "../../lib/errors.ts";
import type { Principal } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { places } from "../places/places.table.ts";
import { actorOf } from "../users/users.service.ts";
import { caseAccessOf, unitsOfCases, visibleCaseCondition } from "./cases.policy.ts";
import { caseNotifications, cases } from "./cases.table.ts";
import { overdueCases, responseMetrics } from "./metrics.ts";

const METRICS_CASE_LIMIT = 20_000;

export async function getResponseMetrics(
  deps: Deps,
  principal: Principal,
  range: { from?: string | undefined; to?: string | undefined; category?: CategoryCode | undefined },
): Promise<ResponseMetrics> {
  const access = await caseAccessOf(deps, principal);
  if (!access.manage && !access.oversee)
    throw forbidden("Response metrics are for programme and oversight staff.");
  const from = range.from ? new Date(range.from) : null;
  const to = range.to ? new Date(range.to) : null;
  const rows = await deps.db
    .select()
    .from(cases)
    .where(
      and(
        visibleCaseCondition(access),
        from ? gte(cases.openedAt, from) : undefined,
        to ? lt(cases.openedAt, to) : undefined,
        range.category ? eq(cases.category, range.category) : undefined,
      ),
    )
    .orderBy(desc(cases.openedAt))
    .limit(METRICS_CASE_LIMIT);
  const units: Awaited<ReturnType<typeof unitsOfCases>> = [];
  // Sequential batches: inside one connection queries go one at a time anyway.
  for (let i = 0; i < rows.length; i += 1000)
    units.push(
      ...(await unitsOfCases(
        deps.db,
        rows.slice(i, i + 1000).map((r) => r.id),
      )),
    );
  const withUnits = rows.map((r) => ({
    ...r,
    status: r.status as CaseStatus,
    units: units.filter((u) => u.caseId === r.id).map((u) => ({ id: u.unitId, name: u.name })),
  }));
  const now = deps.now();
  const overdue = overdueCases(withUnits, now, OVERDUE_LIST_LIMIT);
  const placeIds = [...new Set(overdue.flatMap((c) => (c.placeId ? [c.placeId] : [])))];
  const placeRows = placeIds.length
    ? await deps.db
        .select({ id: places.id, name: places.name })
        .from(places)
        .where(inArray(places.id, placeIds))
    : [];
  return {
    ...responseMetrics(withUnits, now, { from, to }),
    category: range.category ?? null,
    overdueCases: overdue.map((c) => ({
      id: c.id,
      number: c.number,
      category: c.category as CategoryCode,
      urgency: c.urgency as Urgency,
      status: c.status,
      place: placeRows.find((p) => p.id === c.placeId) ?? null,
      units: c.units,
      overdue: c.missed.map((m) => ({ kind: m.kind, at: m.at.toISOString() })),
    })),
  };
}

/** The signed-in user's notices about cases they can still see, newest first. */
export async function listMyNotifications(
  deps: Deps,
  principal: Principal,
  opts: { unreadOnly: boolean },
): Promise<NotificationView[]> {
  const access = await caseAccessOf(deps, principal);
  const rows = await deps.db
    .select({ n: caseNotifications, number: cases.number })
    .from(caseNotifications)
    .innerJoin(cases, eq(cases.id, caseNotifications.caseId))
    .where(
      and(
        eq(caseNotifications.userId, principal.userId),
        opts.unreadOnly ? isNull(caseNotifications.readAt) : undefined,
        visibleCaseCondition(access),
      ),
    )
    .orderBy(desc(caseNotifications.createdAt))
    .limit(100);
  return rows.map(({ n, number }) => ({
    id: n.id,
    caseId: n.caseId,
    caseNumber: number,
    kind: n.kind as NotificationView["kind"],
    due: n.due as DueKind | null,
    dueAt: n.dueAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  }));
}

export async function markNotificationsRead(
  deps: Deps,
  principal: Principal,
  ids: string[],
): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (valid.length === 0) throw notFound("Notification");
    const updated = await tx.db
      .update(caseNotifications)
      .set({ readAt: tx.now() })
      .where(
        and(
          inArray(caseNotifications.id, valid),
          eq(caseNotifications.userId, principal.userId),
          isNull(caseNotifications.readAt),
        ),
      )
      .returning({ id: caseNotifications.id });
    if (updated.length > 0)
      await recordAudit(tx, actorOf(principal), {
        action: "notification.read",
        entityType: "user",
        entityId: principal.userId,
        after: { notifications: updated.map((u) => u.id) },
      });
    return updated.length;
  });
}
