import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { SESSION_KEY } from "../../app/session.ts";
import { AuthScreen } from "./auth-screen.tsx";
import { ChangePasswordForm } from "./change-password-form.tsx";
import { useSignOut } from "./use-sign-out.ts";

/** Shown instead of the app while an administrator-set password is still in use. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  return (
    <AuthScreen title={t("auth.mustChangeTitle")}>
      <p>{t("auth.mustChangeIntro")}</p>
      <ChangePasswordForm onChanged={() => queryClient.invalidateQueries({ queryKey: SESSION_KEY })} />
      <p>
        <button type="button" className="button-link" onClick={signOut}>
          {t("auth.signOut")}
        </button>
      </p>
    </AuthScreen>
  );
}
