import { MutationObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client.ts";
import { AUTH_ATTEMPT, createQueryClient, shouldRetry } from "./query-client.ts";
import { SESSION_KEY } from "./session.ts";

describe("retrying failed loads", () => {
  it("does not ask again after a refusal, which would only be refused again", () => {
    expect(shouldRetry(0, new ApiError(403, "forbidden", "no"))).toBe(false);
    expect(shouldRetry(0, new ApiError(404, "not_found", "no"))).toBe(false);
  });

  it("tries twice more after network or server failures, then gives up", () => {
    const offline = new ApiError(0, "network", "offline");
    expect(shouldRetry(0, offline)).toBe(true);
    expect(shouldRetry(1, new ApiError(503, "http_503", "busy"))).toBe(true);
    expect(shouldRetry(2, offline)).toBe(false);
  });
});

describe("noticing that the session has ended", () => {
  const unauthorised = () => Promise.reject(new ApiError(401, "unauthorised", "Sign in first."));

  function signedInClient() {
    const queryClient = createQueryClient();
    queryClient.setQueryData(SESSION_KEY, { user: { id: "u1" }, csrfToken: "t" });
    return queryClient;
  }
  const sessionInvalidated = (queryClient: ReturnType<typeof createQueryClient>) =>
    queryClient.getQueryState(SESSION_KEY)?.isInvalidated;

  it("asks for the session again when a page's data is refused with 401", async () => {
    const queryClient = signedInClient();
    await queryClient.fetchQuery({ queryKey: ["users"], queryFn: unauthorised }).catch(() => undefined);
    expect(sessionInvalidated(queryClient)).toBe(true);
  });

  it("asks again when a change is refused with 401", async () => {
    const queryClient = signedInClient();
    await new MutationObserver(queryClient, { mutationFn: unauthorised }).mutate().catch(() => undefined);
    expect(sessionInvalidated(queryClient)).toBe(true);
  });

  it("leaves the session alone when a wrong password or code is refused with 401", async () => {
    const queryClient = signedInClient();
    const attempt = new MutationObserver(queryClient, {
      mutationFn: unauthorised,
      meta: { [AUTH_ATTEMPT]: true },
    });
    await attempt.mutate().catch(() => undefined);
    expect(sessionInvalidated(queryClient)).toBe(false);
  });
});
