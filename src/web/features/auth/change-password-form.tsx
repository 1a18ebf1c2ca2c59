import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../api/client.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { useTextFields } from "../../ui/use-text-fields.ts";
import { PASSWORD_MIN_LENGTH } from "./password-rules.ts";

const SHOWN_FIELDS = ["currentPassword", "newPassword"];

export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { values, field, reset } = useTextFields({ currentPassword: "", newPassword: "", confirmation: "" });
  const [mismatch, setMismatch] = useState(false);

  const change = useMutation({
    mutationFn: () =>
      api.post<void>("/api/auth/password", {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
    onSuccess: () => {
      reset();
      onChanged?.();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differ = values.newPassword !== values.confirmation;
    setMismatch(differ);
    if (!differ) change.mutate();
  };
  const fields = fieldErrorsOf(change.error);
  const password = { type: "password", required: true } as const;

  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t("auth.currentPassword")}
        {...password}
        {...field("currentPassword")}
        autoComplete="current-password"
        error={fields.currentPassword}
      />
      <TextField
        label={t("auth.newPassword")}
        hint={t("auth.passwordHint", { min: PASSWORD_MIN_LENGTH })}
        {...password}
        {...field("newPassword")}
        autoComplete="new-password"
        error={fields.newPassword}
      />
      <TextField
        label={t("auth.confirmPassword")}
        {...password}
        {...field("confirmation")}
        autoComplete="new-password"
        error={mismatch ? t("auth.passwordsDiffer") : undefined}
      />
      {change.error ? <ErrorAlert>{formAlertText(t, change.error, SHOWN_FIELDS)}</ErrorAlert> : null}
      {change.isSuccess ? <SuccessNotice>{t("auth.passwordChanged")}</SuccessNotice> : null}
      <button type="submit" disabled={change.isPending}>
        {t("auth.changePassword")}
      </button>
    </form>
  );
}
