// The alerts pages under /alerts, for programme and M&E officers (alerts.manage).
import type { RouteObject } from "react-router";
import { Gated } from "../../app/gated.tsx";
import { AREA_GATES } from "../../app/navigation.ts";
import { AlertDetailPage } from "./alert-detail-page.tsx";
import { AlertsPage } from "./alerts-page.tsx";

export const alertRoutes: RouteObject[] = [
  {
    path: "alerts",
    element: (
      <Gated gate={AREA_GATES.alerts}>
        <AlertsPage />
      </Gated>
    ),
  },
  {
    path: "alerts/:alertId",
    element: (
      <Gated gate={AREA_GATES.alerts}>
        <AlertDetailPage />
      </Gated>
    ),
  },
];
