// Adding an indicator to a project, and entering a figure (with its evidence) for a manual one.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IndicatorView, ProjectView } from "../../../common/contracts/programmes-views.ts";
import {
  ACTIVITY_TYPES,
  DIMENSIONS,
  ENTERED_INDICATOR_TYPES,
  INDICATOR_TYPES,
} from "../../../common/contracts/programmes-vocabulary.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { CheckboxGroup, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { DateField, TextAreaField } from "./form-fields.tsx";
import { programmeKeys } from "./programme-queries.ts";
import { localIsoDate } from "./project-form.ts";

function useRefreshProject(projectId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: programmeKeys.project(projectId) });
    void queryClient.invalidateQueries({ queryKey: programmeKeys.progress(projectId) });
    void queryClient.invalidateQueries({ queryKey: ["programmes", "entries"] });
  };
}

export function AddIndicatorForm({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const api = useApi();
  const refresh = useRefreshProject(project.id);
  const [name, setName] = useState("");
  const [type, setType] = useState<string>("unique_participants");
  const [resultId, setResultId] = useState("");
  const [target, setTarget] = useState("");
  const [activityTypes, setActivityTypes] = useState<string[]>([]);
  const [disaggregations, setDisaggregations] = useState<string[]>(["gender", "age_band"]);
  const add = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      api.post<{ indicator: IndicatorView }>(`/api/projects/${project.id}/indicators`, input),
    onSuccess: () => {
      setName("");
      setTarget("");
      refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(target);
    add.mutate({
      name: name.trim(),
      type,
      ...(resultId && { resultId }),
      activityTypes,
      disaggregations,
      targets:
        target.trim() && Number.isFinite(value)
          ? [
              {
                label: t("programmes.wholeProject"),
                startsOn: project.startsOn,
                endsOn: project.endsOn,
                value,
              },
            ]
          : [],
    });
  };
  const errors = fieldErrorsOf(add.error);
  return (
    <form onSubmit={submit} noValidate className="card">
      <h3>{t("programmes.addIndicator")}</h3>
      <TextField label={t("programmes.indicatorName")} value={name} onChange={setName} error={errors.name} />
      <SelectField
        label={t("programmes.indicatorType")}
        value={type}
        onChange={setType}
        options={INDICATOR_TYPES.map((value) => ({ value, label: t(`programmes.indicatorTypes.${value}`) }))}
        error={errors.type}
      />
      <SelectField
        label={t("programmes.measures")}
        value={resultId}
        onChange={setResultId}
        options={[
          { value: "", label: t("programmes.theGoal") },
          ...project.results.map((r) => ({ value: r.id, label: `${r.code} ${r.title}` })),
        ]}
        error={errors.resultId}
      />
      <TextField
        label={t("programmes.targetForProject")}
        type="number"
        inputMode="numeric"
        min={0}
        value={target}
        onChange={setTarget}
        error={errors.targets}
      />
      <CheckboxGroup
        legend={t("programmes.countedActivities")}
        hint={t("programmes.countedActivitiesHint")}
        options={ACTIVITY_TYPES.map((value) => ({ value, label: t(`programmes.activityTypes.${value}`) }))}
        selected={activityTypes}
        onChange={setActivityTypes}
      />
      <CheckboxGroup
        legend={t("programmes.disaggregations")}
        options={DIMENSIONS.map((value) => ({ value, label: t(`programmes.dimensions.${value}`) }))}
        selected={disaggregations}
        onChange={setDisaggregations}
      />
      {add.error ? (
        <ErrorAlert>{formAlertText(t, add.error, ["name", "type", "resultId", "targets"])}</ErrorAlert>
      ) : null}
      {add.isSuccess ? (
        <SuccessNotice>{t("programmes.indicatorAdded", { name: add.variables.name })}</SuccessNotice>
      ) : null}
      <button type="submit" disabled={add.isPending}>
        {t("programmes.addIndicator")}
      </button>
    </form>
  );
}

export function isEntered(indicator: IndicatorView): boolean {
  return ENTERED_INDICATOR_TYPES.includes(indicator.type);
}

export function EntryForm({ projectId, indicator }: { projectId: string; indicator: IndicatorView }) {
  const { t } = useTranslation();
  const api = useApi();
  const refresh = useRefreshProject(projectId);
  const [asOf, setAsOf] = useState(localIsoDate(new Date()));
  const [value, setValue] = useState("");
  const [evidence, setEvidence] = useState("");
  const enter = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      api.post(`/api/indicators/${indicator.id}/entries`, input),
    onSuccess: () => {
      setValue("");
      setEvidence("");
      refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    enter.mutate({ asOf, value: Number(value), evidence: evidence.trim() });
  };
  const errors = fieldErrorsOf(enter.error);
  return (
    <form
      onSubmit={submit}
      noValidate
      className="entry-form"
      aria-label={t("programmes.enterFigureFor", { name: indicator.name })}
    >
      <div className="field-row">
        <DateField label={t("programmes.asOf")} value={asOf} onChange={setAsOf} error={errors.asOf} />
        <TextField
          label={t("programmes.figure")}
          type="number"
          inputMode="decimal"
          value={value}
          onChange={setValue}
          error={errors.value}
        />
      </div>
      <TextAreaField
        label={t("programmes.evidence")}
        hint={t("programmes.evidenceHint")}
        value={evidence}
        onChange={setEvidence}
        error={errors.evidence}
        rows={2}
      />
      {enter.error ? (
        <ErrorAlert>{formAlertText(t, enter.error, ["asOf", "value", "evidence"])}</ErrorAlert>
      ) : null}
      <button type="submit" className="button-secondary" disabled={enter.isPending}>
        {t("programmes.enterFigure")}
      </button>
    </form>
  );
}
