import { useTranslation } from "react-i18next";
import type { AreaKey } from "../app/navigation.ts";
import { PageTitle } from "./page-title.tsx";

/** The honest placeholder for every area not built yet: what it will hold, nothing pretended. */
export function ComingSoon({ area }: { area: AreaKey }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="page-title" className="coming-soon">
      <PageTitle>{t(`areas.${area}.title`)}</PageTitle>
      <p className="badge">{t("comingSoon.badge")}</p>
      <p>{t("comingSoon.intro")}</p>
      <p className="coming-soon-description">{t(`areas.${area}.upcoming`)}</p>
    </section>
  );
}
