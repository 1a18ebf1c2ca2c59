import { useQuery } from "@tanstack/react-query";
import type { Organisation } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";

export const organisationKeys = { all: ["organisations"] as const };

export function useOrganisations() {
  const api = useApi();
  return useQuery({
    queryKey: organisationKeys.all,
    queryFn: () => api.get<{ organisations: Organisation[] }>("/api/organisations"),
  });
}
