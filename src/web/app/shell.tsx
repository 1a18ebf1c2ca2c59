import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, NavLink, Outlet, useLocation } from "react-router";
import type { User } from "../api/types.ts";
import { AuthScreen } from "../features/auth/auth-screen.tsx";
import { ForcedPasswordChange } from "../features/auth/forced-password-change.tsx";
import { LoadError, Loading } from "../ui/notices.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { useApplyUserLocale } from "./locale.ts";
import { visibleAreas } from "./navigation.ts";
import { usePermissions, useSession } from "./session.ts";
import { UserMenu } from "./user-menu.tsx";

/** Everything behind sign-in: waits for the session, sends strangers to the sign-in page. */
export function SignedInLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) {
    return (
      <AuthScreen title={t("common.productName")}>
        <LoadError error={session.error} retry={() => void session.refetch()} />
      </AuthScreen>
    );
  }
  if (!session.data) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <SignedInApp user={session.data.user} />;
}

function SignedInApp({ user }: { user: User }) {
  useApplyUserLocale(user.locale);
  if (user.mustChangePassword) return <ForcedPasswordChange />;
  return <Shell user={user} />;
}

function useFocusMainOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect reacts to the path changing
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // Tells screen-reader and keyboard users that a new page has opened.
    mainRef.current?.focus();
  }, [pathname]);
  return mainRef;
}

function Shell({ user }: { user: User }) {
  const { t } = useTranslation();
  const areas = visibleAreas(usePermissions());
  const mainRef = useFocusMainOnNavigation();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t("common.skipToContent")}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t("common.productName")}
        </Link>
        <div className="app-header-tools">
          <LanguageSwitch />
          <UserMenu user={user} />
        </div>
      </header>
      <nav aria-label={t("shell.mainNav")} className="app-nav">
        <ul>
          <li>
            <NavLink to="/" end>
              {t("shell.home")}
            </NavLink>
          </li>
          {areas.map((area) => (
            <li key={area}>
              <NavLink to={`/${area}`}>{t(`areas.${area}.title`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
