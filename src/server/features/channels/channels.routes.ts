// Gateway callbacks: Africa's Talking SMS and USSD, Twilio SMS. They live outside /api (no session,
// no CSRF): each gateway proves itself with its own secret, the ?token= in the callback URL for
// Africa's Talking (which signs nothing) and X-Twilio-Signature for Twilio.
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { AppError, forbidden, parseInput } from "../../lib/errors.ts";
import { atInboundSmsSchema, atSmsExtra, atUssdSchema, USSD_CONTENT_TYPE } from "./africastalking.ts";
import { cleanCallbackFields } from "./callback-fields.ts";
import { charsetOf, parseFormBody } from "./form-body.ts";
import { receiveSms } from "./inbound.service.ts";
import {
  buildTwimlReply,
  TWIML_CONTENT_TYPE,
  type TwilioParams,
  twilioInboundSchema,
  validateTwilioSignature,
} from "./twilio.ts";
import { answerUssd } from "./ussd.service.ts";

const FORM = "application/x-www-form-urlencoded";

/** Constant-time comparison of two secrets of any length (hashing first evens out the lengths). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** When BARAZA_CHANNEL_TOKEN is set, an Africa's Talking callback must carry it as ?token=. */
function requireCallbackToken(deps: Deps, request: FastifyRequest): void {
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

export function channelsRoutes(app: FastifyInstance, deps: Deps): void {
  // Own body parsing in this scope: gateways send forms only; no text they send is dropped or
  // mangled (form-body.ts), and any other content type gets an answer that names the right one.
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

    scope.post("/channels/africastalking/sms", async (request) => {
      requireCallbackToken(deps, request);
      const fields = cleanCallbackFields(request.body, ["text"]);
      const sms = parseInput(atInboundSmsSchema, fields, "Africa's Talking SMS callback");
      const { duplicate } = await receiveSms(deps, {
        gateway: "africastalking",
        externalId: sms.id,
        from: sms.from,
        to: sms.to ?? "",
        text: sms.text,
        extra: atSmsExtra(sms, fields),
      });
      return { ok: true, duplicate };
    });

    scope.post("/channels/twilio/sms", async (request, reply) => {
      const authToken = deps.config.channels.twilio.authToken;
      if (!authToken)
        throw new AppError(
          503,
          "not_configured",
          "Twilio messages are not accepted here yet: set TWILIO_AUTH_TOKEN on the server to turn them on.",
        );
      // The signature covers the parameters exactly as received: check it before cleaning them.
      const params = (request.body ?? {}) as TwilioParams;
      const header = request.headers["x-twilio-signature"];
      const signature = typeof header === "string" ? header : undefined;
      if (!validateTwilioSignature(authToken, signedUrl(deps, request), params, signature))
        throw forbidden(
          "Twilio request validation failed: X-Twilio-Signature does not match. Check TWILIO_AUTH_TOKEN and that BARAZA_PUBLIC_URL is the address Twilio calls.",
        );
      const fields = cleanCallbackFields(params, ["Body"]);
      const message = parseInput(twilioInboundSchema, fields, "Twilio message webhook");
      await receiveSms(deps, {
        gateway: "twilio",
        externalId: message.MessageSid,
        from: message.From,
        to: message.To ?? "",
        text: message.Body,
        extra: { accountSid: message.AccountSid, numMedia: message.NumMedia, optOutType: message.OptOutType },
      });
      // Replies go through the outbox (so STOP and retries apply), never inline.
      return reply.type(TWIML_CONTENT_TYPE).send(buildTwimlReply(null));
    });

    scope.post("/channels/africastalking/ussd", async (request, reply) => {
      requireCallbackToken(deps, request);
      // The menu path is split on "*", so a repeated text field counts once, by its first value.
      const session = parseInput(
        atUssdSchema,
        cleanCallbackFields(request.body),
        "Africa's Talking USSD callback",
      );
      return reply.type(USSD_CONTENT_TYPE).send(await answerUssd(deps, session));
    });
  });
}
