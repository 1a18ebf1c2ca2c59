// Hostile bytes in every field of every gateway callback (issue 12, "Hostile input"): NUL and other
// controls, lone surrogates, invalid UTF-8 escapes, huge, missing, repeated and unknown fields, odd
// charsets. The server never answers 5xx, and every callback it acknowledged is, once the worker
// has run, a report or an answered message: nothing acknowledged is left unprocessed or failed.
//
// The routes are a table: a new gateway route (delivery reports...) adds a row. Runs are few and
// the seed fixed, so that the test is quick and repeatable; BARAZA_FUZZ_RUNS=2000 (with
// BARAZA_FUZZ_SEED to vary it) runs a long variant.
import { randomUUID } from "node:crypto";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { PHONE_INDEX_PURPOSE, PHONE_SEAL_PURPOSE } from "../messaging/outbox.service.ts";
import { outboundMessages } from "../messaging/outbox.table.ts";
import { AT_DELIVERY_PATH, TWILIO_STATUS_PATH } from "../messaging/sms-drivers.ts";
import { atInboundSmsSchema, atUssdSchema } from "./africastalking.ts";
import { cleanCallbackFields } from "./callback-fields.ts";
import { charsetOf, type FormFields, parseFormBody } from "./form-body.ts";
import {
  AT_SMS_PATH,
  AT_USSD_PATH,
  atSms,
  atUssd,
  TWILIO_SMS_PATH,
  twilioSms,
} from "./gateway-requests.fixture.ts";
import { INBOUND_PAYLOAD_PURPOSE } from "./inbound.service.ts";
import { inboundMessages } from "./inbound.table.ts";
import { computeTwilioSignature, twilioInboundSchema } from "./twilio.ts";

const RUNS = Number(process.env.BARAZA_FUZZ_RUNS ?? 25);
const SEED = Number(process.env.BARAZA_FUZZ_SEED ?? 20261208);
const TWILIO_TOKEN = "twilio-token-for-fuzz-tests";
const PUBLIC_URL = "https://baraza.example.org";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TWILIO_AUTH_TOKEN: TWILIO_TOKEN, BARAZA_PUBLIC_URL: PUBLIC_URL });
  await seedDeliveredSms();
});
afterAll(() => server?.close());

// ---- hostile values, already form-encoded ----

const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
/** Every byte escaped; a lone surrogate becomes what a UTF-8 encoder makes of it. */
const escapeUtf8 = (text: string) => [...Buffer.from(text, "utf8")].map(hex).join("");

const fragment = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "\uD800",
    "\uDFFF",
    "\u202E",
    "\u0007",
    "\u001B",
    "\u0085",
    "\uFEFF",
    "*",
    "#",
    "&",
    "=",
    "+",
    "%",
    "\r\n",
    "🔥",
    "Kayole",
    "STATUS BRZ-7KX2",
    " ",
  ),
  fc.string({ unit: "binary", maxLength: 12 }),
);
const hostileText = fc.array(fragment, { maxLength: 10 }).map((parts) => parts.join(""));
const encodedValue = fc.oneof(
  { weight: 5, arbitrary: hostileText.map(escapeUtf8) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 16 }).map((bytes) => [...bytes].map(hex).join("")) },
  { weight: 2, arbitrary: fc.constantFrom("%", "%Z", "%4", "%%41", "%ED%A0%80", "%C0%AF", "%FF%FE", "%00") },
);

type Mutation = "keep" | "hostile" | "embed" | "drop" | "repeat" | "huge" | "empty";
const mutation = fc.constantFrom<Mutation>(
  "keep",
  "keep",
  "hostile",
  "embed",
  "embed",
  "drop",
  "repeat",
  "huge",
  "empty",
);

interface Hostile {
  mutations: Mutation[];
  values: string[];
  hugeLength: number;
  extra: [string, string][];
  charset: string | undefined;
}
const hostile = (fieldCount: number) =>
  fc.record({
    mutations: fc.array(mutation, { minLength: fieldCount, maxLength: fieldCount }),
    values: fc.array(encodedValue, { minLength: fieldCount, maxLength: fieldCount }),
    hugeLength: fc.integer({ min: 1_000, max: 120_000 }),
    extra: fc.array(fc.tuple(encodedValue, encodedValue), { maxLength: 3 }),
    charset: fc.constantFrom(undefined, "utf-8", "iso-8859-1", "utf-16", "bogus-charset", "windows-1252"),
  });

// ---- the routes ----

