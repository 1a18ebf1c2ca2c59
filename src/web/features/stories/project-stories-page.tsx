// The "Stories" tab of a project: its impact stories, filtered by status and place.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { STORY_STATUSES, type StoryStatus } from "../../../common/contracts/stories-views.ts";
import type { PlaceRef } from "../../api/types.ts";
import { usePermissions } from "../../app/session.ts";
import { SelectField } from "../../ui/fields.tsx";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PlaceField } from "../programmes/place-field.tsx";
import { useProject } from "../programmes/programme-queries.ts";
import { ProjectHeader } from "../programmes/project-header.tsx";
import { ProjectTabs } from "./project-tabs.tsx";
import { useProjectStories } from "./story-queries.ts";
import "../programmes/programmes.css";

export function ProjectStoriesPage() {
  const { t } = useTranslation();
  const { projectId = "" } = useParams();
  const project = useProject(projectId);
  const [status, setStatus] = useState<StoryStatus | "">("");
  const [place, setPlace] = useState<PlaceRef | null>(null);
  const stories = useProjectStories(projectId, status, place?.id ?? "");
  const canWrite = usePermissions().has("programmes.write");
  if (project.isPending) return <Loading />;
  if (project.isError) return <LoadError error={project.error} retry={() => void project.refetch()} />;
  const p = project.data.project;
  return (
    <>
      <ProjectHeader
        project={p}
        actions={
          canWrite ? (
            <Link to={`/programmes/projects/${p.id}/stories/new`} className="button">
              {t("stories.newStory")}
            </Link>
          ) : null
        }
      />
      <ProjectTabs projectId={p.id} current="stories" />
      <section aria-labelledby="stories-heading">
        <h2 id="stories-heading">{t("stories.title")}</h2>
        <p className="muted">{t("stories.intro")}</p>
        <div className="filters">
          <SelectField
            label={t("stories.filterStatus")}
            value={status}
            onChange={(v) => setStatus(v as StoryStatus | "")}
            options={[
              { value: "", label: t("stories.anyStatus") },
              ...STORY_STATUSES.map((s) => ({ value: s, label: t(`stories.statuses.${s}`) })),
            ]}
          />
          <PlaceField label={t("stories.filterPlace")} value={place} onChange={setPlace} />
        </div>
        {stories.isPending ? <Loading /> : null}
        {stories.isError ? <LoadError error={stories.error} retry={() => void stories.refetch()} /> : null}
        {stories.data?.stories.length === 0 ? <p className="muted">{t("stories.noStories")}</p> : null}
        {stories.data && stories.data.stories.length > 0 ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("stories.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("stories.storyTitle")}</th>
                  <th scope="col">{t("stories.filterStatus")}</th>
                  <th scope="col">{t("stories.places")}</th>
                  <th scope="col">{t("stories.usable")}</th>
                  <th scope="col">{t("stories.updated")}</th>
                </tr>
              </thead>
              <tbody>
                {stories.data.stories.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/programmes/stories/${s.id}`}>{s.title}</Link>
                      {s.authorName ? <span className="muted"> · {s.authorName}</span> : null}
                    </td>
                    <td>
                      <span className="badge">{t(`stories.statuses.${s.status}`)}</span>
                    </td>
                    <td>{s.placeNames.join(", ") || "—"}</td>
                    <td>{s.usableFor ? t(`stories.uses.${s.usableFor}`) : t("stories.notUsable")}</td>
                    <td>{s.updatedAt.slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
