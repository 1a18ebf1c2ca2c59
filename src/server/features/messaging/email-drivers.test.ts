// The email drivers at unit level: the smtp driver's sorting of failures through a fake nodemailer
// transport (no network), and what the console driver lets into the log.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import type { Deps } from "../../deps.ts";
import {
  classifySmtpFailure,
  consoleEmailDriver,
  emailDriverFromConfig,
  type MailTransport,
  maskEmail,
  smtpEmailDriver,
} from "./email-drivers.ts";

/** Throws what nodemailer's smtp-connection throws: an Error with code, responseCode, command. */
function smtpError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error("smtp failure"), fields);
}

function fakeTransport(outcome: Error | { messageId: string; rejected?: string[] }) {
  const calls: Parameters<MailTransport["sendMail"]>[0][] = [];
  const transport: MailTransport = {
    async sendMail(mail) {
      calls.push(mail);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
  };
  return { transport, calls };
}

const message = { to: "ocs@example.org", subject: "Baraza: case C-1", body: "Case C-1 ..." };

describe("the smtp email driver", () => {
  it("hands the message to the transport with the configured sender and returns its message id", async () => {
    const { transport, calls } = fakeTransport({ messageId: "<abc@mail>" });
    const result = await smtpEmailDriver("Baraza <baraza@example.org>", transport).send(message);
    expect(result).toEqual({ ok: true, providerMessageId: "<abc@mail>" });
    expect(calls).toEqual([
      { from: "Baraza <baraza@example.org>", to: message.to, subject: message.subject, text: message.body },
    ]);
  });

  it("a 4xx reply is transient: retry", async () => {
    const error = smtpError({ code: "EENVELOPE", responseCode: 451, command: "RCPT TO" });
    const result = await smtpEmailDriver("b@example.org", fakeTransport(error).transport).send(message);
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(result).not.toHaveProperty("uncertain");
    expect(
      classifySmtpFailure(smtpError({ code: "EMESSAGE", responseCode: 421, command: "DATA" })),
    ).toMatchObject({ retryable: true });
  });

  it("a 5xx reply is permanent: failed, never retried", async () => {
    const error = smtpError({ code: "EENVELOPE", responseCode: 550, command: "RCPT TO" });
    const result = await smtpEmailDriver("b@example.org", fakeTransport(error).transport).send(message);
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(result).not.toHaveProperty("uncertain");
    expect(
      classifySmtpFailure(smtpError({ code: "EMESSAGE", responseCode: 554, command: "DATA" })),
    ).toMatchObject({ retryable: false });
    // 503 "bad sequence of commands" is a session problem, not a refusal of the message.
    expect(classifySmtpFailure(smtpError({ code: "EPROTOCOL", responseCode: 503 }))).toMatchObject({
      retryable: true,
    });
  });

  it("a server that cannot be reached, or refuses the login, surely did not take the message: retry", () => {
    const unreachable = [
      { code: "ESOCKET", originalCode: "ECONNREFUSED", command: "CONN" },
      { code: "EDNS", command: "CONN" },
      { code: "ETIMEDOUT", timeoutType: "CONNECTION_TIMEOUT", command: "CONN" },
      { code: "ETIMEDOUT", timeoutType: "GREETING_TIMEOUT", command: "CONN" },
      { code: "EAUTH", command: "AUTH PLAIN" },
    ];
    for (const fields of unreachable)
      expect(classifySmtpFailure(smtpError(fields)), JSON.stringify(fields)).toMatchObject({
        ok: false,
        retryable: true,
      });
  });

  it("a connection that dies mid-session (after DATA may have gone) is uncertain: never resent", async () => {
    const closed = smtpError({
      code: "ECONNECTION",
      command: "CONN",
      message: "Connection closed unexpectedly",
    });
    const result = await smtpEmailDriver("b@example.org", fakeTransport(closed).transport).send(message);
    expect(result).toMatchObject({ ok: false, retryable: false, uncertain: true });
    for (const fields of [
      { code: "ETIMEDOUT", timeoutType: "SOCKET_TIMEOUT", command: "CONN" },
      { code: "ESOCKET", originalCode: "ECONNRESET", command: "CONN" },
      {},
    ])
      expect(classifySmtpFailure(smtpError(fields))).toMatchObject({ retryable: false, uncertain: true });
  });

  it("a recipient the server rejected without throwing is a permanent failure", async () => {
    const { transport } = fakeTransport({ messageId: "<x@mail>", rejected: [message.to] });
    expect(await smtpEmailDriver("b@example.org", transport).send(message)).toMatchObject({
      ok: false,
      retryable: false,
    });
  });

  it("is built from SMTP_URL without connecting anywhere", () => {
    const config = loadConfig({
      BARAZA_EMAIL_DRIVER: "smtp",
      SMTP_URL: "smtp://user:p%40ss@127.0.0.1:2525",
      BARAZA_EMAIL_FROM: "baraza@example.org",
    });
    const log = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Deps["log"];
    expect(emailDriverFromConfig(config, log).name).toBe("smtp");
    expect(emailDriverFromConfig(loadConfig({}), log).name).toBe("console");
  });
});

describe("the console email driver", () => {
  it("logs the subject and a masked address, never the body", async () => {
    const lines: string[] = [];
    const log = { info: (line: string) => lines.push(line) } as unknown as Deps["log"];
    await consoleEmailDriver(log).send({
      to: "amina.otieno@example.org",
      subject: "Baraza: case C-7 assigned to your unit",
      body: "Place: Kaptembwo, secret body text",
    });
    expect(lines).toEqual(["Email to a•••@example.org: Baraza: case C-7 assigned to your unit"]);
    expect(maskEmail("not-an-address")).toBe("•••");
  });
});
