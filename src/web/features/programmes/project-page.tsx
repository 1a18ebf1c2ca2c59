// A project at a glance: its logframe, indicators against targets, reach, and the activities recorded.
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import type { ActivitySummary, ProjectView } from "../../../common/contracts/programmes-views.ts";
import { usePermissions } from "../../app/session.ts";
import { LoadError, Loading, SuccessNotice } from "../../ui/notices.tsx";
import { ReferralCountsPanel } from "../referrals/referral-counts-panel.tsx";
import { ProjectTabs } from "../stories/project-tabs.tsx";
import { IndicatorCard } from "./charts.tsx";
import { IndicatorEntries } from "./indicator-entries.tsx";
import { AddIndicatorForm, EntryForm, isEntered } from "./indicator-forms.tsx";
import { useProgress, useProject, useProjectActivities } from "./programme-queries.ts";
import { ProjectHeader } from "./project-header.tsx";
import { ReachPanel } from "./reach-panel.tsx";
import "./programmes.css";

function Logframe({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const objectives = project.results.filter((r) => r.kind === "objective");
  return (
    <section className="card" aria-labelledby="logframe-heading">
      <h2 id="logframe-heading">{t("programmes.logframe")}</h2>
      <p>
        <strong>{t("programmes.goal")}:</strong> {project.goal ?? t("programmes.noGoal")}
      </p>
      {objectives.length === 0 ? <p className="muted">{t("programmes.noObjectives")}</p> : null}
      <ul className="logframe plain-list">
        {objectives.map((objective) => (
          <li key={objective.id}>
            {objective.code} {objective.title}
            <ul>
              {project.results
                .filter((r) => r.parentId === objective.id)
                .map((output) => (
                  <li key={output.id}>
                    {output.code} {output.title}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Indicators({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const progress = useProgress(project.id);
  const canWrite = usePermissions().has("programmes.write") && !project.partialScope;
  return (
    <section aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">{t("programmes.indicators")}</h2>
      {progress.isPending ? <Loading /> : null}
      {progress.isError ? <LoadError error={progress.error} retry={() => void progress.refetch()} /> : null}
      {progress.data?.indicators.length === 0 ? (
        <p className="muted">{t("programmes.noIndicators")}</p>
      ) : null}
      <div className="card-grid indicator-grid">
        {progress.data?.indicators.map((p) => (
          <div key={p.indicator.id}>
            <IndicatorCard progress={p} />
            {canWrite && isEntered(p.indicator) ? (
              <EntryForm projectId={project.id} indicator={p.indicator} />
            ) : null}
            {isEntered(p.indicator) ? (
              <IndicatorEntries indicator={p.indicator} canChange={canWrite} />
            ) : null}
          </div>
        ))}
      </div>
      {canWrite ? <AddIndicatorForm project={project} /> : null}
    </section>
  );
}

function ActivitiesTable({ activities }: { activities: ActivitySummary[] }) {
  const { t } = useTranslation();
  if (activities.length === 0) return <p className="muted">{t("programmes.noActivities")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t("programmes.activities")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("programmes.heldOn")}</th>
            <th scope="col">{t("programmes.activityType")}</th>
            <th scope="col">{t("programmes.place")}</th>
            <th scope="col">{t("programmes.attendance")}</th>
          </tr>
        </thead>
        <tbody>
          {activities.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={`/programmes/activities/${a.id}`}>{a.heldOn}</Link>
              </td>
              <td>
                {t(`programmes.activityTypes.${a.type}`)}
                {a.title ? <span className="muted"> · {a.title}</span> : null}
              </td>
              <td>{a.placeName}</td>
              <td>
                {t("programmes.attendanceCounts", {
                  named: a.namedAttendances,
                  anonymous: a.anonymousAttendances,
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProjectPage() {
  const { t } = useTranslation();
  const { projectId = "" } = useParams();
  const project = useProject(projectId);
  const activities = useProjectActivities(projectId);
  const canWrite = usePermissions().has("programmes.write");
  const recorded = useLocation().state as { recorded?: number; duplicates?: number } | null;
  if (project.isPending) return <Loading />;
  if (project.isError) return <LoadError error={project.error} retry={() => void project.refetch()} />;
  const p = project.data.project;
  return (
    <>
      <ProjectHeader
        project={p}
        actions={
          canWrite ? (
            <>
              <Link to={`/programmes/projects/${p.id}/sign-in-sheet`} className="button button-secondary">
                {t("programmes.printSignInSheet")}
              </Link>
              <Link to={`/programmes/projects/${p.id}/activities/new`} className="button">
                {t("programmes.recordActivity")}
              </Link>
            </>
          ) : null
        }
      />
      <p className="lead">
        {p.placeName} · {p.startsOn} – {p.endsOn}
      </p>
      <ProjectTabs projectId={p.id} current="overview" />
      {recorded?.recorded !== undefined ? (
        <SuccessNotice>
          {t("programmes.activityRecorded", { count: recorded.recorded })}
          {recorded.duplicates
            ? ` ${t("programmes.possibleDuplicates", { count: recorded.duplicates })}`
            : ""}
        </SuccessNotice>
      ) : null}
      {p.partialScope ? <p className="notice notice-warning">{t("programmes.partialScope")}</p> : null}
      <Logframe project={p} />
      <Indicators project={p} />
      <ReachPanel projectId={p.id} />
      <ReferralCountsPanel projectId={p.id} />
      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">{t("programmes.activities")}</h2>
        {activities.isPending ? <Loading /> : null}
        {activities.isError ? (
          <LoadError error={activities.error} retry={() => void activities.refetch()} />
        ) : null}
        {activities.data ? <ActivitiesTable activities={activities.data.activities} /> : null}
      </section>
    </>
  );
}
