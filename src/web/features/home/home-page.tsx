import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { visibleAreas } from "../../app/navigation.ts";
import { useCurrentUser, usePermissions } from "../../app/session.ts";
import { PageTitle } from "../../ui/page-title.tsx";

function Section({ title, items, empty }: { title: string; items: string[]; empty: string }) {
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain-list">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const areas = visibleAreas(usePermissions());

  return (
    <>
      <PageTitle>{t("home.title", { name: user.name })}</PageTitle>
      <p className="lead">{t("home.signedInAs", { email: user.email })}</p>
      {user.twoFactorEnabled ? null : (
        <div className="notice notice-warning">
          <p>{t("home.twoFactorOff")}</p>
          <Link to="/account">{t("home.openAccount")}</Link>
        </div>
      )}
      <div className="card-grid">
        <Section
          title={t("home.yourRoles")}
          items={user.roles.map((r) => t(`roles.${r}`))}
          empty={t("home.noRoles")}
        />
        <Section
          title={t("home.yourOrganisations")}
          items={user.organisations.map((o) => o.name)}
          empty={t("home.noOrganisations")}
        />
        <Section
          title={t("home.yourAreas")}
          items={user.places.map((p) => `${p.name} (${t(`placeKinds.${p.kind}`)})`)}
          empty={t("home.noAreas")}
        />
      </div>
      <section aria-labelledby="where-to-go">
        <h2 id="where-to-go">{t("home.whereToGo")}</h2>
        <ul className="link-grid">
          {areas.map((area) => (
            <li key={area}>
              <Link to={`/${area}`} className="link-card">
                <strong>{t(`areas.${area}.title`)}</strong>
                <span>{t(`areas.${area}.upcoming`)}</span>
              </Link>
            </li>
          ))}
          <li>
            <Link to="/account" className="link-card">
              <strong>{t("shell.account")}</strong>
              <span>{t("account.title")}</span>
            </Link>
          </li>
        </ul>
      </section>
    </>
  );
}
