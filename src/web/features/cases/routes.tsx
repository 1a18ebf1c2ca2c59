// The case pages under /cases, for programme staff, responders and oversight.
import type { RouteObject } from "react-router";
import { Gated } from "../../app/gated.tsx";
import { AREA_GATES } from "../../app/navigation.ts";
import { CasePage } from "./case-page.tsx";
import { CasesPage } from "./cases-page.tsx";

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
    path: "cases/:caseId",
    element: (
      <Gated gate={AREA_GATES.cases}>
        <CasePage />
      </Gated>
    ),
  },
];
