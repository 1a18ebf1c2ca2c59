// The programmes an officer works in, with their projects; writers can start a programme here.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProgrammeView } from "../../../common/contracts/programmes-views.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import type { PlaceRef } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { useCurrentUser, usePermissions } from "../../app/session.ts";
import { formAlertText } from "../../ui/error-text.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { PlaceField } from "./place-field.tsx";
import { programmeKeys, useProgrammes } from "./programme-queries.ts";
import "./programmes.css";

function NewProgrammeForm() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [organisationId, setOrganisationId] = useState(user.organisations[0]?.id ?? "");
  const [place, setPlace] = useState<PlaceRef | null>(null);
  const create = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      api.post<{ programme: ProgrammeView }>("/api/programmes", input),
    onSuccess: () => {
      setName("");
      setPlace(null);
      void queryClient.invalidateQueries({ queryKey: programmeKeys.all });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ organisationId, name: name.trim(), placeId: place?.id ?? "" });
  };
  const errors = fieldErrorsOf(create.error);
  return (
    <form onSubmit={submit} noValidate className="card">
      <h2>{t("programmes.newProgramme")}</h2>
      <TextField label={t("programmes.programmeName")} value={name} onChange={setName} error={errors.name} />
      <SelectField
        label={t("programmes.organisation")}
        value={organisationId}
        onChange={setOrganisationId}
        options={user.organisations.map((o) => ({ value: o.id, label: o.name }))}
        error={errors.organisationId}
      />
      <PlaceField
        label={t("programmes.programmeArea")}
        value={place}
        onChange={setPlace}
        error={errors.placeId}
      />
      {create.error ? (
        <ErrorAlert>{formAlertText(t, create.error, ["name", "organisationId", "placeId"])}</ErrorAlert>
      ) : null}
      <button type="submit" disabled={create.isPending}>
        {t("programmes.createProgramme")}
      </button>
    </form>
  );
}

function ProgrammeCard({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-label={programme.name}>
      <h2>{programme.name}</h2>
      <p className="muted">
        {programme.organisationName} · {programme.placeName}
      </p>
      <p>
        <Link
          to={`/programmes/${programme.id}/dashboard`}
          className="button button-secondary"
          aria-label={t("programmes.dashboard.openFor", { name: programme.name })}
        >
          {t("programmes.dashboard.open")}
        </Link>
      </p>
      {programme.description ? <p>{programme.description}</p> : null}
      {programme.projects.length === 0 ? (
        <p className="muted">{t("programmes.noProjects")}</p>
      ) : (
        <ul className="plain-list">
          {programme.projects.map((project) => (
            <li key={project.id}>
              <Link to={`/programmes/projects/${project.id}`}>{project.name}</Link>{" "}
              <span className="muted">
                · {project.placeName} · {project.startsOn} – {project.endsOn}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ProgrammesPage() {
  const { t } = useTranslation();
  const programmes = useProgrammes();
  const canWrite = usePermissions().has("programmes.write");
  return (
    <>
      <div className="page-heading">
        <PageTitle>{t("areas.programmes.title")}</PageTitle>
        {canWrite ? (
          <Link to="/programmes/projects/new" className="button">
            {t("programmes.newProject")}
          </Link>
        ) : null}
      </div>
      {programmes.isPending ? <Loading /> : null}
      {programmes.isError ? (
        <LoadError error={programmes.error} retry={() => void programmes.refetch()} />
      ) : null}
      {programmes.data?.programmes.length === 0 ? (
        <p className="muted">{t("programmes.noProgrammes")}</p>
      ) : null}
      <div className="stack">
        {programmes.data?.programmes.map((programme) => (
          <ProgrammeCard key={programme.id} programme={programme} />
        ))}
      </div>
      {canWrite ? <NewProgrammeForm /> : null}
    </>
  );
}
