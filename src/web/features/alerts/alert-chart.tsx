// The series behind an alert: a bar per day, the expected count as a line and the usual range as a
// shaded band, the days of the rise emphasised. Plain SVG; the table below it carries the same data
// for screen readers.
import { useTranslation } from "react-i18next";
import type { AlertSeriesDay } from "../../../common/contracts/alerts.ts";
import { useDay } from "./alert-bits.tsx";

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 32;
const BOTTOM = 24;
const TOP = 10;

export function AlertChart({ series, areaName }: { series: AlertSeriesDay[]; areaName: string }) {
  const { t } = useTranslation();
  const day = useDay();
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return null;
  const top = Math.max(2, ...series.map((d) => Math.max(d.count, d.usualMax)));
  const plotHeight = HEIGHT - BOTTOM - TOP;
  const step = (WIDTH - LEFT) / series.length;
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
  const x = (i: number) => LEFT + i * step;
  const band = [
    ...series.map((d, i) => `${x(i)},${y(d.usualMax + 0.5)} ${x(i + 1)},${y(d.usualMax + 0.5)}`),
    `${x(series.length)},${y(0)} ${x(0)},${y(0)}`,
  ].join(" ");
  const expected = series.map((d, i) => `${x(i + 0.5)},${y(d.expected)}`).join(" ");
  const ticks = [0, Math.ceil(top / 2), top];
  return (
    <figure className="alert-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t("alerts.detail.chartLabel", {
          area: areaName,
          from: day(first.date),
          to: day(last.date),
        })}
      >
        <polygon points={band} className="alert-chart-band" />
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} className="alert-chart-grid" />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" className="alert-chart-axis">
              {tick}
            </text>
          </g>
        ))}
        {series.map((d, i) => (
          <rect
            key={d.date}
            x={x(i) + step * 0.15}
            width={step * 0.7}
            y={y(d.count)}
            height={y(0) - y(d.count)}
            className={d.inPeriod ? "alert-chart-bar alert-chart-bar-period" : "alert-chart-bar"}
          >
            <title>{`${day(d.date)}: ${d.count}`}</title>
          </rect>
        ))}
        <polyline points={expected} className="alert-chart-expected" />
        {[first, series[Math.floor(series.length / 2)] ?? first, last].map((d, i) => (
          <text
            key={d.date}
            x={x(series.indexOf(d) + 0.5)}
            y={HEIGHT - 6}
            textAnchor={i === 0 ? "start" : i === 2 ? "end" : "middle"}
            className="alert-chart-axis"
          >
            {day(d.date)}
          </text>
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{t("alerts.detail.chartTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("alerts.detail.legendDay")}</th>
            <th scope="col">{t("alerts.detail.legendCount")}</th>
            <th scope="col">{t("alerts.detail.legendExpected")}</th>
            <th scope="col">{t("alerts.detail.legendBand")}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((d) => (
            <tr key={d.date}>
              <th scope="row">{day(d.date)}</th>
              <td>{d.count}</td>
              <td>{d.expected.toFixed(1)}</td>
              <td>0–{d.usualMax}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="alert-chart-legend">
        <span className="legend-bar">{t("alerts.detail.legendCount")}</span>
        <span className="legend-period">{t("alerts.detail.legendPeriod")}</span>
        <span className="legend-expected">{t("alerts.detail.legendExpected")}</span>
        <span className="legend-band">{t("alerts.detail.legendBand")}</span>
      </figcaption>
    </figure>
  );
}
