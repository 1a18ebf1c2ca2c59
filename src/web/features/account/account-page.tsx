import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "../../../common/taxonomy.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import type { User } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { useLocale } from "../../app/locale.ts";
import { useCurrentUser, useSessionActions } from "../../app/session.ts";
import { isLocale } from "../../i18n/setup.ts";
import { errorText, formAlertText } from "../../ui/error-text.ts";
import { CheckboxField, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { ChangePasswordForm } from "../auth/change-password-form.tsx";
import { TwoFactorSettings } from "./two-factor-settings.tsx";

function ProfileForm() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useCurrentUser();
  const { replaceUser } = useSessionActions();
  const [name, setName] = useState(user.name);
  const save = useMutation({
    mutationFn: () => api.patch<{ user: User }>("/api/auth/me", { name: name.trim() }),
    onSuccess: ({ user: saved }) => replaceUser(saved),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t("account.name")}
        value={name}
        onChange={setName}
        autoComplete="name"
        required
        error={fieldErrorsOf(save.error).name}
      />
      <p className="muted">{user.email}</p>
      {save.error ? <ErrorAlert>{formAlertText(t, save.error, ["name"])}</ErrorAlert> : null}
      {save.isSuccess ? <SuccessNotice>{t("account.nameSaved")}</SuccessNotice> : null}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? t("common.saving") : t("common.save")}
      </button>
    </form>
  );
}

function LanguageChoice() {
  const { t } = useTranslation();
  const { current, switchTo } = useLocale();
  const [failure, setFailure] = useState<unknown>(undefined);
  const choose = (value: string) => {
    if (!isLocale(value)) return;
    setFailure(undefined);
    switchTo(value).catch(setFailure);
  };
  return (
    <div className="narrow">
      <SelectField
        label={t("language.label")}
        hint={t("account.languageHint")}
        value={current}
        onChange={choose}
        options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      />
      {failure ? <ErrorAlert>{errorText(t, failure)}</ErrorAlert> : null}
    </div>
  );
}

function NoticeSettings() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useCurrentUser();
  const { replaceUser } = useSessionActions();
  const save = useMutation({
    mutationFn: (emailNotices: boolean) => api.patch<{ user: User }>("/api/auth/me", { emailNotices }),
    onSuccess: ({ user: saved }) => replaceUser(saved),
  });
  return (
    <>
      <CheckboxField
        label={t("account.emailNotices")}
        hint={t("account.emailNoticesHint", { email: user.email })}
        checked={user.emailNotices}
        onChange={(checked) => save.mutate(checked)}
      />
      {save.error ? <ErrorAlert>{errorText(t, save.error)}</ErrorAlert> : null}
      {save.isSuccess ? <SuccessNotice>{t("account.noticesSaved")}</SuccessNotice> : null}
    </>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t("account.title")}</PageTitle>
      <div className="stack">
        <section className="card" aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t("account.profile")}</h2>
          <ProfileForm />
        </section>
        <section className="card" aria-labelledby="language-heading">
          <h2 id="language-heading">{t("language.label")}</h2>
          <LanguageChoice />
        </section>
        <section className="card" aria-labelledby="notices-heading">
          <h2 id="notices-heading">{t("account.notices")}</h2>
          <NoticeSettings />
        </section>
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">{t("auth.changePassword")}</h2>
          <ChangePasswordForm />
        </section>
        <TwoFactorSettings />
      </div>
    </>
  );
}
