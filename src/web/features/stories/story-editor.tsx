// Writing a story: title, narrative and language, and its links to the project's activities, the
// commitments made at them, places, and the people it is about by participant code.
import { useMutation, useQueries, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityView } from "../../../common/contracts/programmes-views.ts";
import {
  NARRATIVE_MAX,
  STORY_LANGUAGES,
  type StoryLanguage,
  type StoryView,
} from "../../../common/contracts/stories-views.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import type { PlaceRef } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { CheckboxGroup, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert } from "../../ui/notices.tsx";
import { TextAreaField } from "../programmes/form-fields.tsx";
import { PlaceField } from "../programmes/place-field.tsx";
import { programmeKeys, useProjectActivities } from "../programmes/programme-queries.ts";
import { storyKeys } from "./story-queries.ts";

const FIELDS = [
  "title",
  "narrative",
  "language",
  "activityIds",
  "actionPointIds",
  "placeIds",
  "participantCodes",
];

interface Props {
  projectId: string;
  story: StoryView | null;
  onSaved: (story: StoryView) => void;
  onCancel?: () => void;
}

export function StoryEditor({ projectId, story, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(story?.title ?? "");
  const [narrative, setNarrative] = useState(story?.narrative ?? "");
  const [language, setLanguage] = useState<StoryLanguage>(story?.language ?? "sw");
  const [activityIds, setActivityIds] = useState<string[]>(story?.activities.map((a) => a.id) ?? []);
  const [actionPointIds, setActionPointIds] = useState<string[]>(story?.actionPoints.map((a) => a.id) ?? []);
  const [places, setPlaces] = useState<PlaceRef[]>(story?.places ?? []);
  const [codes, setCodes] = useState(story?.participantCodes.join(", ") ?? "");
  const activities = useProjectActivities(projectId);
  const dialogues = (activities.data?.activities ?? []).filter(
    (a) => a.type === "dialogue_session" && activityIds.includes(a.id),
  );
  const details = useQueries({
    queries: dialogues.map((d) => ({
      queryKey: programmeKeys.activity(d.id),
      queryFn: () => api.get<{ activity: ActivityView }>(`/api/activities/${encodeURIComponent(d.id)}`),
    })),
  });
  const points = details.flatMap((d) => d.data?.activity.dialogue?.actionPoints ?? []);
  const allLoaded = activities.isSuccess && details.every((d) => d.isSuccess);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title,
        narrative,
        language,
        activityIds,
        // Commitments of dialogues no longer linked are dropped, once every linked dialogue has loaded.
        actionPointIds: allLoaded
          ? actionPointIds.filter((id) => points.some((p) => p.id === id))
          : actionPointIds,
        placeIds: places.map((p) => p.id),
        participantCodes: codes
          .split(/[\s,;]+/)
          .map((c) => c.trim())
          .filter(Boolean),
      };
      return story
        ? api.patch<{ story: StoryView }>(`/api/stories/${story.id}`, body)
        : api.post<{ story: StoryView }>("/api/stories", { projectId, ...body });
    },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: storyKeys.all });
      onSaved(result.story);
    },
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="card stack story-editor" noValidate>
      {story && story.status !== "draft" ? (
        <p className="notice notice-warning">
          {t("stories.editingResets", { status: t(`stories.statuses.${story.status}`) })}
        </p>
      ) : null}
      <TextField
        label={t("stories.storyTitle")}
        hint={t("stories.storyTitleHint")}
        value={title}
        onChange={setTitle}
        error={errors.title}
        maxLength={200}
      />
      <TextAreaField
        label={t("stories.narrative")}
        hint={`${t("stories.narrativeHint", { max: NARRATIVE_MAX })} ${t("stories.narrativeCount", { count: narrative.length, max: NARRATIVE_MAX })}`}
        value={narrative}
        onChange={setNarrative}
        error={errors.narrative}
        rows={10}
      />
      <SelectField
        label={t("stories.language")}
        value={language}
        onChange={(v) => setLanguage(v as StoryLanguage)}
        options={STORY_LANGUAGES.map((l) => ({ value: l, label: t(`stories.languages.${l}`) }))}
        error={errors.language}
      />
      <h2>{t("stories.links")}</h2>
      {activities.data?.activities.length === 0 ? (
        <p className="muted">{t("stories.noProjectActivities")}</p>
      ) : null}
      {activities.data && activities.data.activities.length > 0 ? (
        <CheckboxGroup
          legend={t("stories.linkedActivities")}
          options={activities.data.activities.map((a) => ({
            value: a.id,
            label: `${a.heldOn} · ${t(`programmes.activityTypes.${a.type}`)}${a.title ? ` · ${a.title}` : ""} · ${a.placeName}`,
          }))}
          selected={activityIds}
          onChange={setActivityIds}
          error={errors.activityIds}
        />
      ) : null}
      {points.length > 0 ? (
        <CheckboxGroup
          legend={t("stories.linkedActionPoints")}
          options={points.map((p) => ({ value: p.id, label: p.text }))}
          selected={actionPointIds}
          onChange={setActionPointIds}
          error={errors.actionPointIds}
        />
      ) : (
        <p className="muted">{t("stories.noActionPoints")}</p>
      )}
      <fieldset className="field">
        <legend>{t("stories.linkedPlaces")}</legend>
        <ul className="plain-list">
          {places.map((p) => (
            <li key={p.id}>
              {p.name}{" "}
              <button
                type="button"
                className="button-small button-secondary"
                aria-label={t("stories.removePlace", { name: p.name })}
                onClick={() => setPlaces(places.filter((x) => x.id !== p.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <PlaceField
          label={t("stories.addPlace")}
          value={null}
          onChange={(p) => {
            if (p && !places.some((x) => x.id === p.id)) setPlaces([...places, p]);
          }}
          error={errors.placeIds}
        />
      </fieldset>
      <TextField
        label={t("stories.people")}
        hint={t("stories.peopleHint")}
        value={codes}
        onChange={setCodes}
        error={errors.participantCodes}
        autoComplete="off"
      />
      {save.error ? <ErrorAlert>{formAlertText(t, save.error, FIELDS)}</ErrorAlert> : null}
      <div className="heading-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : story ? t("stories.saveStory") : t("stories.createStory")}
        </button>
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
