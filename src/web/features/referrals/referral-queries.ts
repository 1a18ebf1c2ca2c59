// Talking to /api/referrals. Confidential data lives under one key family, dropped on sign-out with
// everything else (app/session.ts), and refreshed after every change.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateReferralInput,
  ReferralCounts,
  ReferralFollowUpInput,
  ReferralStatusInput,
  ReferralSummary,
  ReferralView,
  StaffRef,
} from "../../../common/contracts/referrals.ts";
import { useApi } from "../../app/api-context.tsx";

export const referralKeys = {
  all: ["referrals"] as const,
  list: () => ["referrals", "list"] as const,
  detail: (id: string) => ["referrals", "detail", id] as const,
  counsellors: (projectId: string) => ["referrals", "counsellors", projectId] as const,
  counts: (projectId: string) => ["referrals", "counts", projectId] as const,
};

export function useMyReferrals() {
  const api = useApi();
  return useQuery({
    queryKey: referralKeys.list(),
    queryFn: () => api.get<{ referrals: ReferralSummary[] }>("/api/referrals"),
  });
}

export function useReferral(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: referralKeys.detail(id),
    queryFn: () => api.get<{ referral: ReferralView }>(`/api/referrals/${encodeURIComponent(id)}`),
  });
}

export function useCounsellors(projectId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: referralKeys.counsellors(projectId),
    queryFn: () => api.get<{ counsellors: StaffRef[] }>("/api/referrals/counsellors", { projectId }),
    enabled: enabled && projectId !== "",
  });
}

export function useReferralCounts(projectId: string) {
  const api = useApi();
  return useQuery({
    queryKey: referralKeys.counts(projectId),
    queryFn: () =>
      api.get<{ counts: ReferralCounts }>(`/api/projects/${encodeURIComponent(projectId)}/referral-counts`),
  });
}

function useReferralChange<I>(path: (id: string) => string, id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api.post<{ referral: ReferralView }>(path(id), input),
    onSuccess: (data) => {
      queryClient.setQueryData(referralKeys.detail(id), data);
      void queryClient.invalidateQueries({ queryKey: referralKeys.all });
    },
  });
}

export function useCreateReferral() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReferralInput) => api.post<{ referral: ReferralView }>("/api/referrals", input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referralKeys.all }),
  });
}

export const useChangeStatus = (id: string) =>
  useReferralChange<ReferralStatusInput>((i) => `/api/referrals/${encodeURIComponent(i)}/status`, id);
export const useAddFollowUp = (id: string) =>
  useReferralChange<ReferralFollowUpInput>((i) => `/api/referrals/${encodeURIComponent(i)}/follow-ups`, id);
export const useReassign = (id: string) =>
  useReferralChange<{ counsellorId: string }>(
    (i) => `/api/referrals/${encodeURIComponent(i)}/counsellor`,
    id,
  );
