import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../api/client.ts";
import type { TwoFactorSetup, User } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { useCurrentUser, useSessionActions } from "../../app/session.ts";
import { errorText, formAlertText } from "../../ui/error-text.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";

export function TwoFactorSettings() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [justChanged, setJustChanged] = useState(false);
  return (
    <section className="card" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t("account.twoFactor")}</h2>
      <p>{user.twoFactorEnabled ? t("account.twoFactorOn") : t("account.twoFactorOff")}</p>
      {justChanged ? (
        <SuccessNotice>{user.twoFactorEnabled ? t("account.enabled") : t("account.disabled")}</SuccessNotice>
      ) : null}
      {user.twoFactorEnabled ? (
        <DisableTwoFactor onDone={() => setJustChanged(true)} />
      ) : (
        <EnableTwoFactor onDone={() => setJustChanged(true)} />
      )}
    </section>
  );
}

function EnableTwoFactor({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { replaceUser } = useSessionActions();
  const [code, setCode] = useState("");
  const setup = useMutation({ mutationFn: () => api.post<TwoFactorSetup>("/api/auth/two-factor/setup") });
  const enable = useMutation({
    mutationFn: () =>
      api.post<{ user: User }>("/api/auth/two-factor/enable", { code: code.replace(/\s/g, "") }),
    onSuccess: ({ user }) => {
      replaceUser(user);
      onDone();
    },
  });

  if (!setup.data) {
    return (
      <>
        {setup.error ? <ErrorAlert>{errorText(t, setup.error)}</ErrorAlert> : null}
        <button type="button" onClick={() => setup.mutate()} disabled={setup.isPending}>
          {t("account.startSetup")}
        </button>
      </>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>{t("account.setupSteps")}</p>
      <dl className="secret-list">
        <dt>{t("account.otpauthUrl")}</dt>
        <dd>
          <code className="wrap">{setup.data.otpauthUrl}</code>
        </dd>
        <dt>{t("account.secret")}</dt>
        <dd>
          <code className="wrap">{setup.data.secret}</code>
        </dd>
      </dl>
      <TextField
        label={t("auth.code")}
        value={code}
        onChange={setCode}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={10}
        error={fieldErrorsOf(enable.error).code}
      />
      {enable.error ? <ErrorAlert>{formAlertText(t, enable.error, ["code"])}</ErrorAlert> : null}
      <button type="submit" disabled={enable.isPending}>
        {t("account.enable")}
      </button>
    </form>
  );
}

function DisableTwoFactor({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { replaceUser } = useSessionActions();
  const [password, setPassword] = useState("");
  const disable = useMutation({
    mutationFn: () => api.post<{ user: User }>("/api/auth/two-factor/disable", { password }),
    onSuccess: ({ user }) => {
      setPassword("");
      replaceUser(user);
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t("auth.password")}
        hint={t("account.disableIntro")}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
        error={fieldErrorsOf(disable.error).password}
      />
      {disable.error ? <ErrorAlert>{formAlertText(t, disable.error, ["password"])}</ErrorAlert> : null}
      <button type="submit" className="button-danger" disabled={disable.isPending}>
        {t("account.disable")}
      </button>
    </form>
  );
}
