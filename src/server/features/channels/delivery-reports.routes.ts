// Delivery-report callbacks: Africa's Talking delivery reports and Twilio status callbacks, each
// proved the way that gateway's incoming messages are (channels.routes.ts): the ?token= for
// Africa's Talking, X-Twilio-Signature for Twilio. A report about no known message still gets
// 200, so that the gateway does not retry it for ever.
//
// The token and signed-URL checks below repeat channels.routes.ts's (not exported there) in a few
// lines; the signature itself is the shared one (twilio.ts).
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { AppError, forbidden } from "../../lib/errors.ts";
import { recordDeliveryReport } from "../messaging/delivery-reports.service.ts";
import { readAtDeliveryReport, readTwilioStatusCallback } from "../messaging/delivery-reports.ts";
import { AT_DELIVERY_PATH, TWILIO_STATUS_PATH } from "../messaging/sms-drivers.ts";
import { charsetOf, type FormFields, parseFormBody } from "./form-body.ts";
import { type TwilioParams, validateTwilioSignature } from "./twilio.ts";

const FORM = "application/x-www-form-urlencoded";

/** Constant-time comparison of two secrets of any length (hashing first evens out the lengths). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function requireCallbackToken(deps: Deps, request: FastifyRequest): void {
  const expected = deps.config.channels.callbackToken;
  if (!expected) return;
  const given = (request.query as Record<string, unknown> | undefined)?.token;
  if (typeof given !== "string" || !sameSecret(given, expected))
    throw forbidden(
      "This callback URL lacks the right ?token=. Set the gateway's delivery report URL to end in ?token= and the value of BARAZA_CHANNEL_TOKEN.",
    );
}

function requireTwilioSignature(deps: Deps, request: FastifyRequest): void {
  const authToken = deps.config.channels.twilio.authToken;
  if (!authToken)
    throw new AppError(
      503,
      "not_configured",
      "Twilio status callbacks are not accepted here yet: set TWILIO_AUTH_TOKEN on the server to turn them on.",
    );
  const base = deps.config.publicUrl ?? `${request.protocol}://${request.headers.host ?? "localhost"}`;
  const url = `${base.replace(/\/+$/, "")}${request.url}`;
  const header = request.headers["x-twilio-signature"];
  const params = (request.body ?? {}) as TwilioParams;
  if (!validateTwilioSignature(authToken, url, params, typeof header === "string" ? header : undefined))
    throw forbidden(
      "Twilio request validation failed: X-Twilio-Signature does not match. Check TWILIO_AUTH_TOKEN and that BARAZA_PUBLIC_URL is the address Twilio calls.",
    );
}

export function deliveryReportsRoutes(app: FastifyInstance, deps: Deps): void {
  // Gateways send forms only; decoded as the other gateway callbacks are (form-body.ts).
  app.register(async (scope) => {
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

    scope.post(AT_DELIVERY_PATH, async (request) => {
      requireCallbackToken(deps, request);
      await recordDeliveryReport(deps, readAtDeliveryReport((request.body ?? {}) as FormFields));
      return { ok: true };
    });

    scope.post(TWILIO_STATUS_PATH, async (request) => {
      requireTwilioSignature(deps, request);
      await recordDeliveryReport(deps, readTwilioStatusCallback((request.body ?? {}) as FormFields));
      return { ok: true };
    });
  });
}
