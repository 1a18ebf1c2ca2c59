import { describe, expect, it } from "vitest";
import { ApiError, createApiClient, fieldErrorsOf, withQuery } from "./client.ts";

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return respond(call);
  }) as typeof fetch;
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const headersOf = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

describe("the API client", () => {
  it("leaves empty filters out of the query string, so an empty search box filters nothing", () => {
    expect(withQuery("/api/users", { q: "", role: "monitor", organisationId: undefined, limit: 5 })).toBe(
      "/api/users?role=monitor&limit=5",
    );
    expect(withQuery("/api/users", { q: "" })).toBe("/api/users");
    expect(withQuery("/api/places", { q: "Soko Mjinga" })).toBe("/api/places?q=Soko+Mjinga");
  });

  it("sends the CSRF token and a JSON body with every change, and neither with a read", async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(200, { ok: true }));
    const api = createApiClient(fetchImpl);
    api.setCsrfToken("token-123");
    await api.get("/api/users");
    await api.patch("/api/auth/me", { locale: "sw" });

    expect(headersOf(calls[0])["X-CSRF-Token"]).toBeUndefined();
    expect(calls[0]?.init.body).toBeUndefined();
    expect(calls[1]?.init.method).toBe("PATCH");
    expect(headersOf(calls[1])["X-CSRF-Token"]).toBe("token-123");
    expect(headersOf(calls[1])["Content-Type"]).toBe("application/json");
    expect(calls[1]?.init.body).toBe('{"locale":"sw"}');
  });

  it("sends an empty JSON object when a change carries no body, which the server can parse", async () => {
    const { calls, fetchImpl } = fakeFetch(() => new Response(null, { status: 204 }));
    const api = createApiClient(fetchImpl);
    await expect(api.post("/api/auth/logout")).resolves.toBeUndefined();
    expect(calls[0]?.init.body).toBe("{}");
  });

  it("uploads a file as its raw bytes with the name in the query and the CSRF token, and deletes without a body", async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(201, { attachment: {} }));
    const api = createApiClient(fetchImpl);
    api.setCsrfToken("token-123");
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" });
    await api.upload("/api/activities/a1/attachments", photo, "Picha ya baraza.jpg");
    expect(calls[0]?.url).toBe("/api/activities/a1/attachments?filename=Picha+ya+baraza.jpg");
    expect(calls[0]?.init.body).toBe(photo);
    expect(headersOf(calls[0])).toMatchObject({
      "X-CSRF-Token": "token-123",
      "Content-Type": "application/octet-stream",
    });
    await api.delete("/api/activities/a1/attachments/f1");
    expect(calls[1]?.init.method).toBe("DELETE");
    expect(calls[1]?.init.body).toBeUndefined();
    expect(headersOf(calls[1])["X-CSRF-Token"]).toBe("token-123");
  });

  it("stops sending the CSRF token once it is cleared at sign-out", async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(200, {}));
    const api = createApiClient(fetchImpl);
    api.setCsrfToken("old");
    api.setCsrfToken(undefined);
    await api.post("/api/auth/login", { email: "a@b.c", password: "x" });
    expect(headersOf(calls[0])["X-CSRF-Token"]).toBeUndefined();
  });

  it("turns an API error body into an ApiError with its code, message and field problems", async () => {
    const body = {
      error: {
        code: "bad_request",
        message: "The request has problems",
        fields: [{ path: "email", message: "bad" }],
      },
    };
    const api = createApiClient(fakeFetch(() => json(400, body)).fetchImpl);
    const error = await api.post("/api/users", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "bad_request", message: "The request has problems" });
    expect((error as ApiError).fields).toEqual([{ path: "email", message: "bad" }]);
  });

  it("still reports a failure whose body is not the API's JSON, such as a proxy's HTML page", async () => {
    const api = createApiClient(
      fakeFetch(() => new Response("<h1>Bad gateway</h1>", { status: 502 })).fetchImpl,
    );
    await expect(api.get("/api/users")).rejects.toMatchObject({ status: 502, code: "http_502", fields: [] });
  });

  it("reports an unreachable server as a network error rather than a crash", async () => {
    const api = createApiClient(fakeFetch(() => Promise.reject(new TypeError("Failed to fetch"))).fetchImpl);
    await expect(api.get("/api/auth/me")).rejects.toMatchObject({ status: 0, code: "network" });
  });
});

describe("field errors for forms", () => {
  it("groups problems under the top-level field, joining several messages for one field", () => {
    const error = new ApiError(400, "bad_request", "x", [
      { path: "roles.0", message: "is not a role." },
      { path: "roles", message: "give the user at least one role." },
      { path: "email", message: "must be an email address" },
    ]);
    expect(fieldErrorsOf(error)).toEqual({
      roles: "is not a role. give the user at least one role.",
      email: "must be an email address",
    });
  });

  it("has nothing to show for errors that are not from the API", () => {
    expect(fieldErrorsOf(new Error("boom"))).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });
});
