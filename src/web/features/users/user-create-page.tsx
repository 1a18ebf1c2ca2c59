import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { LOCALES } from "../../../common/taxonomy.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import type { User } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { useTextFields } from "../../ui/use-text-fields.ts";
import { PASSWORD_MIN_LENGTH } from "../auth/password-rules.ts";
import { ACCESS_FIELDS, accessPayload, NO_ACCESS, revealConflicts, type UserAccess } from "./user-access.ts";
import { UserAccessFields } from "./user-access-fields.tsx";
import { userKeys } from "./user-queries.ts";

const SHOWN_FIELDS = ["email", "name", "password", "locale", ...ACCESS_FIELDS];

function useCreateUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => api.post<{ user: User }>("/api/users", input),
    onSuccess: ({ user }) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      navigate(`/admin/users/${user.id}`, { state: { created: true } });
    },
  });
}

export function UserCreatePage() {
  const { t } = useTranslation();
  const { values, field } = useTextFields({ email: "", name: "", password: "", locale: "en" });
  const [access, setAccess] = useState<UserAccess>(NO_ACCESS);
  const create = useCreateUser();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (revealConflicts(access)) return;
    const { email, name, password, locale } = values;
    create.mutate({ email: email.trim(), name: name.trim(), password, locale, ...accessPayload(access) });
  };
  const errors = fieldErrorsOf(create.error);

  return (
    <>
      <p>
        <Link to="/admin/users">← {t("users.allUsers")}</Link>
      </p>
      <PageTitle>{t("users.createTitle")}</PageTitle>
      <form onSubmit={submit} noValidate className="form-wide">
        <TextField label={t("users.email")} type="email" {...field("email")} error={errors.email} />
        <TextField label={t("users.name")} {...field("name")} error={errors.name} />
        <TextField
          label={t("users.initialPassword")}
          hint={`${t("auth.passwordHint", { min: PASSWORD_MIN_LENGTH })} ${t("users.initialPasswordHint")}`}
          type="password"
          {...field("password")}
          autoComplete="new-password"
          error={errors.password}
        />
        <SelectField
          label={t("users.language")}
          {...field("locale")}
          options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          error={errors.locale}
        />
        <UserAccessFields value={access} onChange={setAccess} errors={errors} />
        {create.error ? <ErrorAlert>{formAlertText(t, create.error, SHOWN_FIELDS)}</ErrorAlert> : null}
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t("users.creating") : t("users.create")}
        </button>
      </form>
    </>
  );
}
