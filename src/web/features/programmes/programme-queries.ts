// Server state for the programme pages: one key family, so that recording anything refreshes every figure.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  ActivitySummary,
  ActivityView,
  IndicatorEntryView,
  IndicatorProgress,
  ParticipantView,
  ProgrammeDashboardView,
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
  entries: (indicatorId: string) => ["programmes", "entries", indicatorId] as const,
  dashboard: (id: string, filters: DashboardFilters) =>
    ["programmes", "dashboard", id, filters.from, filters.to, filters.place] as const,
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

/** A dashboard's filters as the page holds them: empty means "no limit". */
export interface DashboardFilters {
  from: string;
  to: string;
  place: string;
}

/** `enabled` false holds the request back while a filter from the address is still being checked. */
export function useProgrammeDashboard(id: string, filters: DashboardFilters, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.dashboard(id, filters),
    queryFn: () =>
      api.get<{ dashboard: ProgrammeDashboardView }>(`/api/programmes/${encodeURIComponent(id)}/dashboard`, {
        from: filters.from || undefined,
        to: filters.to || undefined,
        place: filters.place || undefined,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The figures entered for a manual or survey-based indicator, newest first, with their evidence files. */
export function useIndicatorEntries(indicatorId: string) {
  const api = useApi();
  return useQuery({
    queryKey: programmeKeys.entries(indicatorId),
    queryFn: () =>
      api.get<{ entries: IndicatorEntryView[] }>(
        `/api/indicators/${encodeURIComponent(indicatorId)}/entries`,
      ),
  });
}