interface FuzzRoute {
  name: string;
  path: string;
  /** A well-formed callback, fresh for each run (its own sender and ids). */
  base(): Record<string, string>;
  /** How a hostile value is embedded in a field (e.g. inside a USSD menu path); default: appended. */
  embed?: Partial<Record<string, (encodedHostile: string) => string>>;
  /** Headers that depend on the parameters as the server will read them (Twilio's signature). */
  headers?(params: FormFields): Record<string, string>;
  /** After the worker ran: what the acknowledged callback became. */
  verify(fields: FormFields, text: string): Promise<void>;
}

let nextPhone = 713_900_000;

const ROUTES: FuzzRoute[] = [
  {
    name: "Africa's Talking SMS",
    path: AT_SMS_PATH,
    base: () => atSms({ from: `+254${nextPhone++}`, text: "Wizi Kayole usiku" }),
    async verify(fields) {
      const sms = atInboundSmsSchema.parse(cleanCallbackFields(fields, ["text"]));
      await expectAnswered("africastalking", sms.id);
    },
  },
  {
    name: "Twilio SMS",
    path: TWILIO_SMS_PATH,
    base: () => twilioSms({ from: `+254${nextPhone++}`, body: "Vurugu Likoni feri" }),
    headers: (params) => ({
      "x-twilio-signature": computeTwilioSignature(TWILIO_TOKEN, `${PUBLIC_URL}${TWILIO_SMS_PATH}`, params),
    }),
    async verify(fields) {
      const message = twilioInboundSchema.parse(cleanCallbackFields(fields, ["Body"]));
      await expectAnswered("twilio", message.MessageSid);
    },
  },
  {
    name: "Africa's Talking USSD",
    path: AT_USSD_PATH,
    base: () =>
      atUssd(`ATUid_${randomUUID()}`, `+254${nextPhone++}`, "1*1*2*nairobi*kayole*1*1*1*Fight at stage"),
    // The description is the menu's last step: everything after the path is kept as typed.
    embed: { text: (h) => `1*1*2*nairobi*kayole*1*1*1*Fight${h}` },
    async verify(fields, text) {
      expect(text).toMatch(/^(CON|END) /);
      if (!/^END .*(Report sent|Ripoti imetumwa)/s.test(text)) return;
      const session = atUssdSchema.parse(cleanCallbackFields(fields));
      const [row] = await server.deps.db
        .select()
        .from(inboundMessages)
        .where(eq(inboundMessages.externalId, `ussd:${session.sessionId}`));
      expect(row?.reportId, "a USSD session told 'sent' has its report").toBeTruthy();
    },
  },
  {
    name: "Africa's Talking delivery report",
    path: AT_DELIVERY_PATH,
    base: () => ({
      id: DELIVERED.africastalking,
      status: "Failed",
      failureReason: "UserInBlacklist",
      phoneNumber: `+254${nextPhone++}`,
      networkCode: "63902",
      retryCount: "0",
    }),
    verify: () => expectStillDelivered("africastalking"),
  },
  {
    name: "Twilio status callback",
    path: TWILIO_STATUS_PATH,
    base: () => ({
      MessageSid: DELIVERED.twilio,
      MessageStatus: "undelivered",
      ErrorCode: "30003",
      AccountSid: "AC0123456789abcdef0123456789abcdef",
      To: `+254${nextPhone++}`,
    }),
    headers: (params) => ({
      "x-twilio-signature": computeTwilioSignature(
        TWILIO_TOKEN,
        `${PUBLIC_URL}${TWILIO_STATUS_PATH}`,
        params,
      ),
    }),
    verify: () => expectStillDelivered("twilio"),
  },
];

/** One SMS per gateway that the gateway already reported delivered: a final word no later report may undo. */
const DELIVERED = { africastalking: "ATXid_fuzz_delivered", twilio: "SMfuzzdelivered0000000000000000000" };

async function seedDeliveredSms(): Promise<void> {
  const { vault } = server.deps;
  for (const [provider, providerMessageId] of Object.entries(DELIVERED)) {
    const phone = `+254${nextPhone++}`;
    await server.deps.db.insert(outboundMessages).values({
      channel: "sms",
      recipientSealed: vault.encrypt(PHONE_SEAL_PURPOSE, phone),
      recipientIndex: vault.blindIndex(PHONE_INDEX_PURPOSE, phone),
      body: "Baraza: fuzz",
      purpose: "report.receipt",
      status: "sent",
      nextAttemptAt: server.clock.now(),
      createdAt: server.clock.now(),
      sentAt: server.clock.now(),
      provider,
      providerMessageId,
      deliveryOutcome: "delivered",
      deliveryStatus: "delivered",
      deliveryReportedAt: server.clock.now(),
    });
  }
}

