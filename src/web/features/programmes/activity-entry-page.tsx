// Record an activity and who came. Dialogue sessions get their own fields: group, officials, unarmed
// officers, issues raised and action points.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { AttendanceResult } from "../../../common/contracts/programmes-views.ts";
import {
  ACTIVITY_TYPES,
  DIALOGUE_GROUPS,
  PEACE_ACTION_KINDS,
} from "../../../common/contracts/programmes-vocabulary.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import type { PlaceRef } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { type ActivityFormValues, type Attendance, activityPayload } from "./activity-form.ts";
import { AttendancePicker } from "./attendance-picker.tsx";
import { DateField, TextAreaField } from "./form-fields.tsx";
import { PlaceField } from "./place-field.tsx";
import { programmeKeys, useProject } from "./programme-queries.ts";
import { localIsoDate } from "./project-form.ts";
import "./programmes.css";

const SHOWN = ["type", "title", "heldOn", "placeId", "notes", "peaceActionKind", "dialogue"];

const initialValues = (): ActivityFormValues => ({
  type: "dialogue_session",
  title: "",
  heldOn: localIsoDate(new Date()),
  notes: "",
  peaceActionKind: "",
  group: "youth",
  facilitators: "",
  officialsPresent: "",
  officersUnarmed: "",
  topics: "",
  issuesRaised: "",
  actionPoints: "",
});

function DialogueFields({
  v,
  set,
}: {
  v: ActivityFormValues;
  set: (key: keyof ActivityFormValues) => (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend>{t("programmes.dialogueDetails")}</legend>
      <SelectField
        label={t("programmes.dialogueGroup")}
        value={v.group}
        onChange={set("group")}
        options={DIALOGUE_GROUPS.map((g) => ({ value: g, label: t(`programmes.groups.${g}`) }))}
      />
      <TextField
        label={t("programmes.facilitators")}
        hint={t("programmes.commaHint")}
        value={v.facilitators}
        onChange={set("facilitators")}
      />
      <TextField
        label={t("programmes.officialsPresent")}
        hint={t("programmes.officialsHint")}
        value={v.officialsPresent}
        onChange={set("officialsPresent")}
      />
      <SelectField
        label={t("programmes.officersUnarmed")}
        value={v.officersUnarmed}
        onChange={set("officersUnarmed")}
        options={[
          { value: "", label: t("programmes.notRecorded") },
          { value: "yes", label: t("common.yes") },
          { value: "no", label: t("common.no") },
        ]}
      />
      <TextField
        label={t("programmes.topics")}
        hint={t("programmes.commaHint")}
        value={v.topics}
        onChange={set("topics")}
      />
      <TextAreaField
        label={t("programmes.issuesRaised")}
        hint={t("programmes.lineHint")}
        value={v.issuesRaised}
        onChange={set("issuesRaised")}
      />
      <TextAreaField
        label={t("programmes.actionPoints")}
        hint={t("programmes.actionPointsHint")}
        value={v.actionPoints}
        onChange={set("actionPoints")}
      />
    </fieldset>
  );
}

export function ActivityEntryPage() {
  const { t } = useTranslation();
  const { projectId = "" } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const project = useProject(projectId);
  const [v, setValues] = useState(initialValues);
  const [place, setPlace] = useState<PlaceRef | null>(null);
  const [attendance, setAttendance] = useState<Attendance>({
    present: new Map(),
    newPeople: [],
    heads: { female: "", male: "", other: "" },
  });
  const set = (key: keyof ActivityFormValues) => (value: string) =>
    setValues((old) => ({ ...old, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      api.post<AttendanceResult>(
        "/api/activities",
        activityPayload(projectId, place?.id ?? "", v, attendance),
      ),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      navigate(`/programmes/projects/${projectId}`, {
        state: {
          recorded: result.activity.namedAttendances + result.activity.anonymousAttendances,
          duplicates: result.possibleDuplicates.length,
        },
      });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  if (project.isPending) return <Loading />;
  if (project.isError) return <LoadError error={project.error} retry={() => void project.refetch()} />;
  const errors = fieldErrorsOf(save.error);
  return (
    <>
      <p>
        <Link to={`/programmes/projects/${projectId}`}>← {project.data.project.name}</Link>
      </p>
      <PageTitle>{t("programmes.recordActivity")}</PageTitle>
      <form onSubmit={submit} noValidate className="form-wide">
        <SelectField
          label={t("programmes.activityType")}
          value={v.type}
          onChange={set("type")}
          options={ACTIVITY_TYPES.map((type) => ({
            value: type,
            label: t(`programmes.activityTypes.${type}`),
          }))}
          error={errors.type}
        />
        {v.type === "peace_action" ? (
          <SelectField
            label={t("programmes.peaceActionKind")}
            value={v.peaceActionKind}
            onChange={set("peaceActionKind")}
            options={[
              { value: "", label: t("programmes.notRecorded") },
              ...PEACE_ACTION_KINDS.map((k) => ({ value: k, label: t(`programmes.peaceActionKinds.${k}`) })),
            ]}
          />
        ) : null}
        <TextField
          label={t("programmes.activityTitle")}
          value={v.title}
          onChange={set("title")}
          error={errors.title}
        />
        <DateField
          label={t("programmes.heldOn")}
          value={v.heldOn}
          onChange={set("heldOn")}
          error={errors.heldOn}
        />
        <PlaceField
          label={t("programmes.activityPlace")}
          hint={t("programmes.activityPlaceHint", { area: project.data.project.placeName })}
          value={place}
          onChange={setPlace}
          error={errors.placeId}
        />
        {v.type === "dialogue_session" ? <DialogueFields v={v} set={set} /> : null}
        <TextAreaField
          label={t("programmes.notes")}
          value={v.notes}
          onChange={set("notes")}
          error={errors.notes}
        />
        <AttendancePicker
          organisationId={project.data.project.organisationId}
          place={place}
          value={attendance}
          onChange={setAttendance}
        />
        {save.error ? <ErrorAlert>{formAlertText(t, save.error, SHOWN)}</ErrorAlert> : null}
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t("programmes.saveActivity")}
        </button>
      </form>
    </>
  );
}
