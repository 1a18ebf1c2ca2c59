// Server state for the programme pages: one key family, so that recording anything refreshes every figure.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  ActivitySummary,
  ActivityView,
  IndicatorProgress,
  ParticipantView,
  ProgrammeView,
  ProjectView,
  ReachView,
} from "../../../common/contracts/programmes-views.ts";
import { useApi } from "../../app/api-context.tsx";

export const programmeKeys = {
  all: ["programmes"] as const,
  list: () => ["programmes", "list"] as const,
  project: (id: string) => ["programmes", "project", id] as const,
  progress: (id: string) => ["programmes", "progress", id] as const,
  reach: (id: string, by: string) => ["programmes", "reach", id, by] as const,
  activities: (projectId: string) => ["programmes", "activities", projectId] as const,
  activity: (id: string) => ["programmes", "activity", id] as const,
  participants: (organisationId: string, q: string, placeId: string) =>
    ["programmes", "participants", organisationId, q, placeId] as const,
};

export function useProgrammes() {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.list(),
    queryFn: () => api.get<{ programmes: ProgrammeView[] }>("/api/programmes"),
  });
}

export function useProject(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.project(id),
    queryFn: () => api.get<{ project: ProjectView }>(`/api/projects/${encodeURIComponent(id)}`),
  });
}

export function useProgress(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.progress(id),
    queryFn: () =>
      api.get<{ indicators: IndicatorProgress[] }>(`/api/projects/${encodeURIComponent(id)}/progress`),
  });
}

export function useReach(id: string, by: string) {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.reach(id, by),
    queryFn: () => api.get<{ reach: ReachView }>(`/api/projects/${encodeURIComponent(id)}/reach`, { by }),
    placeholderData: keepPreviousData,
  });
}

export function useProjectActivities(projectId: string) {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.activities(projectId),
    queryFn: () => api.get<{ activities: ActivitySummary[] }>("/api/activities", { projectId, limit: 100 }),
  });
}

export function useActivity(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.activity(id),
    queryFn: () => api.get<{ activity: ActivityView }>(`/api/activities/${encodeURIComponent(id)}`),
  });
}

/** An organisation's people matching a typed name or code, or (with no text) the register of a place. */
export function useParticipants(organisationId: string, q: string, placeId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.participants(organisationId, q, placeId),
    queryFn: () =>
      api.get<{ participants: ParticipantView[] }>("/api/participants", {
        organisationId,
        q,
        placeId: q ? undefined : placeId,
        limit: 50,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
