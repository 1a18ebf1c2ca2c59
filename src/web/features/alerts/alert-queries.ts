import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AlertDetail,
  AlertListResponse,
  AlertNotificationView,
  AlertView,
} from "../../../common/contracts/alerts.ts";
import { useApi } from "../../app/api-context.tsx";

export interface AlertFilters {
  status: string;
  category: string;
  level: string;
}

export const alertKeys = {
  all: ["alerts"] as const,
  list: (filters: AlertFilters) => ["alerts", "list", filters] as const,
  detail: (id: string) => ["alerts", "detail", id] as const,
  notifications: ["alerts", "notifications"] as const,
};

export function useAlerts(filters: AlertFilters) {
  const api = useApi();
  return useQuery({
    queryKey: alertKeys.list(filters),
    queryFn: () => api.get<AlertListResponse>("/api/alerts", { ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useAlert(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: alertKeys.detail(id),
    queryFn: () => api.get<AlertDetail>(`/api/alerts/${encodeURIComponent(id)}`),
  });
}

export function useAlertNotifications() {
  const api = useApi();
  return useQuery({
    queryKey: alertKeys.notifications,
    queryFn: () => api.get<{ notifications: AlertNotificationView[] }>("/api/alerts/notifications"),
  });
}

export function useMarkAlertNotificationsRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>("/api/alerts/notifications/read", {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: alertKeys.notifications }),
  });
}

export type AlertMove =
  | { action: "acknowledge" }
  | { action: "action"; note: string }
  | { action: "dismiss"; reason: string };

export function useMoveAlert(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (move: AlertMove) => {
      const { action, ...body } = move;
      return api.post<{ alert: AlertView }>(`/api/alerts/${encodeURIComponent(id)}/${action}`, body);
    },
    onSuccess: ({ alert }) => {
      queryClient.setQueryData<AlertDetail>(alertKeys.detail(id), (old) => (old ? { ...old, alert } : old));
      void queryClient.invalidateQueries({ queryKey: alertKeys.all });
    },
  });
}
