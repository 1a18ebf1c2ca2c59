// Response metrics for programme staff: time to acknowledge, to first action and to resolution
// per responder unit and per category, and the cases overdue now with what is overdue. The period and
// category are kept in the address, so that a filtered view can be bookmarked and shared.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ResponseMetrics } from "../../../common/contracts/cases.ts";
import { CATEGORY_CODES } from "../../../common/taxonomy.ts";
import type { Gate } from "../../app/navigation.ts";
import { SelectField } from "../../ui/fields.tsx";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { choiceFilter, useUrlFilters } from "../../ui/use-url-filters.ts";
import { useDateTime } from "./case-bits.tsx";
import { useResponseMetrics } from "./case-queries.ts";
import { AcknowledgeChart, MetricsTable, useDuration } from "./metrics-table.tsx";
import "../../styles/cards.css";
import "./cases.css";

const PERIODS = [7, 30, 90, 365, 0] as const;
/** In the address as ?days=30&category=gbv: a period relative to today, so a shared link stays current. */
const METRICS_FILTERS = {
  days: choiceFilter<number>(PERIODS, 90),
  category: choiceFilter<string>(CATEGORY_CODES, ""),
};
/** The figures are for programme staff; the server answers 403 to anyone else. */
export const METRICS_GATE: Gate = { anyOf: ["cases.manage"] };

function Summary({ metrics }: { metrics: ResponseMetrics }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const { total } = metrics;
  const figures = [
    [t("cases.metrics.cases"), String(total.cases)],
    [t("cases.metrics.overdue"), String(total.overdue)],
    [t("cases.metrics.toAcknowledge"), duration(total.toAcknowledge.medianMinutes)],
    [t("cases.metrics.toFirstAction"), duration(total.toFirstAction.medianMinutes)],
    [t("cases.metrics.toResolution"), duration(total.toResolution.medianMinutes)],
  ] as const;
  return (
    <dl className="metrics-summary" aria-label={t("cases.metrics.summary")}>
      {figures.map(([label, value]) => (
        <div
          key={label}
          className={label === t("cases.metrics.overdue") && total.overdue > 0 ? "metrics-overdue" : ""}
        >
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function OverdueList({ metrics }: { metrics: ResponseMetrics }) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <section aria-labelledby="overdue-cases">
      <h2 id="overdue-cases">{t("cases.metrics.overdueTitle", { count: metrics.total.overdue })}</h2>
      {metrics.overdueCases.length === 0 ? <p className="muted">{t("cases.metrics.noneOverdue")}</p> : null}
      <ul className="edge-card-list case-list">
        {metrics.overdueCases.map((c) => (
          <li key={c.id} className="card">
            <Link to={`/cases/${c.id}`}>
              <strong>{c.number}</strong>
            </Link>{" "}
            · {t(`cases.urgencies.${c.urgency}`)} · {t(`cases.categories.${c.category}`)} ·{" "}
            {c.place?.name ?? t("cases.unknownPlace")}
            <ul className="plain-list">
              {c.overdue.map((o) => (
                <li key={o.kind} className="case-due-overdue">
                  {t(`cases.metrics.late.${o.kind}`, { time: when(o.at) })}
                </li>
              ))}
            </ul>
            <span className="muted">
              {t("cases.metrics.units", {
                units: c.units.length ? c.units.map((u) => u.name).join(", ") : t("cases.metrics.noUnit"),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MetricsPage() {
  const { t } = useTranslation();
  const when = useDateTime();
  const { filters, unusable, change } = useUrlFilters(METRICS_FILTERS);
  const query = useResponseMetrics(filters);
  const metrics = query.data?.metrics;
  const categoryLabel = (key: string) => t(`cases.categories.${key}`);
  return (
    <section aria-labelledby="page-title" className="metrics-page">
      <p>
        <Link to="/cases">{t("cases.back")}</Link>
      </p>
      <PageTitle>{t("cases.metrics.title")}</PageTitle>
      {unusable.length > 0 ? (
        <p className="notice notice-warning" role="status">
          {t("cases.metrics.unusableFilters")}
        </p>
      ) : null}
      <div className="filters">
        <SelectField
          label={t("cases.metrics.period")}
          value={String(filters.days)}
          onChange={(value) => change({ days: Number(value) })}
          options={PERIODS.map((days) => ({
            value: String(days),
            label: days === 0 ? t("cases.metrics.allTime") : t("cases.metrics.lastDays", { count: days }),
          }))}
        />
        <SelectField
          label={t("cases.metrics.category")}
          value={filters.category}
          onChange={(category) => change({ category })}
          options={[
            { value: "", label: t("cases.metrics.allCategories") },
            ...CATEGORY_CODES.map((c) => ({ value: c, label: categoryLabel(c) })),
          ]}
        />
      </div>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      {metrics ? (
        <>
          <p className="muted" aria-live="polite">
            {t("cases.metrics.asOf", { time: when(metrics.asOf) })}
          </p>
          {metrics.total.cases === 0 ? <p>{t("cases.metrics.empty")}</p> : null}
          <Summary metrics={metrics} />
          {metrics.byUnit.length > 0 ? (
            <section aria-labelledby="by-unit">
              <h2 id="by-unit">{t("cases.metrics.byUnit")}</h2>
              <AcknowledgeChart rows={metrics.byUnit} />
              <MetricsTable caption={t("cases.metrics.byUnit")} rows={metrics.byUnit} />
            </section>
          ) : null}
          {metrics.byCategory.length > 0 ? (
            <section aria-labelledby="by-category">
              <h2 id="by-category">{t("cases.metrics.byCategory")}</h2>
              <MetricsTable
                caption={t("cases.metrics.byCategory")}
                rows={metrics.byCategory}
                labelOf={(row) => categoryLabel(row.key)}
              />
            </section>
          ) : null}
          <OverdueList metrics={metrics} />
        </>
      ) : null}
    </section>
  );
}
