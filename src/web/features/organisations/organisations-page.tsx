import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../api/client.ts";
import type { Organisation } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorAlert, LoadError, Loading, SuccessNotice } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { useTextFields } from "../../ui/use-text-fields.ts";
import { organisationKeys, useOrganisations } from "./organisation-queries.ts";

function CreateOrganisationForm() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { values, field, reset } = useTextFields({ name: "", shortName: "" });
  const create = useMutation({
    mutationFn: (input: { name: string; shortName: string }) =>
      api.post<{ organisation: Organisation }>("/api/organisations", input),
    onSuccess: () => {
      reset();
      void queryClient.invalidateQueries({ queryKey: organisationKeys.all });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: values.name.trim(), shortName: values.shortName.trim() });
  };
  const errors = fieldErrorsOf(create.error);
  return (
    <form onSubmit={submit} noValidate>
      <TextField label={t("organisations.name")} {...field("name")} error={errors.name} />
      <TextField label={t("organisations.shortName")} {...field("shortName")} error={errors.shortName} />
      {create.error ? <ErrorAlert>{formAlertText(t, create.error, ["name", "shortName"])}</ErrorAlert> : null}
      {create.isSuccess ? (
        <SuccessNotice>{t("organisations.created", { name: create.variables.name })}</SuccessNotice>
      ) : null}
      <button type="submit" disabled={create.isPending}>
        {t("organisations.create")}
      </button>
    </form>
  );
}

export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const organisations = useOrganisations();
  return (
    <>
      <PageTitle>{t("admin.organisations")}</PageTitle>
      {organisations.isPending ? <Loading /> : null}
      {organisations.isError ? (
        <LoadError error={organisations.error} retry={() => void organisations.refetch()} />
      ) : null}
      {organisations.data?.organisations.length === 0 ? (
        <p className="muted">{t("organisations.none")}</p>
      ) : null}
      {organisations.data && organisations.data.organisations.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("admin.organisations")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("organisations.name")}</th>
                <th scope="col">{t("organisations.shortName")}</th>
                <th scope="col">{t("organisations.added")}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.data.organisations.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}</td>
                  <td>{o.shortName}</td>
                  <td>{new Date(o.createdAt).toLocaleDateString(i18n.resolvedLanguage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <section className="card" aria-labelledby="create-organisation">
        <h2 id="create-organisation">{t("organisations.createTitle")}</h2>
        <CreateOrganisationForm />
      </section>
    </>
  );
}
