// The programme pages under /programmes, for people who may read programme data.
import type { RouteObject } from "react-router";
import { Gated } from "../../app/gated.tsx";
import type { Gate } from "../../app/navigation.ts";
import { ActivityEditPage } from "./activity-edit-page.tsx";
import { ActivityEntryPage } from "./activity-entry-page.tsx";
import { ActivityPage } from "./activity-page.tsx";
import { DashboardPage } from "./dashboard-page.tsx";
import { ProgrammesPage } from "./programmes-page.tsx";
import { ProjectCreatePage } from "./project-create-page.tsx";
import { ProjectPage } from "./project-page.tsx";
import { SignInSheetPage } from "./sign-in-sheet-page.tsx";

const READ: Gate = { anyOf: ["programmes.read"] };
const WRITE: Gate = { anyOf: ["programmes.write"] };

export const programmeRoutes: RouteObject[] = [
  {
    path: "programmes",
    element: (
      <Gated gate={READ}>
        <ProgrammesPage />
      </Gated>
    ),
  },
  {
    path: "programmes/:programmeId/dashboard",
    element: (
      <Gated gate={READ}>
        <DashboardPage />
      </Gated>
    ),
  },
  {
    path: "programmes/projects/new",
    element: (
      <Gated gate={WRITE}>
        <ProjectCreatePage />
      </Gated>
    ),
  },
  {
    path: "programmes/projects/:projectId",
    element: (
      <Gated gate={READ}>
        <ProjectPage />
      </Gated>
    ),
  },
  {
    path: "programmes/projects/:projectId/activities/new",
    element: (
      <Gated gate={WRITE}>
        <ActivityEntryPage />
      </Gated>
    ),
  },
  {
    path: "programmes/projects/:projectId/sign-in-sheet",
    element: (
      <Gated gate={WRITE}>
        <SignInSheetPage />
      </Gated>
    ),
  },
  {
    path: "programmes/activities/:activityId/edit",
    element: (
      <Gated gate={WRITE}>
        <ActivityEditPage />
      </Gated>
    ),
  },
  {
    path: "programmes/activities/:activityId",
    element: (
      <Gated gate={READ}>
        <ActivityPage />
      </Gated>
    ),
  },
];
