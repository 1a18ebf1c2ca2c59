// The one way the web app talks to the server: JSON in and out, the CSRF header on every change.

export interface FieldProblem {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  constructor(status: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export type QueryParams = Record<string, string | number | undefined | null>;

export interface ApiClient {
  get<T>(path: string, query?: QueryParams): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
  /** A file as raw bytes, its name in the query (the server reads the type from the bytes). */
  upload<T>(path: string, file: Blob, filename: string): Promise<T>;
  setCsrfToken(token: string | undefined): void;
}

/** Appends the non-empty parameters; an empty search box must not become `?q=`. */
export function withQuery(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

interface ErrorBody {
  error: { code: string; message: string; fields?: FieldProblem[] };
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === "object" && error !== null && "message" in error && "code" in error;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    return new ApiError(response.status, code, message, Array.isArray(fields) ? fields : []);
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || "Request failed");
}

export function createApiClient(fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): ApiClient {
  let csrfToken: string | undefined;

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    const init: RequestInit = { method, headers, credentials: "same-origin" };
    if (method !== "GET") {
      if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
      if (body instanceof Blob) {
        headers["Content-Type"] = "application/octet-stream";
        init.body = body;
      } else if (method !== "DELETE") {
        headers["Content-Type"] = "application/json";
        // A JSON content type with an empty body is a parse error on the server.
        init.body = JSON.stringify(body ?? {});
      }
    }
    let response: Response;
    try {
      response = await fetchImpl(path, init);
    } catch (cause) {
      throw new ApiError(0, "network", cause instanceof Error ? cause.message : "Network error");
    }
    if (!response.ok) throw await errorFrom(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    get: (path, query) => request("GET", withQuery(path, query)),
    post: (path, body) => request("POST", path, body),
    patch: (path, body) => request("PATCH", path, body),
    delete: (path) => request("DELETE", path),
    upload: (path, file, filename) => request("POST", withQuery(path, { filename }), file),
    setCsrfToken: (token) => {
      csrfToken = token;
    },
  };
}

/**
 * Field problems keyed by the form field they belong to: "roles.0" and "roles" both land on "roles",
 * because forms show one message per top-level field.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const { path, message } of error.fields) {
    const field = path.split(".")[0] ?? path;
    byField[field] = byField[field] ? `${byField[field]} ${message}` : message;
  }
  return byField;
}
