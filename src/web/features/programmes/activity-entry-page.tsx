// Record an activity and who came. Dialogue sessions get their own fields: group, officials, unarmed
// officers, issues raised and action points.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { AttendanceResult } from "../../../common/contracts/programmes-views.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import type { PlaceRef } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { ErrorAlert, LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { ACTIVITY_FIELDS, ActivityFields } from "./activity-fields.tsx";
import { type ActivityFormValues, type Attendance, activityPayload } from "./activity-form.ts";
import { AttendancePicker } from "./attendance-picker.tsx";
import { programmeKeys, useProject } from "./programme-queries.ts";
import { localIsoDate } from "./project-form.ts";
import "./programmes.css";

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
        <ActivityFields
          v={v}
          set={set}
          place={place}
          setPlace={setPlace}
          projectArea={project.data.project.placeName}
          errors={errors}
        />
        <AttendancePicker
          organisationId={project.data.project.organisationId}
          place={place}
          value={attendance}
          onChange={setAttendance}
        />
        {save.error ? <ErrorAlert>{formAlertText(t, save.error, ACTIVITY_FIELDS)}</ErrorAlert> : null}
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t("programmes.saveActivity")}
        </button>
      </form>
    </>
  );
}
