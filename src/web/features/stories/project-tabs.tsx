// The sections of a project page: its overview (logframe, indicators, reach, activities) and its stories.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function ProjectTabs({ projectId, current }: { projectId: string; current: "overview" | "stories" }) {
  const { t } = useTranslation();
  const tabs = [
    { key: "overview", to: `/programmes/projects/${projectId}`, label: t("stories.overview") },
    { key: "stories", to: `/programmes/projects/${projectId}/stories`, label: t("stories.tab") },
  ] as const;
  return (
    <nav aria-label={t("stories.projectSections")} className="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link to={tab.to} aria-current={tab.key === current ? "page" : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
