import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Place, PlaceKind } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";

export const MIN_SEARCH_LENGTH = 2;

export const placeKeys = {
  all: ["places"] as const,
  search: (q: string, limit: number) => ["places", "search", q, limit] as const,
  ofKind: (kind: PlaceKind) => ["places", "kind", kind] as const,
  detail: (id: string) => ["places", "detail", id] as const,
};

export function usePlaceSearch(q: string, limit = 10) {
  const api = useApi();
  const term = q.trim();
  return useQuery({
    queryKey: placeKeys.search(term, limit),
    queryFn: () => api.get<{ places: Place[] }>("/api/places", { q: term, limit }),
    enabled: term.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
  });
}

export function usePlacesOfKind(kind: PlaceKind) {
  const api = useApi();
  return useQuery({
    queryKey: placeKeys.ofKind(kind),
    queryFn: () => api.get<{ places: Place[] }>("/api/places", { kind, limit: 100 }),
  });
}

export function usePlace(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: placeKeys.detail(id ?? ""),
    queryFn: () =>
      api.get<{ place: Place; children: Place[] }>(`/api/places/${encodeURIComponent(id ?? "")}`),
    enabled: id !== undefined,
  });
}
