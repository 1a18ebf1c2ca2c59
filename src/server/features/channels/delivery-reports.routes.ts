// Delivery-report callbacks: Africa's Talking delivery reports and Twilio status callbacks, each
// proved the way that gateway's incoming messages are (channels.routes.ts): the ?token= for
// Africa's Talking, X-Twilio-Signature for Twilio. A report about no known message still gets
// 200, so that the gateway does not retry it for ever.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.ts";
import { recordDeliveryReport } from "../messaging/delivery-reports.service.ts";
import { readAtDeliveryReport, readTwilioStatusCallback } from "../messaging/delivery-reports.ts";
import { AT_DELIVERY_PATH, TWILIO_STATUS_PATH } from "../messaging/sms-drivers.ts";
import type { FormFields } from "./form-body.ts";
import { acceptGatewayForms, requireCallbackToken, requireTwilioSignature } from "./gateway-auth.ts";

export function deliveryReportsRoutes(app: FastifyInstance, deps: Deps): void {
  // Gateways send forms only; decoded as the other gateway callbacks are (form-body.ts).
  app.register(async (scope) => {
    acceptGatewayForms(scope);

    scope.post(AT_DELIVERY_PATH, async (request) => {
      requireCallbackToken(deps, request);
      await recordDeliveryReport(deps, readAtDeliveryReport((request.body ?? {}) as FormFields));
      return { ok: true };
    });

    scope.post(TWILIO_STATUS_PATH, async (request) => {
      requireTwilioSignature(deps, request, "status callbacks");
      await recordDeliveryReport(deps, readTwilioStatusCallback((request.body ?? {}) as FormFields));
      return { ok: true };
    });
  });
}
