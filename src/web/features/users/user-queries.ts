import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { User } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";

export interface UserFilters {
  q: string;
  role: string;
  organisationId: string;
}

export const userKeys = {
  all: ["users"] as const,
  list: (filters: UserFilters) => ["users", "list", filters] as const,
  detail: (id: string) => ["users", "detail", id] as const,
};

export function useUsers(filters: UserFilters) {
  const api = useApi();
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: () => api.get<{ users: User[] }>("/api/users", { ...filters, q: filters.q.trim() }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: () => api.get<{ user: User }>(`/api/users/${encodeURIComponent(id)}`),
  });
}
