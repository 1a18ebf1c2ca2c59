// The impact-story pages, under /programmes like the projects they belong to.
import type { RouteObject } from "react-router";
import { Gated } from "../../app/gated.tsx";
import type { Gate } from "../../app/navigation.ts";
import { ProjectStoriesPage } from "./project-stories-page.tsx";
import { StoryCreatePage, StoryPage } from "./story-page.tsx";

const READ: Gate = { anyOf: ["programmes.read"] };
const WRITE: Gate = { anyOf: ["programmes.write"] };

export const storyRoutes: RouteObject[] = [
  {
    path: "programmes/projects/:projectId/stories",
    element: (
      <Gated gate={READ}>
        <ProjectStoriesPage />
      </Gated>
    ),
  },
  {
    path: "programmes/projects/:projectId/stories/new",
    element: (
      <Gated gate={WRITE}>
        <StoryCreatePage />
      </Gated>
    ),
  },
  {
    path: "programmes/stories/:storyId",
    element: (
      <Gated gate={READ}>
        <StoryPage />
      </Gated>
    ),
  },
];
