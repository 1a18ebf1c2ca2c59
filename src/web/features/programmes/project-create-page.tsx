// Start a project: where, when, its goal and first objective, and how many people it means to reach.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { ProjectView } from "../../../common/contracts/programmes-views.ts";
import { ApiError, fieldErrorsOf } from "../../api/client.ts";
import type { PlaceRef } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { DateField, TextAreaField } from "./form-fields.tsx";
import { PlaceField } from "./place-field.tsx";
import { programmeKeys, useProgrammes } from "./programme-queries.ts";
import { defaultProjectPeriod, projectPayload, reachIndicatorPayload } from "./project-form.ts";
import "./programmes.css";

const SHOWN = ["programmeId", "name", "goal", "placeId", "startsOn", "endsOn", "objectives", "targets"];

export function ProjectCreatePage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const programmes = useProgrammes();
  const period = defaultProjectPeriod(new Date());
  const [form, setForm] = useState({
    programmeId: params.get("programmeId") ?? "",
    name: "",
    goal: "",
    objective: "",
    startsOn: period.startsOn,
    endsOn: period.endsOn,
    peopleTarget: "",
  });
  const [place, setPlace] = useState<PlaceRef | null>(null);
  const set = (key: keyof typeof form) => (value: string) => setForm((old) => ({ ...old, [key]: value }));
  const create = useMutation({
    mutationFn: async () => {
      const programmeId = form.programmeId || programmes.data?.programmes[0]?.id || "";
      const { project } = await api.post<{ project: ProjectView }>(
        "/api/projects",
        projectPayload({ ...form, programmeId, placeId: place?.id ?? "" }),
      );
      const indicator = reachIndicatorPayload(form, t("programmes.peopleReachedIndicator"));
      if (indicator) await api.post(`/api/projects/${project.id}/indicators`, indicator);
      return project;
    },
    onSuccess: (project) => {
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
      navigate(`/programmes/projects/${project.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const errors = fieldErrorsOf(create.error);
  if (programmes.isPending) return <Loading />;
  const options = programmes.data?.programmes.map((p) => ({ value: p.id, label: p.name })) ?? [];
  return (
    <>
      <p>
        <Link to="/programmes">← {t("areas.programmes.title")}</Link>
      </p>
      <PageTitle>{t("programmes.newProject")}</PageTitle>
      {options.length === 0 ? <p className="notice notice-warning">{t("programmes.needProgramme")}</p> : null}
      <form onSubmit={submit} noValidate className="form-wide">
        <SelectField
          label={t("programmes.programme")}
          value={form.programmeId || options[0]?.value || ""}
          onChange={set("programmeId")}
          options={options}
          error={errors.programmeId}
        />
        <TextField
          label={t("programmes.projectName")}
          value={form.name}
          onChange={set("name")}
          error={errors.name}
        />
        <TextAreaField
          label={t("programmes.goal")}
          value={form.goal}
          onChange={set("goal")}
          error={errors.goal}
        />
        <TextField
          label={t("programmes.firstObjective")}
          hint={t("programmes.firstObjectiveHint")}
          value={form.objective}
          onChange={set("objective")}
          error={errors.objectives}
        />
        <PlaceField
          label={t("programmes.projectArea")}
          value={place}
          onChange={setPlace}
          error={errors.placeId}
        />
        <div className="field-row">
          <DateField
            label={t("programmes.startsOn")}
            value={form.startsOn}
            onChange={set("startsOn")}
            error={errors.startsOn}
          />
          <DateField
            label={t("programmes.endsOn")}
            value={form.endsOn}
            onChange={set("endsOn")}
            error={errors.endsOn}
          />
        </div>
        <TextField
          label={t("programmes.peopleTarget")}
          hint={t("programmes.peopleTargetHint")}
          type="number"
          inputMode="numeric"
          min={0}
          value={form.peopleTarget}
          onChange={set("peopleTarget")}
          error={errors.targets}
        />
        {create.error ? (
          <ErrorAlert>
            {create.error instanceof ApiError && create.error.status === 403
              ? create.error.message
              : formAlertText(t, create.error, SHOWN)}
          </ErrorAlert>
        ) : null}
        <button type="submit" disabled={create.isPending || options.length === 0}>
          {create.isPending ? t("common.saving") : t("programmes.createProject")}
        </button>
      </form>
    </>
  );
}
