// Gateway callbacks: Africa's Talking SMS and USSD, Twilio SMS. They live outside /api (no session,
// no CSRF): each gateway proves itself with its own secret, the ?token= in the callback URL for
// Africa's Talking (which signs nothing) and X-Twilio-Signature for Twilio.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { atInboundSmsSchema, atSmsExtra, atUssdSchema, USSD_CONTENT_TYPE } from "./africastalking.ts";
import { cleanCallbackFields } from "./callback-fields.ts";
import { acceptGatewayForms, requireCallbackToken, requireTwilioSignature } from "./gateway-auth.ts";
import { receiveSms } from "./inbound.service.ts";
import { buildTwimlReply, TWIML_CONTENT_TYPE, twilioInboundSchema } from "./twilio.ts";
import { answerUssd } from "./ussd.service.ts";

export function channelsRoutes(app: FastifyInstance, deps: Deps): void {
  // Own body parsing in this scope: gateways send forms only; no text they send is dropped or
  // mangled (form-body.ts), and any other content type gets an answer that names the right one.
  app.register(async (scope) => {
    acceptGatewayForms(scope);

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
      const params = requireTwilioSignature(deps, request, "messages");
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
