// Talking to /api/cases and /api/notifications. Lists refresh by themselves: a responder's phone
// left open on the list must show a new emergency without anyone pressing reload.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CaseAction,
  CaseDetailView,
  CaseFeedbackView,
  CaseSummaryView,
  NotificationView,
  ResponseMetrics,
} from "../../../common/contracts/cases.ts";
import { useApi } from "../../app/api-context.tsx";

export const CASES_REFRESH_MS = 15_000;
export type CaseListView = "mine" | "active" | "finished";

export const caseKeys = {
  all: ["cases"] as const,
  list: (view: CaseListView) => ["cases", "list", view] as const,
  detail: (id: string) => ["cases", "detail", id] as const,
  notifications: ["cases", "notifications"] as const,
  metrics: (filters: MetricsFilters) => ["cases", "metrics", filters] as const,
};

export interface MetricsFilters {
  /** Days back from now; 0 for all time. */
  days: number;
  category: string;
}

export function useResponseMetrics(filters: MetricsFilters) {
  const api = useApi();
  return useQuery({
    queryKey: caseKeys.metrics(filters),
    queryFn: () =>
      api.get<{ metrics: ResponseMetrics }>("/api/cases/metrics", {
        from: filters.days > 0 ? new Date(Date.now() - filters.days * 86_400_000).toISOString() : undefined,
        category: filters.category || undefined,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCaseList(view: CaseListView) {
  const api = useApi();
  return useQuery({
    queryKey: caseKeys.list(view),
    queryFn: () =>
      api.get<{ cases: CaseSummaryView[] }>("/api/cases", {
        state: view === "finished" ? "finished" : "active",
        assignedToMe: view === "mine" ? "true" : undefined,
      }),
    refetchInterval: CASES_REFRESH_MS,
  });
}

export function useCase(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: () => api.get<{ case: CaseDetailView }>(`/api/cases/${encodeURIComponent(id)}`),
  });
}

export function useNotifications() {
  const api = useApi();
  return useQuery({
    queryKey: caseKeys.notifications,
    queryFn: () => api.get<{ notifications: NotificationView[] }>("/api/notifications", { unread: "true" }),
    refetchInterval: CASES_REFRESH_MS,
  });
}

export function useMarkNotificationsRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.post<{ read: number }>("/api/notifications/read", { ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.notifications }),
  });
}

/** Every change answers with the case as it now stands; the cache takes it as is. */
function useCaseChange<Input>(id: string, request: (input: Input) => Promise<{ case: CaseDetailView }>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (data) => {
      queryClient.setQueryData(caseKeys.detail(id), data);
      void queryClient.invalidateQueries({ queryKey: ["cases", "list"] });
    },
  });
}

export function useTransition(id: string) {
  const api = useApi();
  return useCaseChange(id, (input: { action: CaseAction; notes?: string; reason?: string }) =>
    api.post<{ case: CaseDetailView }>(`/api/cases/${encodeURIComponent(id)}/transitions`, input),
  );
}

export function useRecordAction(id: string) {
  const api = useApi();
  return useCaseChange(id, (notes: string) =>
    api.post<{ case: CaseDetailView }>(`/api/cases/${encodeURIComponent(id)}/actions`, { notes }),
  );
}

export function useDecideFeedback(caseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { feedbackId: string; send: boolean; body?: string }) =>
      api.post<{ feedback: CaseFeedbackView }>(
        `/api/cases/${encodeURIComponent(caseId)}/feedback/${encodeURIComponent(input.feedbackId)}/${input.send ? "approve" : "discard"}`,
        input.send && input.body ? { body: input.body } : {},
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}
