import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { fieldErrorsOf } from "../../api/client.ts";
import type { User } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { CheckboxField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, LoadError, Loading, SuccessNotice } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { PASSWORD_MIN_LENGTH } from "../auth/password-rules.ts";
import { ACCESS_FIELDS, accessOf, accessPayload, revealConflicts } from "./user-access.ts";
import { UserAccessFields } from "./user-access-fields.tsx";
import { userKeys, useUser } from "./user-queries.ts";

const SHOWN_FIELDS = ["name", "active", ...ACCESS_FIELDS];

function EditUserForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [active, setActive] = useState(user.active);
  const [access, setAccess] = useState(accessOf(user));
  const save = useMutation({
    mutationFn: () =>
      api.patch<{ user: User }>(`/api/users/${encodeURIComponent(user.id)}`, {
        name: name.trim(),
        active,
        ...accessPayload(access),
      }),
    onSuccess: ({ user: saved }) => {
      queryClient.setQueryData(userKeys.detail(saved.id), { user: saved });
      void queryClient.invalidateQueries({ queryKey: ["users", "list"] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!revealConflicts(access)) save.mutate();
  };
  const errors = fieldErrorsOf(save.error);
  return (
    <form onSubmit={submit} noValidate className="form-wide">
      <TextField label={t("users.name")} value={name} onChange={setName} error={errors.name} />
      <CheckboxField
        label={t("users.accountActive")}
        checked={active}
        onChange={setActive}
        error={errors.active}
      />
      <UserAccessFields value={access} onChange={setAccess} errors={errors} />
      {save.error ? <ErrorAlert>{formAlertText(t, save.error, SHOWN_FIELDS)}</ErrorAlert> : null}
      {save.isSuccess ? <SuccessNotice>{t("users.saved")}</SuccessNotice> : null}
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? t("common.saving") : t("users.saveChanges")}
      </button>
    </form>
  );
}

function ResetPasswordForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const reset = useMutation({
    mutationFn: () =>
      api.post<void>(`/api/users/${encodeURIComponent(user.id)}/reset-password`, { password }),
    onSuccess: () => {
      setPassword("");
      void queryClient.invalidateQueries({ queryKey: userKeys.detail(user.id) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t("users.temporaryPassword")}
        hint={`${t("users.resetIntro")} ${t("auth.passwordHint", { min: PASSWORD_MIN_LENGTH })}`}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        error={fieldErrorsOf(reset.error).password}
      />
      {reset.error ? <ErrorAlert>{formAlertText(t, reset.error, ["password"])}</ErrorAlert> : null}
      {reset.isSuccess ? <SuccessNotice>{t("users.resetDone")}</SuccessNotice> : null}
      <button type="submit" className="button-secondary" disabled={reset.isPending}>
        {t("users.resetPassword")}
      </button>
    </form>
  );
}

export function UserDetailPage() {
  const { t, i18n } = useTranslation();
  const { userId = "" } = useParams();
  const location = useLocation();
  const query = useUser(userId);
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;

  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  const { user } = query.data;
  const createdOn = new Date(user.createdAt).toLocaleDateString(i18n.resolvedLanguage);
  return (
    <>
      <p>
        <Link to="/admin/users">← {t("users.allUsers")}</Link>
      </p>
      <PageTitle>{user.name}</PageTitle>
      {justCreated ? <SuccessNotice>{t("users.created", { name: user.name })}</SuccessNotice> : null}
      <p className="muted">
        {user.email} · {t("users.createdAt", { date: createdOn })} ·{" "}
        {t("users.twoFactor", { state: user.twoFactorEnabled ? t("users.on") : t("users.off") })}
      </p>
      <div className="stack">
        <section className="card" aria-label={t("users.saveChanges")}>
          {/* Keyed by id so that opening another user starts from that user's values. */}
          <EditUserForm key={user.id} user={user} />
        </section>
        <section className="card" aria-labelledby="reset-heading">
          <h2 id="reset-heading">{t("users.resetPassword")}</h2>
          <ResetPasswordForm user={user} />
        </section>
      </div>
    </>
  );
}
