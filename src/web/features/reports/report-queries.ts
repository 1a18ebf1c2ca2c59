// Talking to /api/reports: the live inbox list, one report, and the decisions staff take.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { NotForwardReason } from "../../../common/contracts/report-workflow.ts";
import type {
  BulkResult,
  ReportDetail,
  ReportList,
  RevealedIdentity,
} from "../../../common/contracts/reports.ts";
import { useApi } from "../../app/api-context.tsx";

/** New reports must show up without anyone pressing reload: an emergency cannot wait for a click. */
export const INBOX_REFRESH_MS = 5_000;

export interface InboxFilters {
  status: string;
  urgency: string;
  category: string;
  channel: string;
  placeId: string;
  from: string;
  to: string;
  page: number;
}

export const OPEN_STATUS_FILTER = "new,triaged";

export const EMPTY_FILTERS: InboxFilters = {
  status: OPEN_STATUS_FILTER,
  urgency: "",
  category: "",
  channel: "",
  placeId: "",
  from: "",
  to: "",
  page: 1,
};

export const reportKeys = {
  all: ["reports"] as const,
  list: (filters: InboxFilters) => ["reports", "list", filters] as const,
  detail: (id: string) => ["reports", "detail", id] as const,
};

export const PAGE_SIZE = 50;

export function useReportList(filters: InboxFilters) {
  const api = useApi();
  return useQuery({
    queryKey: reportKeys.list(filters),
    queryFn: () => api.get<ReportList>("/api/reports", { ...filters, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: INBOX_REFRESH_MS,
  });
}

export function useReport(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: () => api.get<{ report: ReportDetail }>(`/api/reports/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.data?.report.status === "new" ? 2_000 : false),
  });
}

export type ReportAction = "verify" | "correct" | "reject" | "duplicate" | "reopen";

/** One decision on one report; afterwards every list and this report are fetched again. */
export function useReportAction() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { id: string; action: ReportAction; body: Record<string, unknown> }) =>
      api.post<{ report: ReportDetail }>(
        `/api/reports/${encodeURIComponent(vars.id)}/${vars.action}`,
        vars.body,
      ),
    onSuccess: ({ report }) => {
      queryClient.setQueryData(reportKeys.detail(report.id), { report });
      void queryClient.invalidateQueries({ queryKey: ["reports", "list"] });
    },
  });
}

export function useBulkAction() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      ids: string[];
      action: "verify" | "reject";
      reason?: string;
      residentReason?: NotForwardReason;
    }) => api.post<BulkResult>("/api/reports/bulk", body),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useRedactPassage(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { passage: string; additionId?: string }) =>
      api.post<{ report: ReportDetail }>(`/api/reports/${encodeURIComponent(id)}/redactions`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useRevealIdentity(id: string) {
  const api = useApi();
  return useMutation({
    mutationFn: ({ reason, safetyOverride }: { reason: string; safetyOverride: boolean }) =>
      api.post<{ identity: RevealedIdentity & { consentToContact: boolean } }>(
        `/api/reports/${encodeURIComponent(id)}/identity`,
        safetyOverride ? { reason, safetyOverride } : { reason },
      ),
  });
}
