// Talking to /api/responder-units and /api/routing-rules (the directory and the routing rules).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ResponderUnitKind,
  ResponderUnitView,
  RoutingExplanation,
  RoutingRuleView,
} from "../../../common/contracts/cases.ts";
import type { CategoryCode, Urgency } from "../../../common/taxonomy.ts";
import { useApi } from "../../app/api-context.tsx";

export const responderKeys = {
  units: ["responder-units"] as const,
  rules: ["routing-rules"] as const,
};

export interface UnitInput {
  name: string;
  kind: ResponderUnitKind;
  organisationId: string;
  areaPlaceIds: string[];
  categories: CategoryCode[];
}

export interface MemberInput {
  userId: string;
  supervisor: boolean;
}

export interface RuleInput {
  name: string;
  priority: number;
  categories: CategoryCode[];
  urgencies: Urgency[];
  placeId: string | null;
  targetKinds: ResponderUnitKind[];
  isDefault: boolean;
  active: boolean;
}

export interface ExplainInput {
  category: CategoryCode;
  urgency: Urgency;
  placeId: string | null;
}

export function useResponderUnits() {
  const api = useApi();
  return useQuery({
    queryKey: responderKeys.units,
    queryFn: () => api.get<{ units: ResponderUnitView[] }>("/api/responder-units"),
  });
}

export function useRoutingRules() {
  const api = useApi();
  return useQuery({
    queryKey: responderKeys.rules,
    queryFn: () => api.get<{ rules: RoutingRuleView[] }>("/api/routing-rules"),
  });
}

/** Creates a unit (no id) or changes one (with id); either way the directory is read again. */
export function useSaveUnit() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string | undefined; input: UnitInput }) =>
      id
        ? api.patch<{ unit: ResponderUnitView }>(`/api/responder-units/${encodeURIComponent(id)}`, {
            name: input.name,
            areaPlaceIds: input.areaPlaceIds,
            categories: input.categories,
          })
        : api.post<{ unit: ResponderUnitView }>("/api/responder-units", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: responderKeys.units }),
  });
}

export function useSetUnitActive() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.patch<{ unit: ResponderUnitView }>(`/api/responder-units/${encodeURIComponent(id)}`, { active }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: responderKeys.units }),
  });
}

export function useSetMembers(unitId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (members: MemberInput[]) =>
      api.post<{ unit: ResponderUnitView }>(`/api/responder-units/${encodeURIComponent(unitId)}/members`, {
        members,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: responderKeys.units }),
  });
}

export function useSaveRule() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string | undefined; input: Partial<RuleInput> }) =>
      id
        ? api.patch<{ rule: RoutingRuleView }>(`/api/routing-rules/${encodeURIComponent(id)}`, input)
        : api.post<{ rule: RoutingRuleView }>("/api/routing-rules", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: responderKeys.rules }),
  });
}

export function useExplainRouting() {
  const api = useApi();
  return useMutation({
    mutationFn: (input: ExplainInput) =>
      api.post<{ explanation: RoutingExplanation }>("/api/routing-rules/explain", input),
  });
}
