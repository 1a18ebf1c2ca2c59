// Plain SVG charts: progress against targets, and the reach pyramid. Each chart has its figures in
// text beside it too, so that nothing depends on reading a picture.
import { useTranslation } from "react-i18next";
import type { BreakdownRow, IndicatorProgress } from "../../../common/contracts/programmes-views.ts";
import { barFill, pyramidRows, pyramidScale } from "./chart-geometry.ts";

const BAR_WIDTH = 300;

export function TargetBar({ label, actual, target }: { label: string; actual: number; target: number }) {
  const filled = barFill(actual, target, BAR_WIDTH);
  const met = actual >= target && target > 0;
  return (
    <svg
      viewBox={`0 0 ${BAR_WIDTH} 14`}
      className="target-bar"
      role="img"
      aria-label={label}
      preserveAspectRatio="none"
    >
      <title>{label}</title>
      <rect x="0" y="0" width={BAR_WIDTH} height="14" rx="3" className="target-bar-track" />
      <rect
        x="0"
        y="0"
        width={filled}
        height="14"
        rx="3"
        className={met ? "target-bar-met" : "target-bar-fill"}
      />
    </svg>
  );
}

export function IndicatorCard({ progress }: { progress: IndicatorProgress }) {
  const { t, i18n } = useTranslation();
  const { indicator } = progress;
  const number = (n: number) => n.toLocaleString(i18n.resolvedLanguage);
  return (
    <article className="card indicator-card" aria-label={indicator.name}>
      <h3>
        {indicator.code ? `${indicator.code} ` : ""}
        {indicator.name}
      </h3>
      <p className="muted">
        {t(`programmes.indicatorTypes.${indicator.type}`)}
        {indicator.baseline > 0
          ? ` · ${t("programmes.baselineIs", { value: number(indicator.baseline) })}`
          : ""}
      </p>
      <p className="indicator-current">{t("programmes.currentValue", { value: number(progress.current) })}</p>
      {progress.targets.length === 0 ? <p className="muted">{t("programmes.noTargets")}</p> : null}
      <ul className="plain-list">
        {progress.targets.map((target) => {
          const text = t("programmes.targetProgress", {
            label: target.label,
            actual: number(target.actual),
            target: number(target.value),
            percent: target.percent ?? 100,
          });
          return (
            <li key={`${target.label}-${target.startsOn}`} className="target-row">
              <span>{text}</span>
              <TargetBar label={text} actual={target.actual} target={target.value} />
            </li>
          );
        })}
      </ul>
      {progress.latestEntry ? (
        <p className="hint">
          {t("programmes.latestEvidence", {
            date: progress.latestEntry.asOf,
            evidence: progress.latestEntry.evidence,
          })}
        </p>
      ) : null}
      {progress.breakdown.length > 0 ? <BreakdownList rows={progress.breakdown} /> : null}
    </article>
  );
}

function keyLabel(t: ReturnType<typeof useTranslation>["t"], dimension: string, value: string): string {
  const scope = DIMENSION_LABEL_SCOPES[dimension];
  return scope ? t(`programmes.${scope}.${value}`, { defaultValue: value }) : value;
}

/** Where each dimension's values are named in the interface text; counties and places keep their codes. */
const DIMENSION_LABEL_SCOPES: Record<string, string> = {
  gender: "genders",
  age_band: "ageBands",
  youth: "youth",
  disability: "disability",
  role: "participantRoles",
  group: "groups",
  activity_type: "activityTypes",
};

export function BreakdownList({ rows }: { rows: readonly BreakdownRow[] }) {
  const { t } = useTranslation();
  return (
    <ul className="breakdown-list">
      {rows.map((row) => {
        const label = Object.entries(row.keys)
          .map(([dimension, value]) => keyLabel(t, dimension, value))
          .join(" · ");
        return (
          <li key={JSON.stringify(row.keys)}>
            {t("programmes.breakdownRow", {
              label,
              people: row.uniqueParticipants,
              attendances: row.namedAttendances + row.anonymousAttendances,
            })}
          </li>
        );
      })}
    </ul>
  );
}

const ROW_HEIGHT = 26;
const HALF = 150;
const LABEL = 70;

/** Unique people by gender and age band: women to the left, men to the right, oldest band on top. */
export function ReachPyramid({ breakdown }: { breakdown: readonly BreakdownRow[] }) {
  const { t } = useTranslation();
  const rows = pyramidRows(breakdown);
  const scale = pyramidScale(rows);
  if (rows.length === 0) return <p className="muted">{t("programmes.nobodyYet")}</p>;
  const width = HALF * 2 + LABEL;
  const height = rows.length * ROW_HEIGHT + 24;
  const length = (n: number) => (n / scale) * (HALF - 30);
  return (
    <figure className="reach-pyramid">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t("programmes.pyramidCaption")}>
        <title>{t("programmes.pyramidCaption")}</title>
        <text x={HALF - 4} y="14" textAnchor="end" className="chart-heading">
          {t("programmes.genders.female")}
        </text>
        <text x={HALF + LABEL + 4} y="14" className="chart-heading">
          {t("programmes.genders.male")}
        </text>
        {rows.map((row, i) => {
          const y = 22 + i * ROW_HEIGHT;
          const left = length(row.female);
          const right = length(row.male);
          return (
            <g key={row.ageBand}>
              <rect x={HALF - left} y={y} width={left} height={ROW_HEIGHT - 6} className="pyramid-female" />
              <text x={HALF - left - 4} y={y + 15} textAnchor="end" className="chart-value">
                {row.female}
              </text>
              <text x={HALF + LABEL / 2} y={y + 15} textAnchor="middle" className="chart-label">
                {t(`programmes.ageBands.${row.ageBand}`)}
              </text>
              <rect x={HALF + LABEL} y={y} width={right} height={ROW_HEIGHT - 6} className="pyramid-male" />
              <text x={HALF + LABEL + right + 4} y={y + 15} className="chart-value">
                {row.male}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{t("programmes.pyramidCaption")}</figcaption>
      <table className="compact-table">
        <caption className="visually-hidden">{t("programmes.pyramidCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("programmes.dimensions.age_band")}</th>
            <th scope="col">{t("programmes.genders.female")}</th>
            <th scope="col">{t("programmes.genders.male")}</th>
            <th scope="col">{t("programmes.otherGenders")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.ageBand}>
              <th scope="row">{t(`programmes.ageBands.${row.ageBand}`)}</th>
              <td>{row.female}</td>
              <td>{row.male}</td>
              <td>{row.other}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
