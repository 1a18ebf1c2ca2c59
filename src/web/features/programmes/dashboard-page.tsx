// A programme's dashboard for M&E: indicators against targets in each project, unique reach across
// the programme, activities over time by type and a map of where they were held, for a period and
// a place the reader chooses.
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ProgrammeDashboardView } from "../../../common/contracts/programmes-views.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import type { PlaceRef } from "../../api/types.ts";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { ActivitiesChart } from "./activity-chart.tsx";
import { ActivityMap } from "./activity-map.tsx";
import { IndicatorCard, ReachPyramid } from "./charts.tsx";
import { DateField } from "./form-fields.tsx";
import { PlaceField } from "./place-field.tsx";
import { type DashboardFilters, useProgrammeDashboard } from "./programme-queries.ts";
import { ReachFigures } from "./reach-panel.tsx";
import "./programmes.css";

function Showing({ dashboard }: { dashboard: ProgrammeDashboardView }) {
  const { t } = useTranslation();
  const { from, to } = dashboard.period;
  const period =
    from && to
      ? t("programmes.dashboard.period", { from, to })
      : from
        ? t("programmes.dashboard.since", { from })
        : to
          ? t("programmes.dashboard.until", { to })
          : t("programmes.dashboard.allDates");
  return (
    <p className="lead" aria-live="polite">
      {t("programmes.dashboard.showing", {
        period,
        place: dashboard.place?.name ?? t("programmes.dashboard.allPlaces"),
      })}
    </p>
  );
}

function Outcomes({ dashboard }: { dashboard: ProgrammeDashboardView }) {
  const { t } = useTranslation();
  if (dashboard.referralCounts === null && dashboard.approvedStoryCount === null) return null;
  return (
    <section className="card" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t("programmes.dashboard.outcomesTitle")}</h2>
      <dl className="figures">
        {dashboard.referralCounts !== null ? (
          <div>
            <dt>{t("programmes.dashboard.referralsMade")}</dt>
            <dd>{dashboard.referralCounts.made}</dd>
          </div>
        ) : null}
        {dashboard.approvedStoryCount !== null ? (
          <div>
            <dt>{t("programmes.dashboard.storiesApproved")}</dt>
            <dd>{dashboard.approvedStoryCount}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function Figures({ dashboard }: { dashboard: ProgrammeDashboardView }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="dashboard-indicators-heading">
        <h2 id="dashboard-indicators-heading">{t("programmes.dashboard.indicatorsTitle")}</h2>
        <p className="hint">{t("programmes.dashboard.indicatorsHint")}</p>
        {dashboard.projects.length === 0 ? (
          <p className="muted">{t("programmes.dashboard.noProjects")}</p>
        ) : null}
        {dashboard.projects.map(({ project, indicators }) => (
          <section key={project.id} aria-label={project.name}>
            <h3>
              <Link to={`/programmes/projects/${project.id}`}>{project.name}</Link>{" "}
              <span className="muted">
                · {project.placeName} · {project.startsOn} – {project.endsOn}
              </span>
            </h3>
            {indicators.length === 0 ? <p className="muted">{t("programmes.noIndicators")}</p> : null}
            <div className="card-grid indicator-grid">
              {indicators.map((p) => (
                <IndicatorCard key={p.indicator.id} progress={p} />
              ))}
            </div>
          </section>
        ))}
      </section>
      <section className="card" aria-labelledby="dashboard-reach-heading">
        <h2 id="dashboard-reach-heading">{t("programmes.dashboard.reachTitle")}</h2>
        <ReachFigures reach={dashboard.reach} />
        <p className="hint">{t("programmes.dashboard.reachHint")}</p>
        <ReachPyramid breakdown={dashboard.reach.breakdown} />
      </section>
      <Outcomes dashboard={dashboard} />
      <section className="card" aria-labelledby="dashboard-activities-heading">
        <h2 id="dashboard-activities-heading">{t("programmes.dashboard.activitiesTitle")}</h2>
        <ActivitiesChart over={dashboard.activitiesOverTime} />
      </section>
      <section className="card" aria-labelledby="dashboard-map-heading">
        <h2 id="dashboard-map-heading">{t("programmes.dashboard.mapTitle")}</h2>
        <ActivityMap locations={dashboard.locations} backdrop={dashboard.mapPlaces} />
      </section>
    </>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { programmeId = "" } = useParams();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [place, setPlace] = useState<PlaceRef | null>(null);
  // A period ending before it starts is said at once and not asked for; the last good figures stay.
  const backwards = from !== "" && to !== "" && to < from;
  const applied = useRef<DashboardFilters>({ from: "", to: "", place: "" });
  if (!backwards) applied.current = { from, to, place: place?.id ?? "" };
  const dashboard = useProgrammeDashboard(programmeId, applied.current);
  const errors = fieldErrorsOf(dashboard.error);
  if (backwards) errors.to = t("programmes.dashboard.toBeforeFrom");
  const data = dashboard.data?.dashboard;
  if (dashboard.isPending) return <Loading />;
  if (!data) return <LoadError error={dashboard.error} retry={() => void dashboard.refetch()} />;
  return (
    <>
      <nav aria-label={t("programmes.breadcrumbs")} className="breadcrumbs">
        <Link to="/programmes">{t("areas.programmes.title")}</Link> › {data.programme.name}
      </nav>
      <PageTitle>{t("programmes.dashboard.title", { name: data.programme.name })}</PageTitle>
      <p className="muted">
        {data.programme.organisationName} · {data.programme.placeName}
      </p>
      <form
        className="card dashboard-filters"
        aria-label={t("programmes.dashboard.filters")}
        onSubmit={(e) => e.preventDefault()}
      >
        <DateField
          label={t("programmes.dashboard.from")}
          value={from}
          onChange={setFrom}
          error={errors.from}
        />
        <DateField label={t("programmes.dashboard.to")} value={to} onChange={setTo} error={errors.to} />
        <PlaceField
          label={t("programmes.dashboard.place")}
          hint={t("programmes.dashboard.placeHint")}
          value={place}
          onChange={setPlace}
          error={errors.place}
        />
        {from || to || place ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setFrom("");
              setTo("");
              setPlace(null);
            }}
          >
            {t("programmes.dashboard.clear")}
          </button>
        ) : null}
      </form>
      {dashboard.isError ? (
        <LoadError error={dashboard.error} retry={() => void dashboard.refetch()} />
      ) : null}
      <Showing dashboard={data} />
      {data.partialScope ? (
        <p className="notice notice-warning">{t("programmes.dashboard.partialScope")}</p>
      ) : null}
      <Figures dashboard={data} />
    </>
  );
}
