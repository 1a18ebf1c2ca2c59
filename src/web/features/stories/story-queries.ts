// Server state for the impact-story pages. Stories share one key family, so any change refreshes them all.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { StoryStatus, StorySummary, StoryView } from "../../../common/contracts/stories-views.ts";
import { useApi } from "../../app/api-context.tsx";

export const storyKeys = {
  all: ["stories"] as const,
  list: (projectId: string, status: string, placeId: string) =>
    ["stories", "list", projectId, status, placeId] as const,
  story: (id: string) => ["stories", "story", id] as const,
};

export function useProjectStories(projectId: string, status: StoryStatus | "", placeId: string) {
  const api = useApi();
  return useQuery({
    queryKey: storyKeys.list(projectId, status, placeId),
    queryFn: () =>
      api.get<{ stories: StorySummary[] }>("/api/stories", {
        projectId,
        status: status || undefined,
        placeId: placeId || undefined,
        limit: 200,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useStory(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: storyKeys.story(id),
    queryFn: () => api.get<{ story: StoryView }>(`/api/stories/${encodeURIComponent(id)}`),
  });
}
