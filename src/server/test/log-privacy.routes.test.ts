// No log line holds what residents wrote or who they are (issue 12, finding 4): the error paths are
// driven through real HTTP with a resident's name, number and e-mail in the text and the contact
// fields, while every line the server logs is captured; none may hold them in any format, nor a
// sealed value from the vault.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AT_SMS_PATH,
  AT_USSD_PATH,
  atSms,
  atUssd,
  postForm,
  TWILIO_SMS_PATH,
  twilioSignatureHeader,
  twilioSms,
} from "../features/channels/gateway-requests.fixture.ts";
import { failReportInserts, type InjectedFailure } from "./db-failures.fixture.ts";
import { seedTwoCounties } from "./fixtures.ts";
import { ApiClient, startTestServer, type TestServer } from "./harness.ts";

const TOKEN = "callback-token-for-log-tests-0123456789";
const TWILIO_TOKEN = "twilio-token-for-log-tests";
const PUBLIC_URL = "https://baraza.example.org";
const FAIL = "[log-fail]";

const NAME = "Grace Wambui";
const PHONE = "+254722123456";
const EMAIL = "grace.w@example.com";
const TEXT = `Mimi ni ${NAME}, nipigie 0722 123 456 au ${EMAIL}. Wezi Kawangware sokoni`;
/** Everything that must never be logged: the name, the number as residents and gateways write it, the e-mail. */
const FORBIDDEN = [
  "Grace",
  "Wambui",
  "722123456",
  "722 123 456",
  "722-123-456",
  "grace.w",
  "example.com",
  "Kawangware sokoni",
  "v1:dev:",
];

const lines: string[] = [];
let server: TestServer;
let failing: InjectedFailure;
beforeAll(async () => {
  server = await startTestServer(
    { BARAZA_CHANNEL_TOKEN: TOKEN, TWILIO_AUTH_TOKEN: TWILIO_TOKEN, BARAZA_PUBLIC_URL: PUBLIC_URL },
    { logLines: lines },
  );
  await seedTwoCounties(server.deps);
  // Every insert of a report whose text holds the marker fails, quoting the text, as PostgreSQL does.
  failing = await failReportInserts(server.deps, {
    marker: FAIL,
    sqlState: "22P02",
    message: 'invalid input syntax for type integer: "%s"',
  });
});
afterAll(async () => {
  await failing?.stop();
  await server?.close();
});

const at = (path: string) => `${path}?token=${TOKEN}`;
const webForm = (fields: Record<string, string>) =>
  fetch(`${server.url}/report`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ step: "send", lang: "en", county: "c:032", ...fields }).toString(),
  });

describe("what the server logs on its error paths", () => {
  it("never holds a resident's name, number, e-mail, text or a sealed value", async () => {
    // Gateway callbacks: a NUL in the text and the id, a failing one, refused ones.
    // The failing one first: a later message from the same number could otherwise be taken as
    // an addition to the earlier report, and never reach the insert that fails.
    const sms = [
      atSms({ from: PHONE, text: `${TEXT} ${FAIL}` }),
      atSms({ from: PHONE, text: `${TEXT}\u0000`, id: `nul\u0000${randomUUID()}` }),
    ];
    for (const fields of sms) {
      expect((await postForm(server.url, at(AT_SMS_PATH), fields)).status).toBe(200);
      server.clock.advance(1000);
    }
    expect((await postForm(server.url, AT_SMS_PATH, atSms({ from: PHONE, text: TEXT }))).status).toBe(403);
    const { id: _id, ...withoutId } = atSms({ from: PHONE, text: TEXT });
    expect((await postForm(server.url, at(AT_SMS_PATH), withoutId)).status).toBe(400);
    const twilio = twilioSms({ from: PHONE, body: `${TEXT} ${FAIL}` });
    expect(
      (await postForm(server.url, TWILIO_SMS_PATH, twilio, { "x-twilio-signature": "forged" })).status,
    ).toBe(403);
    const signed = twilioSignatureHeader(TWILIO_TOKEN, `${PUBLIC_URL}${TWILIO_SMS_PATH}`, twilio);
    expect((await postForm(server.url, TWILIO_SMS_PATH, twilio, signed)).status).toBe(200);

    // A USSD report whose storing fails: a 500 from a failing database call inside a route.
    const session = `ATUid_${randomUUID()}`;
    // The description is the menu's last step, after when, contact and the confirmation.
    const inputs = ["1", "1", "2", "nairobi", "kayole", "1", "2", "1", `${TEXT} ${FAIL}`];
    let last = 0;
    for (let hop = 0; hop <= inputs.length; hop++)
      last = (
        await postForm(server.url, at(AT_USSD_PATH), atUssd(session, PHONE, inputs.slice(0, hop).join("*")))
      ).status;
    expect(last).toBe(500);

    // The web form: a NUL, and a failing insert, with the contact fields filled in.
    const contact = { phone: "0722123456", name: NAME, consent: "yes" };
    await webForm({ text: `${TEXT}\u0000`, ...contact });
    await webForm({ text: `${TEXT} ${FAIL}`, ...contact });

    // Staff API: a wrong password and a body that is not JSON, both naming the e-mail.
    const api = new ApiClient(server.url);
    await api.login(EMAIL, `${NAME} 0722123456`);
    await api.request("POST", "/api/auth/login", `{"email":"${EMAIL}", "password": 0722123456`);

    // The worker: the failing SMS is logged as not processed; the others become reports.
    await server.worker.drain();

    expect(lines.some((line) => line.includes("unhandled error"))).toBe(true);
    expect(lines.some((line) => line.includes("inbound SMS not processed"))).toBe(true);
    const leaks = lines.flatMap((line) =>
      FORBIDDEN.filter((secret) => line.includes(secret)).map(
        (secret) => `${secret} in: ${line.slice(0, 300)}`,
      ),
    );
    if (process.env.DUMP_LOG) console.log(lines.join("\n"));
    expect(leaks).toEqual([]);
  });
});
