// One impact story: the narrative, what it is linked to, consent, evidence files and its status moves.
// Also the page that writes a new story for a project.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { StoryAction, StoryView } from "../../../common/contracts/stories-views.ts";
import { useApi } from "../../app/api-context.tsx";
import { errorText } from "../../ui/error-text.ts";
import { ErrorAlert, LoadError, Loading, SuccessNotice } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { TextAreaField } from "../programmes/form-fields.tsx";
import { useProject } from "../programmes/programme-queries.ts";
import { ConsentSection } from "./consent-section.tsx";
import { EvidenceSection } from "./evidence-section.tsx";
import { StoryEditor } from "./story-editor.tsx";
import { storyKeys, useStory } from "./story-queries.ts";
import "../programmes/programmes.css";
import "./stories.css";

function StatusActions({ story }: { story: StoryView }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const move = useMutation({
    mutationFn: (action: StoryAction) =>
      api.post<{ story: StoryView }>(`/api/stories/${story.id}/transition`, {
        action,
        ...(action === "return" && { comment }),
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(storyKeys.story(story.id), result);
      void queryClient.invalidateQueries({ queryKey: storyKeys.all });
    },
  });
  const actions = story.yourActions;
  if (actions.length === 0 && !move.isSuccess) return null;
  return (
    <section className="card story-status" aria-labelledby="status-heading">
      <h2 id="status-heading">{t("stories.statusActions")}</h2>
      {story.status === "submitted" && actions.includes("return") && !actions.includes("approve") ? (
        <p className="muted">{t("stories.cannotApproveOwn")}</p>
      ) : null}
      {actions.includes("return") ? (
        <TextAreaField label={t("stories.returnComment")} value={comment} onChange={setComment} rows={2} />
      ) : null}
      <div className="heading-actions">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === "approve" || action === "submit" ? undefined : "button-secondary"}
            disabled={move.isPending}
            onClick={() => move.mutate(action)}
          >
            {t(`stories.actions.${action}`)}
          </button>
        ))}
      </div>
      {move.error ? <ErrorAlert>{errorText(t, move.error)}</ErrorAlert> : null}
      {move.isSuccess && move.variables ? (
        <SuccessNotice>{t(`stories.moved.${move.variables}`)}</SuccessNotice>
      ) : null}
    </section>
  );
}

function LinkList({ heading, items }: { heading: string; items: ReactNode[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{heading}</h3>
      {items.length === 0 ? (
        <p className="muted">{t("stories.none")}</p>
      ) : (
        <ul className="story-links">{items}</ul>
      )}
    </>
  );
}

function Links({ story }: { story: StoryView }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="links-heading">
      <h2 id="links-heading">{t("stories.links")}</h2>
      <LinkList
        heading={t("stories.linkedActivities")}
        items={story.activities.map((a) => (
          <li key={a.id}>
            <Link to={`/programmes/activities/${a.id}`}>
              {a.heldOn} · {t(`programmes.activityTypes.${a.type}`)}
              {a.title ? ` · ${a.title}` : ""}
            </Link>{" "}
            <span className="muted">· {a.placeName}</span>
          </li>
        ))}
      />
      <LinkList
        heading={t("stories.linkedActionPoints")}
        items={story.actionPoints.map((p) => (
          <li key={p.id}>
            {p.text} <span className="badge">{t(`programmes.actionPointStatuses.${p.status}`)}</span>
          </li>
        ))}
      />
      <LinkList
        heading={t("stories.linkedPlaces")}
        items={story.places.map((p) => <li key={p.id}>{p.name}</li>)}
      />
      {story.canEdit ? (
        <LinkList
          heading={t("stories.people")}
          items={story.participantCodes.map((code) => <li key={code}>{code}</li>)}
        />
      ) : null}
    </section>
  );
}

export function StoryPage() {
  const { t } = useTranslation();
  const { storyId = "" } = useParams();
  const story = useStory(storyId);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (story.isPending) return <Loading />;
  if (story.isError) return <LoadError error={story.error} retry={() => void story.refetch()} />;
  const s = story.data.story;
  return (
    <>
      <p>
        <Link to={`/programmes/projects/${s.projectId}/stories`}>← {s.projectName}</Link>
      </p>
      <div className="page-heading">
        <PageTitle>{s.title}</PageTitle>
        {s.canEdit && !editing ? (
          <div className="heading-actions">
            <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
              {t("stories.editStory")}
            </button>
          </div>
        ) : null}
      </div>
      <p className="lead">
        <span className="badge">{t(`stories.statuses.${s.status}`)}</span> ·{" "}
        {t(`stories.languages.${s.language}`)}
        {s.authorName ? ` · ${t("stories.author")} ${s.authorName}` : ""} · {t("stories.usable")}:{" "}
        {s.usableFor ? t(`stories.uses.${s.usableFor}`) : t("stories.notUsable")}
      </p>
      {s.status === "returned" && s.returnComment ? (
        <p className="notice notice-warning">{t("stories.returnedWith", { comment: s.returnComment })}</p>
      ) : null}
      {s.approvedAt ? (
        <p className="muted">
          {s.approvedByName
            ? t("stories.approvedBy", { name: s.approvedByName, date: s.approvedAt.slice(0, 10) })
            : t("stories.approvedNoName", { date: s.approvedAt.slice(0, 10) })}
        </p>
      ) : null}
      {saved && !editing ? <SuccessNotice>{t("stories.saved")}</SuccessNotice> : null}
      {editing ? (
        <StoryEditor
          projectId={s.projectId}
          story={s}
          onCancel={() => setEditing(false)}
          onSaved={(updated) => {
            queryClient.setQueryData(storyKeys.story(s.id), { story: updated });
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : (
        <>
          <StatusActions story={s} />
          <section aria-labelledby="narrative-heading">
            <h2 id="narrative-heading">{t("stories.narrative")}</h2>
            <p className="story-narrative">{s.narrative}</p>
          </section>
          <Links story={s} />
          <ConsentSection story={s} />
          <EvidenceSection story={s} />
        </>
      )}
    </>
  );
}

export function StoryCreatePage() {
  const { t } = useTranslation();
  const { projectId = "" } = useParams();
  const project = useProject(projectId);
  const navigate = useNavigate();
  if (project.isPending) return <Loading />;
  if (project.isError) return <LoadError error={project.error} retry={() => void project.refetch()} />;
  const p = project.data.project;
  return (
    <>
      <p>
        <Link to={`/programmes/projects/${p.id}/stories`}>← {p.name}</Link>
      </p>
      <PageTitle>{t("stories.newStory")}</PageTitle>
      <StoryEditor
        projectId={p.id}
        story={null}
        onSaved={(story) => void navigate(`/programmes/stories/${story.id}`)}
      />
    </>
  );
}
