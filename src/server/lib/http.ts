// The HTTP plumbing every feature's routes share: who is calling, CSRF, and how errors are answered.
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Deps } from "../deps.ts";
import { type Authenticated, authenticate } from "../features/users/auth.service.ts";
import { AppError, forbidden, unauthorised } from "./errors.ts";

declare module "fastify" {
  interface FastifyRequest {
    auth: Authenticated | undefined;
  }
}

export const SESSION_COOKIE = "baraza_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Routes reachable without a CSRF token: signing in (no session yet) and gateway callbacks (own secrets). */
const CSRF_EXEMPT = new Set(["/api/auth/login"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Loads the session for /api requests and enforces CSRF on state-changing ones. */
export function registerAuthHooks(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("auth", undefined);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    request.auth = await authenticate(deps, request.cookies[SESSION_COOKIE]);
    const path = request.url.split("?")[0] ?? "";
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(path) || !request.auth) return;
    const header = request.headers["x-csrf-token"];
    if (typeof header !== "string" || !sameToken(header, request.auth.session.csrfToken))
      throw new AppError(403, "csrf", "Missing or wrong X-CSRF-Token header. Reload the page and try again.");
  });
}

/** The signed-in user; routes under /api/auth/ may also use a restricted session. */
export function requireAuth(
  request: FastifyRequest,
  opts: { allowRestricted?: boolean; allowPending?: boolean } = {},
): Authenticated {
  const auth = request.auth;
  if (!auth) throw unauthorised();
  if (auth.session.twoFactorPending && !opts.allowPending)
    throw unauthorised("Enter your two-factor code first.");
  if (auth.restricted && !opts.allowRestricted)
    throw forbidden(
      auth.restricted === "must_change_password"
        ? "Change your password first."
        : "Administrators must turn on two-factor sign-in first (Account page).",
    );
  return auth;
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: deps.config.env === "production",
    path: "/",
    maxAge: deps.config.session.maxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

/** Every error leaves as `{ error: { code, message, fields? } }`; unexpected ones say nothing internal. */
export function answerError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send({
      error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) },
    });
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    const message =
      fastifyError.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
        ? "Send the body as application/json."
        : fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE"
          ? "The request body is too large."
          : fastifyError.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
            ? "The JSON body is empty."
            : (fastifyError.message ?? "Bad request.");
    return reply.status(fastifyError.statusCode).send({ error: { code: "bad_request", message } });
  }
  request.log.error({ err: error }, "unhandled error");
  return reply.status(500).send({
    error: { code: "internal", message: "Something went wrong on our side. It has been logged." },
  });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(answerError);
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: "not_found", message: `No route for ${request.method} ${request.url.split("?")[0]}.` },
    });
  });
}
