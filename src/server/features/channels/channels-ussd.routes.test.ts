// Africa's Talking USSD sessions through real HTTP: whole journeys, what is stored, retries.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gsm7Length, t } from "../../../common/messages.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { places } from "../places/places.table.ts";
import { reports } from "../reports/reports.table.ts";
import { USSD_HARD_CAP } from "./africastalking.ts";
import { AT_USSD_PATH, atUssd, errorFields, postForm } from "./gateway-requests.fixture.ts";
import { INBOUND_PAYLOAD_PURPOSE } from "./inbound.service.ts";
import { inboundMessages } from "./inbound.table.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const PHONE = "+254733100200";
const PHONE_DIGITS = "733100200";

/** Plays a session hop by hop as the gateway does, checking every screen; returns the last answer. */
async function playSession(inputs: string[], phone = PHONE, sessionId = `ATUid_${randomUUID()}`) {
  const screens: string[] = [];
  for (let hop = 0; hop <= inputs.length; hop++) {
    const res = await postForm(
      server.url,
      AT_USSD_PATH,
      atUssd(sessionId, phone, inputs.slice(0, hop).join("*")),
    );
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^(CON|END) /);
    expect(gsm7Length(res.text.slice(4))).toBeLessThanOrEqual(USSD_HARD_CAP);
    screens.push(res.text);
  }
  return { sessionId, screens, last: screens.at(-1) as string };
}

const referenceIn = (screen: string) => /BRZ-[0-9A-Z]{4,5}/.exec(screen)?.[0] as string;
const reportByReference = async (reference: string) =>
  (await server.deps.db.select().from(reports).where(eq(reports.reference, reference)))[0];
const inboundOfSession = async (sessionId: string) =>
  server.deps.db
    .select()
    .from(inboundMessages)
    .where(eq(inboundMessages.externalId, `ussd:${sessionId}`));

describe("USSD reporting", () => {
  it("an anonymous Kiswahili report keeps no phone number anywhere and answers with its reference", async () => {
    // Kiswahili, report, gangs, Nairobi typed, Kayole typed, today, anonymous, continue, a description.
    const { sessionId, screens, last } = await playSession([
      "2",
      "1",
      "2",
      "nairobi",
      "kayole",
      "1",
      "1",
      "1",
      "Vijana wanaibia watu simu stage ya Kayole",
    ]);
    expect(screens[0]).toMatch(/^CON Baraza: report safely\nChagua lugha/);
    expect(screens[4]).toMatch(/^CON Wapi ndani ya Nairobi\?/);
    expect(last).toMatch(/^END Asante\. Ripoti imetumwa\. Nambari BRZ-[0-9A-Z]{5} PIN \d{6}\./);

    const report = await reportByReference(referenceIn(last));
    expect(report).toMatchObject({
      channel: "ussd",
      locale: "sw",
      category: "gang_crime",
      placeId: "l:kayole",
      text: "Vijana wanaibia watu simu stage ya Kayole",
      occurredAtPrecision: "today",
      contactSealed: null,
      reporterIndex: null,
      consentToContact: false,
    });
    const [inbound] = await inboundOfSession(sessionId);
    expect(inbound).toMatchObject({
      kind: "ussd",
      outcome: "report",
      reportId: report?.id,
      senderIndex: null,
    });
    expect(inbound?.processedAt).not.toBeNull();
    const payload = server.deps.vault.decrypt(INBOUND_PAYLOAD_PURPOSE, inbound?.payloadSealed ?? "");
    expect(payload).not.toContain(PHONE_DIGITS);
    const audit = await server.deps.db.execute(
      sql`select after::text as after from audit_log where entity_id = ${report?.id}`,
    );
    expect(JSON.stringify(audit)).not.toContain(PHONE_DIGITS);
  });

  it("a resident who agrees to be contacted has their number kept, sealed, with their consent", async () => {
    const { sessionId, last } = await playSession(["1", "1", "4", "nakuru", "kaptembwo", "2", "2", "1", "0"]);
    expect(last).toMatch(/^END Thank you\. Report sent\. Code BRZ-[0-9A-Z]{5} PIN \d{6}\./);
    const report = await reportByReference(referenceIn(last));
    expect(report).toMatchObject({ locale: "en", category: "police_misconduct", placeId: "l:kaptembwo" });
    expect(report).toMatchObject({ consentToContact: true, occurredAtPrecision: "yesterday" });
    expect(report?.contactSealed).not.toContain(PHONE_DIGITS);
    expect(server.deps.vault.decrypt("reporter.phone", report?.contactSealed ?? "")).toBe(PHONE);
    // Without a description, what the resident said is the category they chose.
    expect(report?.text).toBe("Police abuse or bribes");
    const [inbound] = await inboundOfSession(sessionId);
    expect(inbound?.senderIndex).toBe(report?.reporterIndex);
  });

  it("a gateway repeating the final request gets the same reference, and only one report exists", async () => {
    const sessionId = `ATUid_${randomUUID()}`;
    const final = atUssd(sessionId, PHONE, "1*1*1*mombasa*8*3*1*1*Recruiters at the mosque gate");
    const answers = await Promise.all([1, 2, 3].map(() => postForm(server.url, AT_USSD_PATH, final)));
    const again = await postForm(server.url, AT_USSD_PATH, final);
    const references = new Set([...answers, again].map((a) => referenceIn(a.text)));
    expect(references.size).toBe(1);
    expect(await inboundOfSession(sessionId)).toHaveLength(1);
    const made = await server.deps.db
      .select({ id: reports.id })
      .from(reports)
      .where(eq(reports.text, "Recruiters at the mosque gate"));
    expect(made).toHaveLength(1);
  });

  it("a locality added by an admin can be chosen in the menu", async () => {
    await server.deps.db.insert(places).values({
      id: "l:mlima-mawe-test",
      kind: "locality",
      name: "Mlima Mawe",
      parentId: "c:032",
      path: "ke/c:032/l:mlima-mawe-test",
      countyId: "c:032",
      source: "admin",
    });
    const { screens, last } = await playSession(["1", "1", "2", "nakuru", "mlima mawe", "1", "1", "1", "0"]);
    expect(screens[5]).toMatch(/^CON When did it happen\?/);
    expect((await reportByReference(referenceIn(last)))?.placeId).toBe("l:mlima-mawe-test");
  });

  it("keeps a description with a * in it whole", async () => {
    const { last } = await playSession([
      "1",
      "1",
      "2",
      "nairobi",
      "kibera",
      "1",
      "1",
      "1",
      "Fight at 5*2 junction",
    ]);
    expect((await reportByReference(referenceIn(last)))?.text).toBe("Fight at 5*2 junction");
  });

  it("cancelling sends and stores nothing", async () => {
    const before = await server.deps.db.$count(reports);
    const { sessionId, last } = await playSession(["1", "1", "2", "kisumu", "8", "1", "1", "2"]);
    expect(last).toBe("END Cancelled. Nothing was sent.");
    expect(await server.deps.db.$count(reports)).toBe(before);
    expect(await inboundOfSession(sessionId)).toHaveLength(0);
  });
});

