// Builds the Fastify app: plugins, hooks and each feature's routes. No logic lives here.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import type { Deps } from "./deps.ts";
import { alertsRoutes } from "./features/alerts/alerts.routes.ts";
import { auditRoutes } from "./features/audit/audit.routes.ts";
import { casesRoutes } from "./features/cases/cases.routes.ts";
import { respondersRoutes } from "./features/cases/responders.routes.ts";
import { channelsRoutes } from "./features/channels/channels.routes.ts";
import { deliveryReportsRoutes } from "./features/channels/delivery-reports.routes.ts";
import { failedInboundRoutes } from "./features/channels/failed-inbound.routes.ts";
import { undeliveredRoutes } from "./features/messaging/undelivered.routes.ts";
import { organisationsRoutes } from "./features/organisations/organisations.routes.ts";
import { placesRoutes } from "./features/places/places.routes.ts";
import { programmesRoutes } from "./features/programmes/programmes.routes.ts";
import { publicWebRoutes } from "./features/public-web/public-web.routes.ts";
import { referralsRoutes } from "./features/referrals/referrals.routes.ts";
import { reportsRoutes } from "./features/reports/reports.routes.ts";
import { storiesRoutes } from "./features/stories/stories.routes.ts";
import { authRoutes } from "./features/users/auth.routes.ts";
import { usersRoutes } from "./features/users/users.routes.ts";
import { healthRoutes } from "./health.ts";
import { registerAuthHooks, registerErrorHandler } from "./lib/http.ts";
import { LOG_REDACT_PATHS, safeError } from "./lib/log-safety.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Every route as "METHOD /url", so that tests can prove each one is covered by the scoping test. */
    registeredRoutes: string[];
  }
}

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

/**
 * Request logging is our own and never records the client address or user agent: a resident's
 * IP must not end up in logs. Cookies and auth headers are redacted from anything logged.
 */
function loggerOptions(level: string, stream: LogStream | undefined) {
  return {
    level,
    // Errors are serialized without their values (lib/log-safety.ts); the redaction paths are a
    // second line for anything else logged with a body, text or contact in it.
    redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split("?")[0] }),
      err: (error: unknown) => ({ ...safeError(error) }),
    },
    ...(stream && { stream }),
  };
}

/** Where the request log goes when not to standard output (tests capture it to check what it says). */
export interface LogStream {
  write(line: string): void;
}

/** A hop count becomes "trust the nearest n hops", as proxy-addr counts them. */
function trustProxyOption(setting: Deps["config"]["trustProxy"]) {
  return typeof setting === "number" ? (_address: string, hop: number) => hop < setting : setting;
}

export async function buildApp(
  deps: Deps,
  opts: { logLevel?: string; logStream?: LogStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(opts.logLevel ?? deps.config.logLevel, opts.logStream),
    logController: new LogController({ disableRequestLogging: true }),
    // Only the proxies configured in BARAZA_TRUST_PROXY; the address is used for rate limits (hashed), never logged.
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 256 * 1024,
  });
  const routes: string[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) if (method !== "HEAD") routes.push(`${method} ${route.url}`);
  });
  app.decorate("registeredRoutes", routes);
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: request.routeOptions.url ?? "(unmatched)",
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "request",
    );
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(formbody);
  registerErrorHandler(app);
  registerAuthHooks(app, deps);

  healthRoutes(app, deps);
  authRoutes(app, deps);
  usersRoutes(app, deps);
  organisationsRoutes(app, deps);
  placesRoutes(app, deps);
  programmesRoutes(app, deps);
  storiesRoutes(app, deps);
  referralsRoutes(app, deps);
  auditRoutes(app, deps);
  respondersRoutes(app, deps);
  casesRoutes(app, deps);
  alertsRoutes(app, deps);
  reportsRoutes(app, deps);
  channelsRoutes(app, deps);
  deliveryReportsRoutes(app, deps);
  failedInboundRoutes(app, deps);
  undeliveredRoutes(app, deps);
  publicWebRoutes(app, deps);

  if (existsSync(path.join(WEB_DIST, "index.html"))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
    app.get("/*", (request, reply) => {
      if (request.url.startsWith("/api/"))
        return reply.status(404).send({ error: { code: "not_found", message: "No such API route." } });
      return reply.sendFile("index.html");
    });
  }
  return app;
}