async function expectStillDelivered(provider: keyof typeof DELIVERED): Promise<void> {
  const [row] = await server.deps.db
    .select()
    .from(outboundMessages)
    .where(eq(outboundMessages.providerMessageId, DELIVERED[provider]));
  expect(row?.status, "a delivered SMS stays sent").toBe("sent");
  expect(row?.deliveryOutcome, "and delivered, whatever arrives later").toBe("delivered");
}

const REPLY_OUTCOMES = ["status", "stop", "start", "help", "empty", "too_long"];

/** The stored SMS was processed into a report, or answered when it has a number to answer. */
async function expectAnswered(gateway: string, externalId: string): Promise<void> {
  const [row] = await server.deps.db
    .select()
    .from(inboundMessages)
    .where(and(eq(inboundMessages.gateway, gateway), eq(inboundMessages.externalId, externalId)));
  expect(row, "an acknowledged SMS is stored").toBeDefined();
  if (!row) return;
  expect(row.processedAt, "and processed").not.toBeNull();
  expect(row.outcome, `and not failed (${row.lastError})`).not.toBe("failed");
  if (row.outcome === "report" || row.outcome === "addition") expect(row.reportId).toBeTruthy();
  const payload = JSON.parse(server.deps.vault.decrypt(INBOUND_PAYLOAD_PURPOSE, row.payloadSealed));
  if (payload.phone && (row.outcome === "report" || REPLY_OUTCOMES.includes(row.outcome ?? ""))) {
    const replies = await server.deps.db
      .select({ id: outboundMessages.id })
      .from(outboundMessages)
      .where(eq(outboundMessages.dedupeKey, `reply:${row.id}`));
    expect(replies, `a reply to the ${row.outcome}`).toHaveLength(1);
  }
}

/** The form body: each field kept, changed, dropped, repeated or made huge; unknown ones added. */
function hostileBody(route: FuzzRoute, h: Hostile): Buffer {
  const pairs: string[] = [];
  Object.entries(route.base()).forEach(([name, value], i) => {
    const kept = encodeURIComponent(value);
    const bad = h.values[i] ?? "";
    const embedded = route.embed?.[name]?.(bad) ?? `${kept}${bad}`;
    const values: Record<Mutation, string[]> = {
      keep: [kept],
      hostile: [bad],
      embed: [embedded],
      drop: [],
      repeat: [embedded, kept],
      huge: [`${kept}${"x".repeat(h.hugeLength)}`],
      empty: [""],
    };
    for (const v of values[h.mutations[i] ?? "keep"]) pairs.push(`${name}=${v}`);
  });
  for (const [name, value] of h.extra) pairs.push(`${name}=${value}`);
  return Buffer.from(pairs.join("&"), "latin1");
}

async function post(route: FuzzRoute, body: Buffer, charset: string | undefined) {
  const contentType = `application/x-www-form-urlencoded${charset ? `; charset=${charset}` : ""}`;
  const params = parseFormBody(body, charsetOf(contentType));
  const res = await fetch(`${server.url}${route.path}`, {
    method: "POST",
    headers: { "content-type": contentType, ...route.headers?.(params) },
    body: new Uint8Array(body),
  });
  return { status: res.status, text: await res.text(), params };
}

describe("gateway callbacks with hostile bytes", () => {
  for (const route of ROUTES) {
    it(`${route.name}: never a 5xx, and what it acknowledges is acted on as promised`, async () => {
      const fieldCount = Object.keys(route.base()).length;
      let acknowledged = 0;
      await fc.assert(
        fc.asyncProperty(hostile(fieldCount), async (h) => {
          // A new hour: no follow-up window or sender limit carries over from the previous run.
          server.clock.advance(61 * 60_000);
          const res = await post(route, hostileBody(route, h), h.charset);
          expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
          if (res.status !== 200) {
            expect(res.status).toBeGreaterThanOrEqual(400);
            return;
          }
          acknowledged++;
          await server.worker.drain();
          await route.verify(res.params, res.text);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      // Most hostile callbacks can still be stored, so most runs check the way through the worker.
      expect(acknowledged).toBeGreaterThan(RUNS / 2);
      // Nothing acknowledged is left behind, whatever the runs above checked one by one.
      const [left] = await server.deps.db
        .select({ n: sql<number>`count(*)::int` })
        .from(inboundMessages)
        .where(or(isNull(inboundMessages.processedAt), eq(inboundMessages.outcome, "failed")));
      expect(left?.n).toBe(0);
    });
  }
});
