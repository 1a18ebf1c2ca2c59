// What a resident is told about their report as its case moves, through every channel they can ask
// on: SMS STATUS (HALI in Kiswahili), the USSD status screen and the /follow-up page, in English
// and Kiswahili. At each step all three say the same resident status, and none of them ever shows
// who is responding (name, unit, case number) or what responders wrote on the case.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ResidentStatus, statusMessage } from "../../../common/messages.ts";
import type { Locale } from "../../../common/taxonomy.ts";
import { inTransaction } from "../../deps.ts";
import type { ApiClient, TestServer } from "../../test/harness.ts";
import { AT_SMS_PATH, AT_USSD_PATH, atSms, atUssd, postForm } from "../channels/gateway-requests.fixture.ts";
import { submitReport } from "../reports/reports.service.ts";
import { caseReports } from "./cases.table.ts";
import { KAPTEMBWO, startWithOfficerAndOcs } from "./cases-test.fixture.ts";

let server: TestServer;
let officer: ApiClient;
let ocs: ApiClient;

beforeAll(async () => {
  ({ server, officer, ocs } = await startWithOfficerAndOcs());
});
afterAll(() => server?.close());

const NOTES = {
  acknowledge: "Constable Wanjiru on her way, informer says the gang is from Rhonda",
  action: "Sgt Kiprop arrested two suspects; the victim's brother identified them",
  resolve: "Suspects charged at Nakuru law courts; complainant to testify on Monday",
};

let nextPhone = 722_600_100;

/** The SMS STATUS reply (HALI in Kiswahili), with the PIN, to a number that has never written before. */
async function smsStatus(reference: string, pin: string, locale: Locale): Promise<string> {
  const asker = `+254${nextPhone++}`;
  const keyword = locale === "sw" ? "HALI" : "STATUS";
  const res = await postForm(
    server.url,
    AT_SMS_PATH,
    atSms({ from: asker, text: `${keyword} ${reference} ${pin}` }),
  );
  expect(res.status).toBe(200);
  await server.worker.drain();
  const replies = server.sms.sent.filter((m) => m.to === asker).map((m) => m.body);
  expect(replies).toHaveLength(1);
  return replies[0] as string;
}

/** The last USSD screen of "check a report" with the PIN, in the chosen language (1 English, 2 Kiswahili). */
async function ussdStatus(reference: string, pin: string, locale: Locale): Promise<string> {
  const sessionId = `ATUid_${randomUUID()}`;
  const inputs = [locale === "sw" ? "2" : "1", "2", reference.replace("-", ""), pin];
  let last = "";
  for (let hop = 0; hop <= inputs.length; hop++) {
    const res = await postForm(
      server.url,
      AT_USSD_PATH,
      atUssd(sessionId, `+254${nextPhone++}`, inputs.slice(0, hop).join("*")),
    );
    expect(res.status).toBe(200);
    last = res.text;
  }
  return last;
}

/** The status line of the /follow-up page, opened with the reference and PIN. */
async function followUpStatus(reference: string, pin: string, locale: Locale): Promise<string> {
  const res = await postForm(server.url, "/follow-up", { reference, pin, lang: locale });
  expect(res.status).toBe(200);
  return res.text;
}

const statusLine = (html: string) => /<p id="status"><strong>([^<]*)<\/strong><\/p>/.exec(html)?.[1];

describe("a resident following their report through its case", () => {
  it("sees the matching status by SMS, USSD and /follow-up at every step, never who responds or their notes", async () => {
    const report = await inTransaction(server.deps, (tx) =>
      submitReport(tx, {
        channel: "web",
        locale: "en",
        text: "A gang is attacking shops with pangas at Kaptembwo market",
        withPin: true,
      }),
    );
    const { reference } = report;
    const pin = report.pin as string;
    await server.worker.drain();
    const hidden = [
      "Kaptembwo Police Station",
      "Kaptembwo Chief",
      "ocs.nakuru",
      "supervisor.nakuru",
      "chief.kaptembwo",
      "po.nakuru",
      "CASE-",
      ...Object.values(NOTES),
    ];

    const residentSees = async (expected: ResidentStatus) => {
      for (const locale of ["en", "sw"] as const) {
        const line = statusMessage(locale, reference, expected);
        const seen = {
          sms: await smsStatus(reference, pin, locale),
          ussd: await ussdStatus(reference, pin, locale),
          followUp: await followUpStatus(reference, pin, locale),
        };
        expect(seen.sms, `SMS ${locale} at ${expected}`).toBe(line);
        expect(seen.ussd, `USSD ${locale} at ${expected}`).toBe(`END ${line}`);
        expect(statusLine(seen.followUp), `/follow-up ${locale} at ${expected}`).toBe(line);
        for (const text of Object.values(seen))
          for (const secret of hidden) expect(text, `${expected} ${locale}`).not.toContain(secret);
      }
    };

    // Triage has run (the report is `triaged`), but no person has looked at it yet.
    await residentSees("received");

    const corrected = await officer.post(`/api/reports/${report.id}/correct`, {
      placeId: KAPTEMBWO,
      category: "gang_crime",
      urgency: "emergency",
    });
    expect(corrected.status).toBe(200);
    await residentSees("in_review");
    expect((await officer.post(`/api/reports/${report.id}/verify`, {})).status).toBe(200);
    const [joined] = await server.deps.db
      .select({ caseId: caseReports.caseId })
      .from(caseReports)
      .where(eq(caseReports.reportId, report.id));
    const caseId = joined?.caseId as string;
    expect(caseId).toBeTruthy();
    await residentSees("case_open");

    const move = async (path: string, body: object) => {
      const res = await ocs.post(`/api/cases/${caseId}/${path}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.case;
    };
    expect(await move("transitions", { action: "acknowledge", notes: NOTES.acknowledge })).toMatchObject({
      status: "acknowledged",
    });
    await residentSees("case_open");

    expect(await move("actions", { notes: NOTES.action })).toMatchObject({ status: "in_progress" });
    await residentSees("case_in_progress");

    const resolved = await move("transitions", { action: "resolve", notes: NOTES.resolve });
    expect(resolved).toMatchObject({ status: "resolved" });
    // The notes are on the case, for staff; the resident's channels showed none of them above.
    expect(resolved.timeline.map((e: { notes: string | null }) => e.notes)).toEqual(
      expect.arrayContaining(Object.values(NOTES)),
    );
    await residentSees("case_resolved");
  });
});
