import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiError, fieldErrorsOf } from "../../api/client.ts";
import type { LoginResult } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { AUTH_ATTEMPT } from "../../app/query-client.ts";
import { useSession, useSessionActions } from "../../app/session.ts";
import { errorText } from "../../ui/error-text.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorAlert } from "../../ui/notices.tsx";
import { useTextFields } from "../../ui/use-text-fields.ts";
import { AuthScreen } from "./auth-screen.tsx";
import { redirectTarget } from "./redirect-target.ts";

function useLogin(target: string) {
  const api = useApi();
  const { start } = useSessionActions();
  const navigate = useNavigate();
  return useMutation({
    meta: { [AUTH_ATTEMPT]: true },
    mutationFn: (credentials: { email: string; password: string }) =>
      api.post<LoginResult>("/api/auth/login", credentials),
    onSuccess: (result) => {
      if ("twoFactorRequired" in result) {
        api.setCsrfToken(result.csrfToken);
        navigate("/login/two-factor", { state: { from: target, twoFactor: true } });
        return;
      }
      start(result);
      navigate(target, { replace: true });
    },
  });
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const target = redirectTarget(useLocation().state);
  const { values, field } = useTextFields({ email: "", password: "" });
  const login = useLogin(target);

  if (session.data && !login.isPending) return <Navigate to={target} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(values);
  };
  const fields = fieldErrorsOf(login.error);
  const wrongCredentials = login.error instanceof ApiError && login.error.status === 401;

  return (
    <AuthScreen title={t("auth.signInTitle")}>
      <p>{t("auth.signInIntro")}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t("auth.email")}
          type="email"
          {...field("email")}
          autoComplete="username"
          required
          error={fields.email}
        />
        <TextField
          label={t("auth.password")}
          type="password"
          {...field("password")}
          autoComplete="current-password"
          required
          error={fields.password}
        />
        {login.error ? (
          <ErrorAlert>{wrongCredentials ? t("auth.wrongCredentials") : errorText(t, login.error)}</ErrorAlert>
        ) : null}
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? t("auth.signingIn") : t("auth.signIn")}
        </button>
      </form>
      {/* A full page load: /report is served by the server as plain HTML, for phones without JavaScript. */}
      <p>
        <a href={`/report?lang=${i18n.language}`}>{t("auth.reportSafely")}</a>
      </p>
    </AuthScreen>
  );
}
