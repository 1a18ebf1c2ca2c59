// Edit a recorded activity with the form it was recorded with, filled in. The edit carries the
// `updatedAt` that was read: if someone else saved in between, the server refuses and we offer to reload.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { ActivityView } from "../../../common/contracts/programmes-views.ts";
import { ApiError, fieldErrorsOf } from "../../api/client.ts";
import type { PlaceRef } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { SelectField } from "../../ui/fields.tsx";
import { ErrorAlert, LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { usePlace } from "../places/place-queries.ts";
import { ACTIVITY_FIELDS, ActivityFields } from "./activity-fields.tsx";
import { type ActivityFormValues, activityEditPayload, formValuesOf } from "./activity-form.ts";
import { programmeKeys, useActivity, useProgrammes } from "./programme-queries.ts";
import "./programmes.css";

/** The projects an activity may move to: those of its own organisation that the editor can see. */
function useProjectOptions(activity: ActivityView) {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const options = (programmes.data?.programmes ?? [])
    .filter((p) => p.organisationId === activity.organisationId)
    .flatMap((p) =>
      p.projects.map((project) => ({
        value: project.id,
        label: `${p.name} › ${project.name}`,
        area: project.placeName,
      })),
    );
  if (!options.some((o) => o.value === activity.projectId))
    options.unshift({ value: activity.projectId, label: activity.projectName, area: "" });
  return { options, label: t("programmes.project") };
}

function EditForm({ activity, initialPlace }: { activity: ActivityView; initialPlace: PlaceRef }) {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [v, setValues] = useState(() => formValuesOf(activity));
  const [projectId, setProjectId] = useState(activity.projectId);
  const [place, setPlace] = useState<PlaceRef | null>(initialPlace);
  const projects = useProjectOptions(activity);
  const set = (key: keyof ActivityFormValues) => (value: string) =>
    setValues((old) => ({ ...old, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      api.patch<{ activity: ActivityView }>(
        `/api/activities/${encodeURIComponent(activity.id)}`,
        activityEditPayload(activity, projectId, place?.id ?? "", v),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      navigate(`/programmes/activities/${activity.id}`, { state: { edited: true } });
    },
  });
  const stale = save.error instanceof ApiError && save.error.code === "stale";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const errors = fieldErrorsOf(save.error);
  return (
    <form onSubmit={submit} noValidate className="form-wide">
      <ActivityFields
        v={v}
        set={set}
        place={place}
        setPlace={setPlace}
        projectArea={projects.options.find((o) => o.value === projectId)?.area || activity.projectName}
        errors={errors}
      >
        <SelectField
          label={projects.label}
          value={projectId}
          onChange={setProjectId}
          options={projects.options}
          error={errors.projectId}
        />
      </ActivityFields>
      {stale ? (
        <ErrorAlert>
          {t("programmes.staleEdit")}{" "}
          <button
            type="button"
            className="button-small button-secondary"
            onClick={() =>
              void queryClient.invalidateQueries({ queryKey: programmeKeys.activity(activity.id) })
            }
          >
            {t("programmes.reloadActivity")}
          </button>
        </ErrorAlert>
      ) : save.error ? (
        <ErrorAlert>{formAlertText(t, save.error, ACTIVITY_FIELDS)}</ErrorAlert>
      ) : null}
      <div className="heading-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t("programmes.saveChanges")}
        </button>
        <Link to={`/programmes/activities/${activity.id}`} className="button button-secondary">
          {t("programmes.cancelEdit")}
        </Link>
      </div>
    </form>
  );
}

export function ActivityEditPage() {
  const { t } = useTranslation();
  const { activityId = "" } = useParams();
  const activity = useActivity(activityId);
  const place = usePlace(activity.data?.activity.placeId);
  if (activity.isPending) return <Loading />;
  if (activity.isError) return <LoadError error={activity.error} retry={() => void activity.refetch()} />;
  if (place.isPending) return <Loading />;
  if (place.isError) return <LoadError error={place.error} retry={() => void place.refetch()} />;
  const a = activity.data.activity;
  const p = place.data.place;
  return (
    <>
      <p>
        <Link to={`/programmes/activities/${a.id}`}>
          ← {a.title ?? t(`programmes.activityTypes.${a.type}`)}
        </Link>
      </p>
      <PageTitle>{t("programmes.editActivity")}</PageTitle>
      {/* Keyed by the version read: reloading after someone else's edit starts again from theirs. */}
      <EditForm key={a.updatedAt} activity={a} initialPlace={{ id: p.id, name: p.name, kind: p.kind }} />
    </>
  );
}
