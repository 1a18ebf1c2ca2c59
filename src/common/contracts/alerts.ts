// API contracts for early-warning alerts, shared by the server (validation) and the web app (types).
import { z } from "zod";
import { CATEGORY_CODES, type CategoryCode } from "../taxonomy.ts";

/** new → acknowledged → actioned | dismissed; a false alarm may be dismissed straight from new. */
export const ALERT_STATUSES = ["new", "acknowledged", "actioned", "dismissed"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** Statuses someone still has to deal with. */
export const OPEN_ALERT_STATUSES: readonly AlertStatus[] = ["new", "acknowledged"];

/** The levels of the place hierarchy counts are aggregated at (localities roll up into their ward). */
export const ALERT_LEVELS = ["ward", "sub_county", "county"] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export const ALERT_ACTIONS = ["acknowledge", "action", "dismiss"] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

export const listAlertsQuery = z.strictObject({
  /** A status, or "open" for new and acknowledged together. */
  status: z.enum([...ALERT_STATUSES, "open"]).optional(),
  category: z.enum(CATEGORY_CODES).optional(),
  level: z.enum(ALERT_LEVELS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type ListAlertsQuery = z.infer<typeof listAlertsQuery>;

export const acknowledgeAlertInput = z.strictObject({});

export const actionAlertInput = z.strictObject({
  /** What was done, for the record (optional: the response may be logged elsewhere). */
  note: z.string().trim().max(1000, "must be at most 1,000 characters").optional(),
});
export type ActionAlertInput = z.infer<typeof actionAlertInput>;

export const dismissAlertInput = z.strictObject({
  reason: z
    .string({ error: "is required: say why this is not a real rise" })
    .trim()
    .min(3, "say why this is not a real rise, in a few words")
    .max(1000, "must be at most 1,000 characters"),
});
export type DismissAlertInput = z.infer<typeof dismissAlertInput>;

export const markNotificationsReadInput = z.strictObject({
  /** The alerts whose notifications to mark read; all of the caller's when absent. */
  alertIds: z.array(z.uuid("is not an alert id")).max(200).optional(),
});
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadInput>;

export interface AlertAreaView {
  /** Gazetteer id: "w:0872", "s:175", "c:032". */
  id: string;
  level: AlertLevel;
  name: string;
  /** "Kaptembwo, Nakuru Town West, Nakuru": tells same-named areas apart. */
  label: string;
  path: string;
  /** Approximate position for the map: the area's own, else its sub-county's (wards have none). */
  lat: number | null;
  lng: number | null;
}

export interface AlertView {
  id: string;
  area: AlertAreaView;
  category: CategoryCode;
  /** First and last day (Kenya time, YYYY-MM-DD) of the rise. */
  periodStart: string;
  periodEnd: string;
  /** Reports counted over the period, and how many would be usual over the same days. */
  observed: number;
  expected: number;
  /** −log10 of how likely so many reports are in a usual period: 3 means 1 in 1,000. */
  score: number;
  explanation: { en: string; sw: string };
  reportCount: number;
  status: AlertStatus;
  raisedAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  actionNote: string | null;
  dismissReason: string | null;
}

export interface AlertSeriesDay {
  date: string;
  count: number;
  expected: number;
  /** Upper edge of the usual range: more than this on one day is unusual (about 1 day in 100). */
  usualMax: number;
  inPeriod: boolean;
}

/** A report behind an alert: what it says and where, never who sent it. */
export interface AlertReportView {
  id: string;
  reference: string;
  excerpt: string;
  category: CategoryCode | null;
  place: { id: string; name: string } | null;
  receivedAt: string;
  status: string;
}

export interface AlertDetail {
  alert: AlertView;
  series: AlertSeriesDay[];
  reports: AlertReportView[];
}

export interface AlertMapPoint {
  id: string;
  level: "county" | "sub_county";
  name: string;
  lat: number;
  lng: number;
}

export interface AlertListResponse {
  alerts: AlertView[];
  /** Backdrop for the map: the sub-counties of the caller's counties, or every county for national scope. */
  map: { points: AlertMapPoint[] };
}

export interface AlertNotificationView {
  alertId: string;
  createdAt: string;
  readAt: string | null;
  explanation: { en: string; sw: string };
  status: AlertStatus;
  areaLabel: string;
}
