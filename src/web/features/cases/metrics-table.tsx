// The pieces of the response-metrics page: durations in words, the figures table (stacked into
// cards on a phone) and a bar chart of the median time to acknowledge. Plain SVG, no library.
import { useTranslation } from "react-i18next";
import type { DurationStats, ResponseMetricsRow } from "../../../common/contracts/cases.ts";

/** Minutes as minutes, hours or days, whichever reads best. */
export function useDuration(): (minutes: number | null) => string {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage, { maximumFractionDigits: 1 });
  return (minutes) => {
    if (minutes === null) return t("cases.metrics.noData");
    if (minutes < 60) return t("cases.metrics.minutes", { n: number.format(minutes) });
    if (minutes < 48 * 60) return t("cases.metrics.hours", { n: number.format(minutes / 60) });
    return t("cases.metrics.days", { n: number.format(minutes / 1440) });
  };
}

function Duration({ stats }: { stats: DurationStats }) {
  const { t } = useTranslation();
  const duration = useDuration();
  if (stats.count === 0) return <span className="muted">{t("cases.metrics.noData")}</span>;
  // One element, so that the phone layout (label | value grid) keeps median and mean together.
  return (
    <span>
      <strong>{duration(stats.medianMinutes)}</strong>
      <br />
      <span className="muted">{t("cases.metrics.mean", { time: duration(stats.meanMinutes) })}</span>
    </span>
  );
}

export function MetricsTable({
  caption,
  rows,
  labelOf = (row) => row.label,
}: {
  caption: string;
  rows: ResponseMetricsRow[];
  labelOf?: (row: ResponseMetricsRow) => string;
}) {
  const { t } = useTranslation();
  const heads = {
    cases: t("cases.metrics.cases"),
    overdue: t("cases.metrics.overdue"),
    ack: t("cases.metrics.toAcknowledge"),
    act: t("cases.metrics.toFirstAction"),
    resolve: t("cases.metrics.toResolution"),
  };
  return (
    <div className="table-wrap">
      <table className="metrics-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cases.metrics.name")}</th>
            <th scope="col">{heads.cases}</th>
            <th scope="col">{heads.overdue}</th>
            <th scope="col">{heads.ack}</th>
            <th scope="col">{heads.act}</th>
            <th scope="col">{heads.resolve}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{labelOf(row)}</th>
              <td data-label={heads.cases}>{row.cases}</td>
              <td data-label={heads.overdue} className={row.overdue > 0 ? "metrics-overdue" : undefined}>
                {row.overdue}
              </td>
              <td data-label={heads.ack}>
                <Duration stats={row.toAcknowledge} />
              </td>
              <td data-label={heads.act}>
                <Duration stats={row.toFirstAction} />
              </td>
              <td data-label={heads.resolve}>
                <Duration stats={row.toResolution} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t("cases.metrics.medianNote")}</p>
    </div>
  );
}

// Drawn at about phone size: on a phone the labels read at their natural size.
const WIDTH = 340;
const ROW = 44;
const LABEL_GAP = 16;

/** One bar per row: the median time to acknowledge. The table above carries the same figures. */
export function AcknowledgeChart({
  rows,
  labelOf = (row) => row.label,
}: {
  rows: ResponseMetricsRow[];
  labelOf?: (row: ResponseMetricsRow) => string;
}) {
  const { t } = useTranslation();
  const duration = useDuration();
  const measured = rows.filter((r) => r.toAcknowledge.medianMinutes !== null);
  if (measured.length === 0) return null;
  const top = Math.max(1, ...measured.map((r) => r.toAcknowledge.medianMinutes ?? 0));
  const height = measured.length * ROW;
  return (
    <figure className="metrics-chart">
      <figcaption>{t("cases.metrics.chartTitle")}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t("cases.metrics.chartTitle")}>
        {measured.map((row, i) => {
          const minutes = row.toAcknowledge.medianMinutes ?? 0;
          const width = Math.max(2, ((WIDTH - 70) * minutes) / top);
          const y = i * ROW;
          return (
            <g key={row.key}>
              <text x={0} y={y + 14} className="metrics-chart-label">
                {labelOf(row)}
              </text>
              <rect x={0} y={y + LABEL_GAP + 2} width={width} height={18} className="metrics-chart-bar" />
              <text x={width + 6} y={y + LABEL_GAP + 16} className="metrics-chart-value">
                {duration(minutes)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
