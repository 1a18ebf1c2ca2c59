import type { ReactNode } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { AccountPage } from "../features/account/account-page.tsx";
import { AdminIndex, AdminLayout } from "../features/admin/admin-layout.tsx";
import { alertRoutes } from "../features/alerts/routes.tsx";
import { AuditPage } from "../features/audit/audit-page.tsx";
import { LoginPage } from "../features/auth/login-page.tsx";
import { TwoFactorPage } from "../features/auth/two-factor-page.tsx";
import { caseRoutes } from "../features/cases/routes.tsx";
import { FailedMessagesPage } from "../features/channels/failed-messages-page.tsx";
import { UndeliveredPage } from "../features/channels/undelivered-page.tsx";
import { HomePage } from "../features/home/home-page.tsx";
import { OrganisationsPage } from "../features/organisations/organisations-page.tsx";
import { PlacesPage } from "../features/places/places-page.tsx";
import { programmeRoutes } from "../features/programmes/routes.tsx";
import { referralRoutes } from "../features/referrals/routes.tsx";
import { reportRoutes } from "../features/reports/routes.tsx";
import { RespondersPage } from "../features/responders/responders-page.tsx";
import { RoutingRulesPage } from "../features/responders/routing-rules-page.tsx";
import { storyRoutes } from "../features/stories/routes.tsx";
import { UserCreatePage } from "../features/users/user-create-page.tsx";
import { UserDetailPage } from "../features/users/user-detail-page.tsx";
import { UsersPage } from "../features/users/users-page.tsx";
import { ComingSoon } from "../ui/coming-soon.tsx";
import { Gated } from "./gated.tsx";
import { ADMIN_SECTION_GATES, type AdminSectionKey, AREA_GATES, AREA_KEYS } from "./navigation.ts";
import { CrashPanel, NotFound } from "./not-found.tsx";
import { SignedInLayout } from "./shell.tsx";

const NOT_BUILT_YET = AREA_KEYS.filter(
  (area) =>
    area !== "admin" &&
    area !== "programmes" &&
    area !== "referrals" &&
    area !== "reports" &&
    area !== "cases" &&
    area !== "alerts",
);

function adminRoute(path: string, section: AdminSectionKey, element: ReactNode): RouteObject {
  return { path, element: <Gated gate={ADMIN_SECTION_GATES[section]}>{element}</Gated> };
}

export const routes: RouteObject[] = [
  { path: "/login", element: <LoginPage />, errorElement: <CrashPanel /> },
  { path: "/login/two-factor", element: <TwoFactorPage />, errorElement: <CrashPanel /> },
  {
    path: "/",
    element: <SignedInLayout />,
    errorElement: <CrashPanel />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "account", element: <AccountPage /> },
      ...alertRoutes,
      ...caseRoutes,
      ...programmeRoutes,
      ...referralRoutes,
      ...storyRoutes,
      ...reportRoutes,
      ...NOT_BUILT_YET.map((area) => ({
        path: area,
        element: (
          <Gated gate={AREA_GATES[area]}>
            <ComingSoon area={area} />
          </Gated>
        ),
      })),
      {
        path: "admin",
        element: (
          <Gated gate={AREA_GATES.admin}>
            <AdminLayout />
          </Gated>
        ),
        children: [
          { index: true, element: <AdminIndex /> },
          adminRoute("users", "users", <UsersPage />),
          adminRoute("users/new", "users", <UserCreatePage />),
          adminRoute("users/:userId", "users", <UserDetailPage />),
          adminRoute("organisations", "organisations", <OrganisationsPage />),
          adminRoute("places", "places", <PlacesPage />),
          adminRoute("responders", "responders", <RespondersPage />),
          adminRoute("routing", "routing", <RoutingRulesPage />),
          adminRoute("incoming", "incoming", <FailedMessagesPage />),
          adminRoute("outgoing", "outgoing", <UndeliveredPage />),
          adminRoute("audit", "audit", <AuditPage />),
        ],
      },
      { path: "*", element: <NotFound /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
