// Queries on the alerts tables, and the few reads of other features' tables alerts need
// (staff whose areas cover an alert; the reports behind one). Drizzle only; no policy here.
import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { AlertStatus, ListAlertsQuery } from "../../../common/contracts/alerts.ts";
import { OPEN_ALERT_STATUSES } from "../../../common/contracts/alerts.ts";
import { ROLE_PERMISSIONS, ROLES } from "../../../common/roles.ts";
import type { Db } from "../../db/client.ts";
import { NATIONWIDE_PLACE_ID, type Scope, sqlPathInScope } from "../../lib/scope.ts";
import { places } from "../places/places.table.ts";
import { reports } from "../reports/reports.table.ts";
import { userPlaces, userRoles, users } from "../users/users.table.ts";
import { alertLabels, alertNotifications, alerts } from "./alerts.table.ts";

export type AlertRow = typeof alerts.$inferSelect;
export type NewAlertRow = typeof alerts.$inferInsert;
export type AlertLabelRow = typeof alertLabels.$inferSelect;

/** The most recent episode of one area and category: a continuing rise extends it. */
export async function latestAlertFor(
  db: Db,
  areaId: string,
  category: string,
): Promise<AlertRow | undefined> {
  const [row] = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.areaId, areaId), eq(alerts.category, category)))
    .orderBy(desc(alerts.periodEnd))
    .limit(1);
  return row;
}

/** Inserts unless the episode exists already (two detection runs racing); undefined then. */
export async function insertAlert(db: Db, values: NewAlertRow): Promise<AlertRow | undefined> {
  const [row] = await db.insert(alerts).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateAlert(db: Db, id: string, values: Partial<NewAlertRow>): Promise<AlertRow> {
  const [row] = await db.update(alerts).set(values).where(eq(alerts.id, id)).returning();
  if (!row) throw new Error(`alert ${id} vanished during an update`);
  return row;
}

export async function findAlert(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = db.select().from(alerts).where(eq(alerts.id, id));
  const [row] = opts.forUpdate ? await query.for("update") : await query;
  return row;
}

const STATUS_ORDER = sql`case ${alerts.status} when 'new' then 0 when 'acknowledged' then 1 else 2 end`;

/** `barredCategory`: a category the reader may not see alerts of (conflict of interest), or null. */
export async function listAlerts(
  db: Db,
  scope: Scope,
  query: ListAlertsQuery,
  barredCategory: string | null,
): Promise<AlertRow[]> {
  const clauses: SQL[] = [sqlPathInScope(alerts.areaPath, scope)];
  if (barredCategory) clauses.push(ne(alerts.category, barredCategory));
  if (query.status === "open") clauses.push(inArray(alerts.status, [...OPEN_ALERT_STATUSES]));
  else if (query.status) clauses.push(eq(alerts.status, query.status));
  if (query.category) clauses.push(eq(alerts.category, query.category));
  if (query.level) clauses.push(eq(alerts.level, query.level));
  return db
    .select()
    .from(alerts)
    .where(and(...clauses))
    .orderBy(STATUS_ORDER, desc(alerts.raisedAt), asc(alerts.id))
    .limit(query.limit);
}

/** Moves an alert on only from one of `from`; undefined when its status had changed meanwhile. */
export async function moveAlert(
  db: Db,
  id: string,
  from: readonly AlertStatus[],
  values: Partial<NewAlertRow>,
): Promise<AlertRow | undefined> {
  const [row] = await db
    .update(alerts)
    .set(values)
    .where(and(eq(alerts.id, id), inArray(alerts.status, [...from])))
    .returning();
  return row;
}

const ROLES_MANAGING_ALERTS = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes("alerts.manage"));

/** Active staff who manage alerts and whose granted places contain the area (or all of Kenya). */
export async function staffCovering(db: Db, areaPath: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(userPlaces, eq(userPlaces.userId, users.id))
    .innerJoin(places, eq(places.id, userPlaces.placeId))
    .where(
      and(
        eq(users.active, true),
        inArray(userRoles.role, ROLES_MANAGING_ALERTS),
        sql`(${places.id} = ${NATIONWIDE_PLACE_ID} or ${places.path} = ${areaPath}
          or left(${areaPath}, length(${places.path}) + 1) = ${places.path} || '/')`,
      ),
    )
    .orderBy(users.id);
  return rows.map((r) => r.id);
}

export async function insertNotifications(db: Db, alertId: string, userIds: readonly string[], at: Date) {
  if (userIds.length === 0) return;
  await db
    .insert(alertNotifications)
    .values(userIds.map((userId) => ({ userId, alertId, createdAt: at })))
    .onConflictDoNothing();
}

export async function notificationsFor(
  db: Db,
  userId: string,
  scope: Scope,
  limit: number,
  barredCategory: string | null,
) {
  return db
    .select({ notification: alertNotifications, alert: alerts })
    .from(alertNotifications)
    .innerJoin(alerts, eq(alerts.id, alertNotifications.alertId))
    .where(
      and(
        eq(alertNotifications.userId, userId),
        sqlPathInScope(alerts.areaPath, scope),
        barredCategory ? ne(alerts.category, barredCategory) : undefined,
      ),
    )
    .orderBy(sql`${alertNotifications.readAt} is not null`, desc(alertNotifications.createdAt))
    .limit(limit);
}

/** Marks the user's unread notifications read (of these alerts, or all); returns the alert ids marked. */
export async function markRead(db: Db, userId: string, alertIds: readonly string[] | undefined, at: Date) {
  const clauses: SQL[] = [eq(alertNotifications.userId, userId), isNull(alertNotifications.readAt)];
  if (alertIds) clauses.push(inArray(alertNotifications.alertId, [...alertIds]));
  const rows = await db
    .update(alertNotifications)
    .set({ readAt: at })
    .where(and(...clauses))
    .returning({ alertId: alertNotifications.alertId });
  return rows.map((r) => r.alertId);
}

export async function insertLabel(db: Db, values: typeof alertLabels.$inferInsert): Promise<void> {
  await db.insert(alertLabels).values(values);
}

/** Labels in the order they were made, a page at a time (the export streams them). */
export async function labelsPage(db: Db, after: { at: Date; id: string } | null, limit: number) {
  const from = after
    ? sql`(${alertLabels.labelledAt}, ${alertLabels.id}) > (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
    : sql`true`;
  return db
    .select()
    .from(alertLabels)
    .where(from)
    .orderBy(asc(alertLabels.labelledAt), asc(alertLabels.id))
    .limit(limit);
}

/** What staff may read of the reports behind an alert: never contact fields. `visible`: reports.policy.ts. */
export async function reportsBehind(db: Db, ids: readonly string[], visible: SQL) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: reports.id,
      reference: reports.reference,
      text: reports.text,
      category: reports.effectiveCategory,
      placeId: reports.effectivePlaceId,
      placeName: places.name,
      receivedAt: reports.receivedAt,
      status: reports.status,
    })
    .from(reports)
    .leftJoin(places, eq(places.id, reports.effectivePlaceId))
    .where(and(inArray(reports.id, [...ids]), visible))
    .orderBy(desc(reports.receivedAt), asc(reports.id));
}
