// Outbound email drivers, the email twin of sms-drivers.ts. The outbox calls `send` once per message
// and trusts its verdict: `retryable: true` only when the server surely did not take the message
// (a 4xx reply, a refused connection), `uncertain: true` when it may have (the connection died
// mid-session, after DATA may have gone), so that nothing is ever sent twice.
import { createTransport } from "nodemailer";
import type { Config } from "../../config.ts";
import type { Deps } from "../../deps.ts";
import { type MemoryDriver, memoryDriver, type SendResult } from "./sms-drivers.ts";

export interface EmailMessage {
  to: string;
  subject: string;
  body: string;
}

export interface EmailDriver {
  readonly name: string;
  send(message: EmailMessage): Promise<SendResult>;
}

/** "amina.otieno@example.org" -> "a•••@example.org": enough to tell messages apart in a log. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${address[0]}•••${address.slice(at)}`;
}

/** Development: logs the subject and the masked address; the body (which names places) stays out of logs. */
export function consoleEmailDriver(log: Deps["log"]): EmailDriver {
  return {
    name: "console",
    async send({ to, subject }) {
      log.info(`Email to ${maskEmail(to)}: ${subject}`);
      return { ok: true, providerMessageId: null };
    },
  };
}

export type MemoryEmailDriver = MemoryDriver<EmailMessage>;
export const memoryEmailDriver = (): MemoryEmailDriver => memoryDriver("mem-email");

/** What the smtp driver needs of a nodemailer transport (a fake one in tests). */
export interface MailTransport {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
  }): Promise<{ messageId?: string; rejected?: unknown[] }>;
}

/** The fields nodemailer puts on its errors (smtp-connection `_formatError`). */
interface SmtpError {
  message?: string;
  code?: string;
  originalCode?: string;
  responseCode?: number;
  timeoutType?: string;
  command?: string;
}

/** Failures that happen before a session could carry any message: nothing was sent. */
const NEVER_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
const BEFORE_SESSION_TIMEOUTS = new Set(["CONNECTION_TIMEOUT", "GREETING_TIMEOUT", "DNS_TIMEOUT"]);

/**
 * Sorts an SMTP failure: a 4xx reply (and 503, "bad sequence", per RFC 5321 a session problem) is
 * transient, so retry; any other 5xx is permanent, so fail; no reply at all is a retry only when the
 * connection never opened (DNS, refused, connect or greeting timeout) or login failed, and otherwise
 * uncertain, because a connection that dies mid-session may have delivered the DATA already.
 */
export function classifySmtpFailure(error: unknown): Extract<SendResult, { ok: false }> {
  const e = (error ?? {}) as SmtpError;
  const what = [e.code, e.responseCode, e.command].filter(Boolean).join(" ") || "unknown error";
  const reply = e.responseCode;
  if (typeof reply === "number" && reply >= 400 && reply < 600) {
    const transient = reply < 500 || reply === 503;
    return {
      ok: false,
      retryable: transient,
      error: `SMTP ${transient ? "transient" : "permanent"}: ${what}`,
    };
  }
  const notSent =
    e.code === "EDNS" ||
    e.code === "EAUTH" ||
    e.code === "ENOAUTH" ||
    e.code === "ECONFIG" ||
    NEVER_CONNECTED.has(e.originalCode ?? e.code ?? "") ||
    (e.code === "ETIMEDOUT" && BEFORE_SESSION_TIMEOUTS.has(e.timeoutType ?? ""));
  if (notSent) return { ok: false, retryable: true, error: `SMTP unreachable: ${what}` };
  return { ok: false, retryable: false, uncertain: true, error: `SMTP connection lost mid-send: ${what}` };
}

export function smtpEmailDriver(from: string, transport: MailTransport): EmailDriver {
  return {
    name: "smtp",
    async send({ to, subject, body }) {
      try {
        const info = await transport.sendMail({ from, to, subject, text: body });
        if (info.rejected && info.rejected.length > 0)
          return { ok: false, retryable: false, error: "SMTP permanent: recipient rejected" };
        return { ok: true, providerMessageId: info.messageId ?? null };
      } catch (error) {
        return classifySmtpFailure(error);
      }
    },
  };
}

/**
 * Timeouts kept well under the outbox's two-minute sending lease, so that a slow server makes a
 * failed or uncertain row rather than one another worker has already given up on.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export function emailDriverFromConfig(config: Config, log: Deps["log"]): EmailDriver {
  const { driver, smtpUrl, from } = config.email;
  if (driver !== "smtp") return consoleEmailDriver(log);
  if (!smtpUrl || !from) throw new Error("the smtp email driver needs SMTP_URL and BARAZA_EMAIL_FROM");
  const url = new URL(smtpUrl);
  const transport = createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
    secure: url.protocol === "smtps:",
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    ...SMTP_TIMEOUTS,
  });
  return smtpEmailDriver(from, transport as unknown as MailTransport);
}