describe("USSD status check", () => {
  it("asks for the PIN, tells the status with it, and answers a wrong PIN exactly as an unknown code", async () => {
    const made = await playSession(["1", "1", "2", "nairobi", "kibera", "1", "1", "1", "0"]);
    const reference = referenceIn(made.last);
    const pin = /PIN (\d{6})/.exec(made.last)?.[1] as string;
    const other = "+254733100299";
    const asked = await playSession(["2", "2", reference.replace("-", "").toLowerCase()], other);
    expect(asked.last).toBe(`CON ${t("sw", "ussdPinPrompt")}\n0 Rudi`);
    const swahili = await playSession(["2", "2", reference.replace("-", "").toLowerCase(), pin], other);
    expect(swahili.last).toBe(`END ${t("sw", "statusReceived", { reference })}`);
    const wrongPin = await playSession(["1", "2", reference, pin === "000000" ? "111111" : "000000"], other);
    const unknown = await playSession(["1", "2", "BRZ7KX2Z", "123456"], other);
    expect(wrongPin.last).toBe(`END ${t("en", "ussdStatusNoMatch")}`);
    expect(unknown.last).toBe(wrongPin.last);
  });

  it("answers the phone that made the report without asking for the PIN", async () => {
    const owner = "+254733100277";
    const made = await playSession(["1", "1", "2", "nairobi", "kibera", "1", "2", "1", "0"], owner);
    const reference = referenceIn(made.last);
    const { last } = await playSession(["1", "2", reference], owner);
    expect(last).toBe(`END ${t("en", "statusReceived", { reference })}`);
  });

  it("asks again when what was typed is not a code", async () => {
    // Letters that read as digits are forgiven ("hello" would be BRZ-HE110), so use a sign.
    const { last } = await playSession(["1", "2", "#"]);
    expect(last).toBe("CON That code is not valid. Enter your report code, for example BRZ-7KX2Q:\n0 Back");
  });
});

describe("malformed USSD callbacks", () => {
  it("a hop missing its session or number is refused with a 400 naming each; the service code is optional", async () => {
    const res = await postForm(server.url, AT_USSD_PATH, { text: "1" });
    expect(res.status).toBe(400);
    const paths = errorFields(res);
    expect(paths).toEqual(["phoneNumber", "sessionId"]);
  });
});
