// A real server on a loopback port with a database of its own, for route tests.
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.ts";
import { createBackgroundWorker } from "../background.ts";
import { buildDeps, textLog } from "../cli/context.ts";
import { loadConfig } from "../config.ts";
import { migrate } from "../db/migrate.ts";
import type { Deps } from "../deps.ts";
import { type MemoryEmailDriver, memoryEmailDriver } from "../features/messaging/email-drivers.ts";
import { type MemorySmsDriver, memorySmsDriver } from "../features/messaging/sms-drivers.ts";
import { syncGazetteer } from "../features/places/places.service.ts";
import type { Worker } from "../jobs/worker.ts";
import { openTestDatabase } from "./databases.ts";

export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

export function testClock(start = new Date("2026-11-23T08:00:00.000Z")): TestClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}

/** Tests assert on outcomes, not on log lines; a quiet log keeps failures readable. */
const silentLog: Deps["log"] = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Deps["log"];

export interface TestServer {
  url: string;
  deps: Deps;
  app: FastifyInstance;
  clock: TestClock;
  /** Every SMS the outbox sent, in order. */
  sms: MemorySmsDriver;
  /** Every email the outbox sent, in order. */
  email: MemoryEmailDriver;
  /** Not started: tests call `worker.drain()` to run background work deterministically. */
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Every line the server logs, for the test that checks what logs may hold: the request log at its
 * most verbose and the plain-text log the worker writes (as `serve` builds it), one string a line.
 */
function capturingLogs(lines: string[]) {
  const push = (...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  };
  return {
    log: textLog({ log: push, warn: push, error: push }),
    stream: { write: (line: string) => lines.push(line) },
  };
}

export interface TestServerOptions {
  /** When given, log lines are collected here instead of being silenced. */
  logLines?: string[];
}

export async function startTestServer(
  env: Record<string, string> = {},
  opts: TestServerOptions = {},
): Promise<TestServer> {
  const { database, migrated } = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: "test", BARAZA_LOG_LEVEL: "silent", ...env });
  const clock = testClock();
  const sms = memorySmsDriver();
  const email = memoryEmailDriver();
  const captured = opts.logLines && capturingLogs(opts.logLines);
  const log = captured?.log ?? silentLog;
  const deps: Deps = { ...buildDeps(config, database), now: clock.now, sms, email, log };
  if (!migrated) {
    await migrate(deps.db);
    await syncGazetteer(deps);
  }
  const app = await buildApp(deps, captured && { logLevel: "trace", logStream: captured.stream });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url,
    deps,
    app,
    clock,
    sms,
    email,
    worker: createBackgroundWorker(deps),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like API client: keeps the session cookie and sends the CSRF token on writes. */
export class ApiClient {
  readonly baseUrl: string;
  cookie = "";
  csrfToken = "";
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { "content-type": "application/json" }),
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrfToken && method !== "GET" && { "x-csrf-token": this.csrfToken }),
        ...headers,
      },
      body:
        body === undefined
          ? undefined
          : typeof body === "string"
            ? body
            : body instanceof Uint8Array
              ? new Uint8Array(body)
              : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("baraza_session="));
    if (setCookie) this.cookie = setCookie.split(";")[0] ?? "";
    const text = await res.text();
    const parsed = text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    if (parsed && typeof parsed === "object" && typeof parsed.csrfToken === "string")
      this.csrfToken = parsed.csrfToken;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>("POST", path, body ?? {});
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>("PATCH", path, body);
  }

  delete<T = any>(path: string) {
    return this.request<T>("DELETE", path);
  }
  /** A file upload as the staff app sends it: the raw bytes, the name in the query. */
  upload<T = any>(
    path: string,
    filename: string,
    bytes: Uint8Array,
    contentType = "application/octet-stream",
  ) {
    const separator = path.includes("?") ? "&" : "?";
    return this.request<T>("POST", `${path}${separator}filename=${encodeURIComponent(filename)}`, bytes, {
      "content-type": contentType,
    });
  }

  async login(email: string, password: string): Promise<ApiResponse> {
    return this.post("/api/auth/login", { email, password });
  }
}
