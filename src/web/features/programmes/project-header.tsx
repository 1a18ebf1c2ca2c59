// The top of every project page (overview, stories): the way back to the programmes, the project's
// name as the page title, and the page's own buttons beside it.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../ui/page-title.tsx";

export function ProjectHeader({
  project,
  actions,
}: {
  project: { name: string; programmeName: string };
  /** Buttons for the page (none for a reader who may not write). */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <nav aria-label={t("programmes.breadcrumbs")} className="breadcrumbs">
        <Link to="/programmes">{t("areas.programmes.title")}</Link> › {project.programmeName}
      </nav>
      <div className="page-heading">
        <PageTitle>{project.name}</PageTitle>
        {actions ? <div className="heading-actions">{actions}</div> : null}
      </div>
    </>
  );
}
