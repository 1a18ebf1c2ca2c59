// How a gateway callback proves where it came from, and how its body is read: shared by the
// incoming-message routes (channels.routes.ts) and the delivery-report routes
// (delivery-reports.routes.ts), so that every callback is checked the same way.
// Africa's Talking signs nothing: its callbacks carry a secret ?token= in the URL. Twilio signs
// each request (X-Twilio-Signature) with the account's auth token.
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { AppError, forbidden } from "../../lib/errors.ts";
import { charsetOf, parseFormBody } from "./form-body.ts";
import { type TwilioParams, validateTwilioSignature } from "./twilio.ts";

const FORM = "application/x-www-form-urlencoded";

/** Constant-time comparison of two secrets of any length (hashing first evens out the lengths). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** When BARAZA_CHANNEL_TOKEN is set, an Africa's Talking callback must carry it as ?token=. */
export function requireCallbackToken(deps: Deps, request: FastifyRequest): void {
  const expected = deps.config.channels.callbackToken;
  if (!expected) return;
  const given = (request.query as Record<string, unknown> | undefined)?.token;
  if (typeof given !== "string" || !sameSecret(given, expected))
    throw forbidden(
      "This callback URL lacks the right ?token=. Set the gateway's callback URL to end in ?token= and the value of BARAZA_CHANNEL_TOKEN.",
    );
}

/** The URL Twilio signed: the public URL of this server, with the path and query as requested. */
function signedUrl(deps: Deps, request: FastifyRequest): string {
  const base = deps.config.publicUrl ?? `${request.protocol}://${request.headers.host ?? "localhost"}`;
  return `${base.replace(/\/+$/, "")}${request.url}`;
}

/**
 * 503 while Twilio is not configured, 403 unless X-Twilio-Signature matches. Returns the parameters
 * exactly as received: the signature covers them as they are, so clean them only after this.
 */
export function requireTwilioSignature(deps: Deps, request: FastifyRequest, what: string): TwilioParams {
  const authToken = deps.config.channels.twilio.authToken;
  if (!authToken)
    throw new AppError(
      503,
      "not_configured",
      `Twilio ${what} are not accepted here yet: set TWILIO_AUTH_TOKEN on the server to turn them on.`,
    );
  const params = (request.body ?? {}) as TwilioParams;
  const header = request.headers["x-twilio-signature"];
  const signature = typeof header === "string" ? header : undefined;
  if (!validateTwilioSignature(authToken, signedUrl(deps, request), params, signature))
    throw forbidden(
      "Twilio request validation failed: X-Twilio-Signature does not match. Check TWILIO_AUTH_TOKEN and that BARAZA_PUBLIC_URL is the address Twilio calls.",
    );
  return params;
}

/**
 * Gateways send forms only. Read them so that no text is dropped or mangled (form-body.ts), and
 * answer any other content type with the one to use. Call inside a plugin scope of its own.
 */
export function acceptGatewayForms(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(FORM, { parseAs: "buffer" }, (request, body, done) => {
    done(null, parseFormBody(body as Buffer, charsetOf(request.headers["content-type"])));
  });
  scope.addContentTypeParser("*", (_request, _payload, done) => {
    done(
      new AppError(415, "unsupported_media_type", `Send the callback as ${FORM}, as the gateways do.`),
      undefined,
    );
  });
}
