// The alerts list: what is new for me, filters, the map and the alerts, open ones first.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ALERT_LEVELS, ALERT_STATUSES, type AlertView } from "../../../common/contracts/alerts.ts";
import { CATEGORY_CODES } from "../../../common/taxonomy.ts";
import { errorText } from "../../ui/error-text.ts";
import { SelectField } from "../../ui/fields.tsx";
import { ErrorAlert, LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { Explanation, StatusBadge, useDateTime } from "./alert-bits.tsx";
import { AlertMap } from "./alert-map.tsx";
import {
  type AlertFilters,
  useAlertNotifications,
  useAlerts,
  useMarkAlertNotificationsRead,
} from "./alert-queries.ts";
import "../../styles/cards.css";
import "./alerts.css";

function AlertCard({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <li>
      <Link to={`/alerts/${alert.id}`} className={`edge-card alert-card alert-card-${alert.status}`}>
        <span className="edge-card-top">
          <StatusBadge status={alert.status} />
          <span>
            {t(`alerts.levels.${alert.area.level}`)} · {t(`alerts.categories.${alert.category}`)}
          </span>
        </span>
        <strong className="alert-explanation">
          <Explanation explanation={alert.explanation} />
        </strong>
        <span className="muted">
          {alert.area.label} · {t("alerts.raised", { time: when(alert.raisedAt) })}
        </span>
      </Link>
    </li>
  );
}

function Notifications() {
  const { t } = useTranslation();
  const notifications = useAlertNotifications();
  const markRead = useMarkAlertNotificationsRead();
  const unread = (notifications.data?.notifications ?? []).filter((n) => n.readAt === null);
  if (unread.length === 0) return null;
  return (
    <section
      className="notice notice-warning alert-notifications"
      aria-labelledby="alert-notifications-title"
    >
      <h2 id="alert-notifications-title">{t("alerts.notifications.title")}</h2>
      <ul className="plain-list">
        {unread.map((n) => (
          <li key={n.alertId}>
            <Link to={`/alerts/${n.alertId}`}>
              <Explanation explanation={n.explanation} />
            </Link>
          </li>
        ))}
      </ul>
      {markRead.error ? <ErrorAlert>{errorText(t, markRead.error)}</ErrorAlert> : null}
      <button
        type="button"
        className="button-secondary button-small"
        disabled={markRead.isPending}
        onClick={() => markRead.mutate()}
      >
        {markRead.isPending ? t("alerts.notifications.marking") : t("alerts.notifications.markAllRead")}
      </button>
    </section>
  );
}

function Filters({ filters, onChange }: { filters: AlertFilters; onChange: (f: AlertFilters) => void }) {
  const { t } = useTranslation();
  const any = { value: "", label: t("alerts.filters.any") };
  return (
    <div className="filters">
      <SelectField
        label={t("alerts.filters.status")}
        value={filters.status}
        onChange={(status) => onChange({ ...filters, status })}
        options={[
          { value: "open", label: t("alerts.filters.open") },
          any,
          ...ALERT_STATUSES.map((s) => ({ value: s, label: t(`alerts.statuses.${s}`) })),
        ]}
      />
      <SelectField
        label={t("alerts.filters.category")}
        value={filters.category}
        onChange={(category) => onChange({ ...filters, category })}
        options={[any, ...CATEGORY_CODES.map((c) => ({ value: c, label: t(`alerts.categories.${c}`) }))]}
      />
      <SelectField
        label={t("alerts.filters.level")}
        value={filters.level}
        onChange={(level) => onChange({ ...filters, level })}
        options={[any, ...ALERT_LEVELS.map((l) => ({ value: l, label: t(`alerts.levels.${l}`) }))]}
      />
    </div>
  );
}

export function AlertsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AlertFilters>({ status: "open", category: "", level: "" });
  const list = useAlerts(filters);
  const alerts = list.data?.alerts ?? [];
  return (
    <>
      <PageTitle>{t("alerts.title")}</PageTitle>
      <p className="lead">{t("alerts.intro")}</p>
      <Notifications />
      <Filters filters={filters} onChange={setFilters} />
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
      {list.isSuccess ? (
        <div className="alerts-layout">
          <section aria-label={t("alerts.count", { count: alerts.length })}>
            <p className="muted">{t("alerts.count", { count: alerts.length })}</p>
            {alerts.length === 0 ? <p>{t("alerts.none")}</p> : null}
            <ul className="edge-card-list">
              {alerts.map((alert) => (
                <AlertCard key={alert.id} alert={alert} />
              ))}
            </ul>
          </section>
          <section aria-labelledby="alert-map-title">
            <h2 id="alert-map-title" className="subheading">
              {t("alerts.map.title")}
            </h2>
            <AlertMap points={list.data.map.points} alerts={alerts} />
          </section>
        </div>
      ) : null}
    </>
  );
}
