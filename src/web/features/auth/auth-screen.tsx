import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../app/language-switch.tsx";
import { PageTitle } from "../../ui/page-title.tsx";

/** The frame of every screen shown before the app opens: sign-in, code, forced password change. */
export function AuthScreen({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-screen">
      <header className="auth-header">
        <p className="brand">{t("common.productName")}</p>
        <LanguageSwitch />
      </header>
      <main id="main" className="auth-card">
        <p className="tagline">{t("common.tagline")}</p>
        <PageTitle>{title}</PageTitle>
        {children}
      </main>
    </div>
  );
}
