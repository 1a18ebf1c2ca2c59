// Outbound SMS drivers. The outbox calls `send` once per message and trusts its verdict:
// `retryable: true` only when the provider surely did not take the message (connection refused,
// 5xx, throttled), so that a retry cannot send it twice.
import type { Config } from "../../config.ts";
import type { Deps } from "../../deps.ts";
import { buildAtSendSmsRequest, parseAtSendSmsResponse } from "../channels/africastalking.ts";

export type SendResult =
  | { ok: true; providerMessageId: string | null }
  /** `uncertain`: the provider may have taken it (the outbox marks the row uncertain, never re-sends). */
  | { ok: false; retryable: boolean; uncertain?: boolean; error: string };

export interface SmsDriver {
  readonly name: string;
  send(message: { to: string; body: string }): Promise<SendResult>;
}

/** "+254712345678" -> "+2547•••••678": enough to tell messages apart in a log, not to call anyone. */
export function maskPhone(e164: string): string {
  if (e164.length < 8) return "•••";
  return `${e164.slice(0, 5)}${"•".repeat(e164.length - 8)}${e164.slice(-3)}`;
}

/** Development: prints the message with the number masked. */
export function consoleSmsDriver(log: Deps["log"]): SmsDriver {
  return {
    name: "console",
    async send({ to, body }) {
      log.info(`SMS to ${maskPhone(to)}: ${body}`);
      return { ok: true, providerMessageId: null };
    },
  };
}

/** Tests: keeps what was sent; `failNext` makes the next sends fail in a chosen way. */
export interface MemoryDriver<M> {
  /**
   * "memory"; a test may set a gateway's name ("africastalking", "twilio") so that the messages it
   * sends from then on are that gateway's, and that gateway's delivery reports find them.
   */
  name: string;
  readonly sent: M[];
  failNext(result: Extract<SendResult, { ok: false }>, times?: number): void;
  send(message: M): Promise<SendResult>;
}

/** The in-memory driver of either channel (SMS, email) that the test harness hands to the outbox. */
export function memoryDriver<M>(idPrefix: string): MemoryDriver<M> {
  const sent: M[] = [];
  const failures: Extract<SendResult, { ok: false }>[] = [];
  return {
    name: "memory",
    sent,
    failNext(result, times = 1) {
      for (let i = 0; i < times; i++) failures.push(result);
    },
    async send(message) {
      const failure = failures.shift();
      if (failure) return failure;
      sent.push(message);
      return { ok: true, providerMessageId: `${idPrefix}-${sent.length}` };
    },
  };
}

export type MemorySmsDriver = MemoryDriver<{ to: string; body: string }>;
export const memorySmsDriver = (): MemorySmsDriver => memoryDriver("mem");

type Fetch = typeof fetch;

// A failure before any response (DNS, refused connection) means the provider never saw the message.
async function post(fetchImpl: Fetch, url: string, init: RequestInit): Promise<Response | SendResult> {
  try {
    return await fetchImpl(url, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    // A timeout may come after the provider accepted the message: uncertain, never retried (it could
    // go twice); the gateway's delivery report settles it (delivery-reports.service.ts).
    return timedOut
      ? { ok: false, retryable: false, uncertain: true, error: "provider timed out" }
      : { ok: false, retryable: true, error: "provider unreachable" };
  }
}

const retryableHttp = (status: number) => status === 429 || status >= 500;

export function africasTalkingSmsDriver(
  settings: Config["channels"]["africastalking"],
  fetchImpl: Fetch = fetch,
): SmsDriver {
  const { username, apiKey } = settings;
  if (!username || !apiKey) throw new Error("Africa's Talking needs AT_USERNAME and AT_API_KEY");
  return {
    name: "africastalking",
    async send({ to, body }) {
      const spec = buildAtSendSmsRequest({
        baseUrl: settings.apiUrl,
        apiKey,
        username,
        to: [to],
        message: body,
        from: settings.senderId,
      });
      const response = await post(fetchImpl, spec.url, spec);
      if (!(response instanceof Response)) return response;
      if (!response.ok)
        return { ok: false, retryable: retryableHttp(response.status), error: `HTTP ${response.status}` };
      const result = parseAtSendSmsResponse(await response.json().catch(() => null));
      if (!result.ok) return { ok: false, retryable: false, error: result.reason };
      const first = result.recipients[0];
      if (!first?.accepted) return { ok: false, retryable: false, error: first?.reason ?? "NoRecipients" };
      return { ok: true, providerMessageId: first.messageId };
    },
  };
}

/** Where Twilio posts the status of each message it was handed (delivery-reports.routes.ts). */
export const TWILIO_STATUS_PATH = "/channels/twilio/status";
export const AT_DELIVERY_PATH = "/channels/africastalking/delivery";

/**
 * Twilio reports delivery only to a `StatusCallback` given with each message, so the driver passes
 * one when the server's public URL is known (BARAZA_PUBLIC_URL). Africa's Talking posts to the
 * delivery-report URL set in its dashboard instead.
 */
export function twilioSmsDriver(
  settings: Config["channels"]["twilio"],
  fetchImpl: Fetch = fetch,
  publicUrl?: string,
): SmsDriver {
  const { accountSid, authToken, from } = settings;
  if (!accountSid || !authToken || !from)
    throw new Error("Twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM");
  const url = `https://api.twilio.com/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
  const statusCallback = publicUrl ? `${publicUrl.replace(/\/+$/, "")}${TWILIO_STATUS_PATH}` : undefined;
  return {
    name: "twilio",
    async send({ to, body }) {
      const response = await post(fetchImpl, url, {
        method: "POST",
        headers: { Authorization: authorization, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          To: to,
          From: from,
          Body: body,
          ...(statusCallback && { StatusCallback: statusCallback }),
        }).toString(),
      });
      if (!(response instanceof Response)) return response;
      const json = (await response.json().catch(() => null)) as { sid?: string; message?: string } | null;
      if (!response.ok)
        return {
          ok: false,
          retryable: retryableHttp(response.status),
          error: `HTTP ${response.status}${json?.message ? `: ${json.message}` : ""}`,
        };
      return { ok: true, providerMessageId: json?.sid ?? null };
    },
  };
}

export function smsDriverFromConfig(config: Config, log: Deps["log"]): SmsDriver {
  switch (config.channels.smsDriver) {
    case "africastalking":
      return africasTalkingSmsDriver(config.channels.africastalking);
    case "twilio":
      return twilioSmsDriver(config.channels.twilio, fetch, config.publicUrl);
    default:
      return consoleSmsDriver(log);
  }
}
