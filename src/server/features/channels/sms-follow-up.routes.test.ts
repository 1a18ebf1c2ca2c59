// A second SMS from the same number: an addition only when the resident says so (ADD / ONGEZA) or
// when it plainly continues the report just sent; otherwise a new report with its own reference.
// Through real HTTP, the real worker and the staff inbox that shows the additions.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, seedTwoCounties, signedIn } from "../../test/fixtures.ts";
import { type ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { reportAdditions, reports } from "../reports/reports.table.ts";
import { AT_SMS_PATH, atSms, postForm } from "./gateway-requests.fixture.ts";
import { inboundMessages } from "./inbound.table.ts";

let server: TestServer;
let monitor: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  const fx = await seedTwoCounties(server.deps);
  await makeUser(server.deps, "monitor.follow@test.ke", ["monitor"], [fx.riftOrgId, fx.coastOrgId], ["ke"]);
  monitor = await signedIn(server, "monitor.follow@test.ke");
});
afterAll(() => server?.close());

let nextPhone = 712_400_100;
const newPhone = () => `+254${nextPhone++}`;
const sentTo = (phone: string) => server.sms.sent.filter((m) => m.to === phone).map((m) => m.body);

/** Sends one SMS, lets the worker handle it, and returns what became of it. */
async function sms(from: string, text: string) {
  const message = atSms({ from, text });
  expect((await postForm(server.url, AT_SMS_PATH, message)).status).toBe(200);
  await server.worker.drain();
  const [inbound] = await server.deps.db
    .select()
    .from(inboundMessages)
    .where(eq(inboundMessages.externalId, message.id as string));
  const [report] = inbound?.reportId
    ? await server.deps.db.select().from(reports).where(eq(reports.id, inbound.reportId))
    : [];
  return { outcome: inbound?.outcome, report, reply: sentTo(from).at(-1) ?? "" };
}

const additionsOf = async (reportId: string) =>
  (await server.deps.db.select().from(reportAdditions).where(eq(reportAdditions.reportId, reportId))).map(
    (a) => a.text,
  );

describe("a second SMS from the same number", () => {
  it("about another incident in another place, 30 minutes later, is a new report with its own reference", async () => {
    const from = newPhone();
    const first = await sms(from, "Fighting at Kangemi stage, two people hurt");
    server.clock.advance(30 * 60_000);
    const second = await sms(from, "Another incident: gunshots in Kawangware");
    expect(second.outcome).toBe("report");
    expect(second.report?.id).not.toBe(first.report?.id);
    expect(second.report?.text).toBe("Another incident: gunshots in Kawangware");
    expect(await additionsOf(first.report?.id as string)).toEqual([]);
    // The reply says what was done and how to change it.
    expect(second.reply).toMatch(
      new RegExp(
        `^Baraza: saved as a NEW report, code ${second.report?.reference} PIN \\d{6}\\. If it is about ${first.report?.reference}, send ADD ${first.report?.reference} and your text instead\\.$`,
      ),
    );
  });

  it("that names a new place without saying 'another' is a new report too", async () => {
    const from = newPhone();
    const first = await sms(from, "Fighting at Kangemi stage, two people hurt");
    server.clock.advance(5 * 60_000);
    const second = await sms(from, "Gunshots in Kawangware now");
    expect(second.outcome).toBe("report");
    expect(second.report?.id).not.toBe(first.report?.id);
  });

  it("that plainly continues the report is added, and the reply says how to make it a new report", async () => {
    const from = newPhone();
    const first = await sms(from, "Fighting at Kangemi stage, two people hurt");
    server.clock.advance(5 * 60_000);
    const more = await sms(from, "Also they took two phones");
    expect(more).toMatchObject({ outcome: "addition", report: { id: first.report?.id } });
    expect(more.reply).toBe(
      `Baraza: added to report ${first.report?.reference}. If this is a new incident, send it again starting with NEW.`,
    );
    // The escape is real: NEW makes a report of it even inside the window.
    const again = await sms(from, "NEW also they took two phones");
    expect(again.outcome).toBe("report");
    expect(again.report?.id).not.toBe(first.report?.id);
  });

  it("ADD <code> adds to the named report from the reporting phone, any case, with or without the hyphen, at any time", async () => {
    const from = newPhone();
    const first = await sms(from, "Fighting at Kangemi stage, two people hurt");
    const reference = first.report?.reference as string;
    server.clock.advance(3 * 60 * 60_000);
    const added = await sms(
      from,
      `add ${reference.replace("-", "").toLowerCase()} Gunshots in Kawangware too`,
    );
    const ongeza = await sms(from, `ONGEZA ${reference} wamekimbia mtoni`);
    expect(added).toMatchObject({ outcome: "addition", report: { id: first.report?.id } });
    expect(ongeza.reply).toBe(
      `Baraza: tumeongeza kwenye ripoti ${reference}. Kama ni tukio jipya, ituma tena ukianza na MPYA.`,
    );
    expect(await additionsOf(first.report?.id as string)).toEqual([
      "Gunshots in Kawangware too",
      "wamekimbia mtoni",
    ]);
  });

  it("ADD from another phone needs the PIN, and without it answers as for an unknown code", async () => {
    const from = newPhone();
    const first = await sms(from, "Fighting at Kangemi stage, two people hurt");
    const reference = first.report?.reference as string;
    const pin = /PIN (\d{6})/.exec(first.reply)?.[1] as string;
    const stranger = newPhone();
    const refused = await sms(stranger, `ADD ${reference} they came back`);
    const unknown = await sms(stranger, "ADD BRZ-ZZZZZ they came back");
    expect(refused.reply).toBe(unknown.reply);
    expect(refused.reply).toMatch(/^Baraza: we could not match that code and PIN\./);
    const withPin = await sms(stranger, `ADD ${reference} ${pin} they came back`);
    expect(withPin).toMatchObject({ outcome: "addition", report: { id: first.report?.id } });
    expect(await additionsOf(first.report?.id as string)).toEqual(["they came back"]);
  });

  it("shows the additions and their count in the staff inbox and on the report", async () => {
    const from = newPhone();
    const first = await sms(from, "Fighting at Kangemi stage, two people hurt");
    const reference = first.report?.reference as string;
    await sms(from, `ADD ${reference} one of them had a red cap`);
    server.clock.advance(1000);
    await sms(from, `ADD ${reference} they went towards the river`);
    const list = await monitor.get("/api/reports?channel=sms&pageSize=100");
    expect(list.status).toBe(200);
    const item = list.body.reports.find((r: { reference: string }) => r.reference === reference);
    expect(item?.additionsCount).toBe(2);
    const detail = await monitor.get(`/api/reports/${first.report?.id}`);
    expect(detail.body.report.additions.map((a: { text: string }) => a.text)).toEqual([
      "one of them had a red cap",
      "they went towards the river",
    ]);
  });
});
