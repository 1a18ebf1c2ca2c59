// Small pieces the alerts pages share: the explanation in the reader's language, status badges, dates.
import { useTranslation } from "react-i18next";
import type { AlertStatus, AlertView } from "../../../common/contracts/alerts.ts";

export function useAlertLocale(): "en" | "sw" {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === "sw" ? "sw" : "en";
}

export function Explanation({ explanation }: { explanation: AlertView["explanation"] }) {
  return <>{explanation[useAlertLocale()]}</>;
}

export function StatusBadge({ status }: { status: AlertStatus }) {
  const { t } = useTranslation();
  return <span className={`alert-status alert-status-${status}`}>{t(`alerts.statuses.${status}`)}</span>;
}

export function useDateTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "medium", timeStyle: "short" });
  return (iso: string) => format.format(new Date(iso));
}

/** A Kenya-time day ("2026-11-23") as a short date in the reader's language. */
export function useDay() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
}

/** The score as odds a person can weigh: 3 → "1,000"; beyond a million the precision means nothing. */
export function oddsOf(score: number): string {
  if (score >= 6) return "1,000,000+";
  return Number((10 ** Math.max(score, 0)).toPrecision(2)).toLocaleString("en-GB");
}
