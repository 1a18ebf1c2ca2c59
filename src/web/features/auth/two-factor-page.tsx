import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { ApiError } from "../../api/client.ts";
import type { SignedIn } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { AUTH_ATTEMPT } from "../../app/query-client.ts";
import { useSessionActions } from "../../app/session.ts";
import { errorText } from "../../ui/error-text.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorAlert } from "../../ui/notices.tsx";
import { AuthScreen } from "./auth-screen.tsx";
import { redirectTarget } from "./redirect-target.ts";

function cameFromPasswordStep(state: unknown): boolean {
  return typeof state === "object" && state !== null && (state as { twoFactor?: unknown }).twoFactor === true;
}

export function TwoFactorPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { start } = useSessionActions();
  const navigate = useNavigate();
  const location = useLocation();
  const [code, setCode] = useState("");

  const verify = useMutation({
    meta: { [AUTH_ATTEMPT]: true },
    mutationFn: () => api.post<SignedIn>("/api/auth/two-factor", { code: code.replace(/\s/g, "") }),
    onSuccess: (session) => {
      start(session);
      navigate(redirectTarget(location.state), { replace: true });
    },
  });

  // A reload loses the half-finished sign-in; the password step must come first again.
  if (!cameFromPasswordStep(location.state)) return <Navigate to="/login" replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  const wrongCode = verify.error instanceof ApiError && verify.error.status === 401;

  return (
    <AuthScreen title={t("auth.twoFactorTitle")}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t("auth.code")}
          hint={t("auth.twoFactorIntro")}
          value={code}
          onChange={setCode}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={10}
          required
          error={wrongCode ? t("auth.wrongCode") : undefined}
        />
        {verify.error && !wrongCode ? <ErrorAlert>{errorText(t, verify.error)}</ErrorAlert> : null}
        <button type="submit" disabled={verify.isPending}>
          {t("auth.verify")}
        </button>
      </form>
      <p>
        <Link to="/login">{t("auth.startOver")}</Link>
      </p>
    </AuthScreen>
  );
}
