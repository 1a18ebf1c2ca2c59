import { useTranslation } from "react-i18next";
import { Navigate, NavLink, Outlet } from "react-router";
import { visibleAdminSections } from "../../app/navigation.ts";
import { usePermissions } from "../../app/session.ts";

export function AdminLayout() {
  const { t } = useTranslation();
  const sections = visibleAdminSections(usePermissions());
  return (
    <div className="admin">
      <nav aria-label={t("admin.sections")} className="tabs">
        <ul>
          {sections.map((section) => (
            <li key={section}>
              <NavLink to={`/admin/${section}`}>{t(`admin.${section}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

/** /admin itself has nothing of its own: open the first section this user may use. */
export function AdminIndex() {
  const [first] = visibleAdminSections(usePermissions());
  return <Navigate to={first ? `/admin/${first}` : "/"} replace />;
}
