// The case pages under /cases, for programme staff, responders and oversight.
import type { RouteObject } from "react-router";
import { Gated } from "../../app/gated.tsx";
import { AREA_GATES } from "../../app/navigation.ts";
import { CasePage } from "./case-page.tsx";
import { CasesPage } from "./cases-page.tsx";
import { METRICS_GATE, MetricsPage } from "./metrics-page.tsx";

export const caseRoutes: RouteObject[] = [
  {
    path: "cases",
    element: (
      <Gated gate={AREA_GATES.cases}>
        <CasesPage />
      </Gated>
    ),
  },
  {
    path: "cases/metrics",
    element: (
      <Gated gate={METRICS_GATE}>
        <MetricsPage />
      </Gated>
    ),
  },
  {
    path: "cases/:caseId",
    element: (
      <Gated gate={AREA_GATES.cases}>
        <CasePage />
      </Gated>
    ),
  },
];
