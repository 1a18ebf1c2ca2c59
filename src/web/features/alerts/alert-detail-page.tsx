// One alert: what rose, by how much, the series with its usual range, the reports behind it, and
// the next step (acknowledge; then mark actioned or dismiss with a reason).
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { AlertDetail, AlertView } from "../../../common/contracts/alerts.ts";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { AlertActions } from "./alert-actions.tsx";
import { Explanation, oddsOf, StatusBadge, useDateTime, useDay } from "./alert-bits.tsx";
import { AlertChart } from "./alert-chart.tsx";
import { useAlert } from "./alert-queries.ts";
import "../../styles/cards.css";
import "./alerts.css";
import { HiddenIdentityNote, hasHiddenIdentity } from "../../ui/hidden-identity.tsx";

function Figures({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const day = useDay();
  const period =
    alert.periodStart === alert.periodEnd
      ? day(alert.periodEnd)
      : `${day(alert.periodStart)} – ${day(alert.periodEnd)}`;
  return (
    <dl className="alert-figures">
      <div>
        <dt>{t("alerts.detail.observed")}</dt>
        <dd className="alert-figure">{alert.observed}</dd>
      </div>
      <div>
        <dt>{t("alerts.detail.expected")}</dt>
        <dd className="alert-figure">
          {alert.expected < 10 ? alert.expected.toFixed(1) : Math.round(alert.expected)}
        </dd>
      </div>
      <div>
        <dt>{t("alerts.detail.score")}</dt>
        <dd>{t("alerts.detail.scoreValue", { odds: oddsOf(alert.score) })}</dd>
      </div>
      <div>
        <dt>{t("alerts.detail.period")}</dt>
        <dd>{period}</dd>
      </div>
      <div>
        <dt>{t("alerts.detail.area")}</dt>
        <dd>
          {alert.area.label} ({t(`alerts.levels.${alert.area.level}`)})
        </dd>
      </div>
    </dl>
  );
}

function History({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <div className="stack">
      {alert.acknowledgedBy && alert.acknowledgedAt ? (
        <p>
          {t("alerts.detail.acknowledgedBy", { who: alert.acknowledgedBy, time: when(alert.acknowledgedAt) })}
        </p>
      ) : null}
      {alert.closedBy && alert.closedAt ? (
        <p>{t("alerts.detail.closedBy", { who: alert.closedBy, time: when(alert.closedAt) })}</p>
      ) : null}
      {alert.actionNote ? <p>{t("alerts.detail.actionNote", { note: alert.actionNote })}</p> : null}
      {alert.dismissReason ? (
        <p>{t("alerts.detail.dismissReason", { reason: alert.dismissReason })}</p>
      ) : null}
    </div>
  );
}

function ReportsBehind({ reports }: { reports: AlertDetail["reports"] }) {
  const { t } = useTranslation();
  const when = useDateTime();
  if (reports.length === 0) return <p className="muted">{t("alerts.detail.reportsNone")}</p>;
  return (
    <div className="table-wrap">
      {hasHiddenIdentity(...reports.map((r) => r.excerpt)) ? <HiddenIdentityNote /> : null}
      <table>
        <caption className="visually-hidden">{t("alerts.detail.reportsTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("alerts.detail.reference")}</th>
            <th scope="col">{t("alerts.detail.received")}</th>
            <th scope="col">{t("alerts.detail.place")}</th>
            <th scope="col">{t("alerts.detail.text")}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.id}>
              <td>
                <Link to={`/reports/${report.id}`}>{report.reference}</Link>
              </td>
              <td>{when(report.receivedAt)}</td>
              <td>{report.place?.name ?? "—"}</td>
              <td>{report.excerpt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AlertDetailPage() {
  const { t } = useTranslation();
  const { alertId = "" } = useParams();
  const detail = useAlert(alertId);
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/alerts">{t("alerts.back")}</Link>
      </p>
      {detail.isPending ? <Loading /> : null}
      {detail.isError ? <LoadError error={detail.error} retry={() => void detail.refetch()} /> : null}
      {detail.data ? (
        <article className="stack">
          <PageTitle>{`${t("alerts.title")}: ${detail.data.alert.area.name}`}</PageTitle>
          <p className="alert-lead">
            <StatusBadge status={detail.data.alert.status} />{" "}
            <strong className="alert-explanation">
              <Explanation explanation={detail.data.alert.explanation} />
            </strong>
          </p>
          <Figures alert={detail.data.alert} />
          <History alert={detail.data.alert} />
          <AlertActions alert={detail.data.alert} />
          <section aria-labelledby="alert-chart-title">
            <h2 id="alert-chart-title" className="subheading">
              {t("alerts.detail.chartTitle")}
            </h2>
            <AlertChart series={detail.data.series} areaName={detail.data.alert.area.name} />
          </section>
          <section aria-labelledby="alert-reports-title">
            <h2 id="alert-reports-title" className="subheading">
              {t("alerts.detail.reportsTitle")}
            </h2>
            <ReportsBehind reports={detail.data.reports} />
          </section>
        </article>
      ) : null}
    </>
  );
}
