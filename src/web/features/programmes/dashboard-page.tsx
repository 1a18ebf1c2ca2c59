// A programme's dashboard for M&E: indicators against targets in each project, unique reach across
// the programme, activities over time by type and a map of where they were held, for a period and
// a place the reader chooses, kept in the address so that a filtered dashboard can be shared.
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ProgrammeDashboardView } from "../../../common/contracts/programmes-views.ts";
import { ApiError, fieldErrorsOf } from "../../api/client.ts";
import type { PlaceRef } from "../../api/types.ts";
import { errorText } from "../../ui/error-text.ts";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { useUrlFilters } from "../../ui/use-url-filters.ts";
import { usePlace } from "../places/place-queries.ts";
import { ActivitiesChart } from "./activity-chart.tsx";
import { ActivityMap } from "./activity-map.tsx";
import { IndicatorCard, ReachPyramid } from "./charts.tsx";
import { DASHBOARD_FILTERS, periodIsBackwards } from "./dashboard-filters.ts";
import { DateField } from "./form-fields.tsx";
import { type ChosenPlace, PlaceField } from "./place-field.tsx";
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

const NO_FILTERS: DashboardFilters = { from: "", to: "", place: "" };

/**
 * The place of the filters as the place field shows it: the one just chosen, else the one the
 * address names once looked up (its id until then). Figures wait for the look-up, so that a link
 * to an unknown place never reaches the dashboard API.
 */
function usePlaceFilter(placeId: string, chosen: PlaceRef | null) {
  const known = chosen !== null && chosen.id === placeId ? chosen : null;
  const lookup = usePlace(placeId !== "" && known === null ? placeId : undefined);
  const found = { usable: true, settled: true, lookupError: null };
  if (placeId === "") return { ...found, shown: null };
  if (known) return { ...found, shown: known };
  if (lookup.data) {
    const { id, name, kind } = lookup.data.place;
    return { ...found, shown: { id, name, kind } };
  }
  const shown: ChosenPlace = { id: placeId, name: placeId };
  return { shown, usable: false, settled: lookup.isError, lookupError: lookup.error };
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { programmeId = "" } = useParams();
  const { filters, unusable, change, clear } = useUrlFilters(DASHBOARD_FILTERS);
  const { from, to } = filters;
  const [chosenPlace, setChosenPlace] = useState<PlaceRef | null>(null);
  const place = usePlaceFilter(filters.place, chosenPlace);
  // A period ending before it starts is said at once and not asked for; the last good figures stay,
  // or, opening a link with such a period, the figures for all dates.
  const backwards = periodIsBackwards(filters);
  const applied = useRef<DashboardFilters | null>(null);
  if (place.settled) {
    const placeId = place.usable ? filters.place : "";
    if (!backwards) applied.current = { from, to, place: placeId };
    else applied.current ??= { ...NO_FILTERS, place: placeId };
  }
  const dashboard = useProgrammeDashboard(
    programmeId,
    applied.current ?? NO_FILTERS,
    applied.current !== null,
  );
  const errors = fieldErrorsOf(dashboard.error);
  if (backwards) errors.to = t("programmes.dashboard.toBeforeFrom");
  if (place.lookupError)
    errors.place =
      place.lookupError instanceof ApiError && place.lookupError.status === 404
        ? t("programmes.dashboard.unknownPlace")
        : errorText(t, place.lookupError);
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
      {unusable.length > 0 ? (
        <p className="notice notice-warning" role="status">
          {t("programmes.dashboard.unusableFilters")}
        </p>
      ) : null}
      <form
        className="card dashboard-filters"
        aria-label={t("programmes.dashboard.filters")}
        onSubmit={(e) => e.preventDefault()}
      >
        <DateField
          label={t("programmes.dashboard.from")}
          value={from}
          onChange={(value) => change({ from: value })}
          error={errors.from}
        />
        <DateField
          label={t("programmes.dashboard.to")}
          value={to}
          onChange={(value) => change({ to: value })}
          error={errors.to}
        />
        <PlaceField
          label={t("programmes.dashboard.place")}
          hint={t("programmes.dashboard.placeHint")}
          value={place.shown}
          onChange={(chosen) => {
            setChosenPlace(chosen);
            change({ place: chosen?.id ?? "" });
          }}
          error={errors.place}
        />
        {from || to || filters.place ? (
          <button type="button" className="button-secondary" onClick={clear}>
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
