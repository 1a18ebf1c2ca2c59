import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useApi } from "../../app/api-context.tsx";
import { useSessionActions } from "../../app/session.ts";

export function useSignOut() {
  const api = useApi();
  const { end } = useSessionActions();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => api.post<void>("/api/auth/logout"),
    // Even if the server call fails (session already expired, offline), this device forgets the user.
    onSettled: () => {
      end();
      navigate("/login", { replace: true });
    },
  });
  return () => signOut.mutate();
}
