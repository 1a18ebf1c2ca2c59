// The signed-in user lives in the query cache under one key; everything else derives from it.
import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { type Permission, permissionsOf } from "../../common/roles.ts";
import { type ApiClient, ApiError } from "../api/client.ts";
import type { SignedIn, User } from "../api/types.ts";
import { useApi } from "./api-context.tsx";

export const SESSION_KEY = ["session"] as const;

/** Resolves to null when nobody is signed in: that is an answer, not an error. */
export async function loadSession(api: ApiClient): Promise<SignedIn | null> {
  try {
    const session = await api.get<SignedIn>("/api/auth/me");
    api.setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    // The token is kept: a sign-in still waiting for its two-factor code needs it, and /me answers 401 then.
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  const api = useApi();
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => loadSession(api),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function startSession(queryClient: QueryClient, api: ApiClient, session: SignedIn): void {
  api.setCsrfToken(session.csrfToken);
  queryClient.setQueryData(SESSION_KEY, session);
}

/** Drops everything cached for the previous user, so the next one never glimpses it. */
export function endSession(queryClient: QueryClient, api: ApiClient): void {
  api.setCsrfToken(undefined);
  queryClient.removeQueries();
  queryClient.setQueryData(SESSION_KEY, null);
}

export function useSessionActions() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      start: (session: SignedIn) => startSession(queryClient, api, session),
      end: () => endSession(queryClient, api),
      replaceUser: (user: User) =>
        queryClient.setQueryData<SignedIn | null>(SESSION_KEY, (old) => (old ? { ...old, user } : old)),
    }),
    [api, queryClient],
  );
}

/** For pages under the signed-in layout, which renders nothing until the user is known. */
export function useCurrentUser(): User {
  const { data } = useSession();
  if (!data) throw new Error("useCurrentUser is only for pages behind the sign-in guard");
  return data.user;
}

export function usePermissions(): ReadonlySet<Permission> {
  const user = useCurrentUser();
  return useMemo(() => permissionsOf(user.roles), [user.roles]);
}
