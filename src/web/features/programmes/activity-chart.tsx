// Activities over time: one stacked bar per week or month, a colour per type with a legend in
// words, and the same figures as a table for anyone who cannot read the picture.
import { useTranslation } from "react-i18next";
import type { ActivitiesOverTime } from "../../../common/contracts/programmes-views.ts";
import { ACTIVITY_TYPES, type ActivityType } from "../../../common/contracts/programmes-vocabulary.ts";
import { labelEvery, niceCeiling, stackSegments } from "./chart-geometry.ts";

/** A colour per activity type, distinguishable side by side (Tableau 10 plus two). */
const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#76b7b2",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
  "#2f4b7c",
  "#a05195",
];
export const typeColour = (type: ActivityType) => PALETTE[ACTIVITY_TYPES.indexOf(type)] ?? "#888";

const LEFT = 34;
const TOP = 10;
const PLOT = 160;
const BOTTOM = 24;
/** The drawing's width: bars share it, so a few months make wide bars and two years narrow ones. */
const WIDTH = 600;
const MAX_SLOT = 60;

function bucketLabel(start: string, interval: ActivitiesOverTime["interval"], language: string | undefined) {
  const date = new Date(`${start}T00:00:00Z`);
  return date.toLocaleDateString(
    language,
    interval === "month"
      ? { month: "short", year: "2-digit", timeZone: "UTC" }
      : { day: "numeric", month: "short", timeZone: "UTC" },
  );
}

export function ActivitiesChart({ over }: { over: ActivitiesOverTime }) {
  const { t, i18n } = useTranslation();
  const total = over.buckets.reduce((sum, b) => sum + b.total, 0);
  if (total === 0) return <p className="muted">{t("programmes.dashboard.noActivities")}</p>;
  const max = niceCeiling(Math.max(...over.buckets.map((b) => b.total)));
  const slot = Math.min(MAX_SLOT, (WIDTH - LEFT - 8) / over.buckets.length);
  const width = WIDTH;
  const every = labelEvery(over.buckets.length, slot, 48);
  const ticks = [0, max / 2, max].filter((tick) => Number.isInteger(tick));
  const label = (start: string) => bucketLabel(start, over.interval, i18n.resolvedLanguage);
  const caption = t(
    over.interval === "week" ? "programmes.dashboard.chartWeek" : "programmes.dashboard.chartMonth",
    {
      count: total,
    },
  );
  const typeName = (type: ActivityType) => t(`programmes.activityTypes.${type}`);
  return (
    <figure className="activity-chart">
      <svg viewBox={`0 0 ${width} ${TOP + PLOT + BOTTOM}`} role="img" aria-label={caption}>
        <title>{caption}</title>
        {ticks.map((tick) => {
          const y = TOP + PLOT - (tick / max) * PLOT;
          return (
            <g key={tick}>
              <line x1={LEFT} x2={width - 4} y1={y} y2={y} className="chart-grid" />
              <text x={LEFT - 4} y={y + 4} textAnchor="end" className="chart-value">
                {tick}
              </text>
            </g>
          );
        })}
        {over.buckets.map((bucket, i) => {
          const x = LEFT + i * slot + slot * 0.15;
          return (
            <g key={bucket.start}>
              {stackSegments(bucket.counts, over.types, max, PLOT).map((segment) => (
                <rect
                  key={segment.type}
                  x={x}
                  y={TOP + segment.y}
                  width={slot * 0.7}
                  height={segment.height}
                  fill={typeColour(segment.type as ActivityType)}
                >
                  <title>{`${label(bucket.start)} · ${typeName(segment.type as ActivityType)}: ${segment.count}`}</title>
                </rect>
              ))}
              {i % every === 0 ? (
                <text x={x + slot * 0.35} y={TOP + PLOT + 16} textAnchor="middle" className="chart-label">
                  {label(bucket.start)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>{caption}</figcaption>
      <ul className="chart-legend" aria-label={t("programmes.dashboard.legend")}>
        {over.types.map((type) => (
          <li key={type}>
            <span className="legend-swatch" style={{ background: typeColour(type) }} aria-hidden="true" />
            {typeName(type)}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t("programmes.dashboard.asTable")}</summary>
        <div className="table-wrap">
          <table className="compact-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {t(over.interval === "week" ? "programmes.dashboard.week" : "programmes.dashboard.month")}
                </th>
                {over.types.map((type) => (
                  <th key={type} scope="col">
                    {typeName(type)}
                  </th>
                ))}
                <th scope="col">{t("programmes.dashboard.total")}</th>
              </tr>
            </thead>
            <tbody>
              {over.buckets.map((bucket) => (
                <tr key={bucket.start}>
                  <th scope="row">{label(bucket.start)}</th>
                  {over.types.map((type) => (
                    <td key={type}>{bucket.counts[type] ?? 0}</td>
                  ))}
                  <td>{bucket.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
