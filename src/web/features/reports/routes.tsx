// The report pages under /reports, for staff who may read reports.
import type { RouteObject } from "react-router";
import { Gated } from "../../app/gated.tsx";
import { AREA_GATES } from "../../app/navigation.ts";
import { InboxPage } from "./inbox-page.tsx";
import { ReportDetailPage } from "./report-detail-page.tsx";

export const reportRoutes: RouteObject[] = [
  {
    path: "reports",
    element: (
      <Gated gate={AREA_GATES.reports}>
        <InboxPage />
      </Gated>
    ),
  },
  {
    path: "reports/:reportId",
    element: (
      <Gated gate={AREA_GATES.reports}>
        <ReportDetailPage />
      </Gated>
    ),
  },
];
