import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../ui/page-title.tsx";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-title">
      <PageTitle>{t("errors.notFoundTitle")}</PageTitle>
      <p>{t("errors.notFound")}</p>
      <Link to="/">{t("errors.goHome")}</Link>
    </section>
  );
}

/** Shown if a page crashes while rendering: a way out instead of a blank screen. */
export function CrashPanel() {
  const { t } = useTranslation();
  return (
    <main id="main" className="auth-card">
      <PageTitle>{t("common.productName")}</PageTitle>
      <p role="alert">{t("errors.server")}</p>
      <a href="/">{t("errors.goHome")}</a>
    </main>
  );
}
