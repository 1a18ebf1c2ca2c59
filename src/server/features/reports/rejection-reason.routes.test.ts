// A report not taken forward tells the resident WHY, in the words of a reason staff chose from a
// fixed list (never their own free-text reason, which is for staff): on the web /follow-up and by
// SMS STATUS from the reporting phone, in English and Kiswahili, after single and bulk rejections,
// and the newest reason after a report was reopened and rejected again.
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusMessage } from "../../../common/messages.ts";
import { RESIDENT_STATUS_OF_NOT_FORWARD } from "../../../common/resident-status.ts";
import type { Locale } from "../../../common/taxonomy.ts";
import type { ApiClient, TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
import { KAPTEMBWO, startWithOfficerAndOcs } from "../cases/cases-test.fixture.ts";
import { AT_SMS_PATH, atSms, postForm } from "../channels/gateway-requests.fixture.ts";
import { reports } from "./reports.table.ts";
import { reportDecisions } from "./verification.table.ts";

let server: TestServer;
let officer: ApiClient;
beforeAll(async () => {
  ({ server, officer } = await startWithOfficerAndOcs());
});
afterAll(() => server?.close());

let nextPhone = 722_760_100;
const CODE = /BRZ-[0-9A-Z]{5}/;
const STAFF_REASON = "Caller known to staff as a prankster";

async function sms(from: string, text: string): Promise<string> {
  expect((await postForm(server.url, AT_SMS_PATH, atSms({ from, text }))).status).toBe(200);
  await server.worker.drain();
  return server.sms.sent.filter((m) => m.to === from).at(-1)?.body ?? "";
}

interface Reported {
  phone: string;
  reference: string;
  pin: string;
  id: string;
}

/** A report by SMS, triaged and placed in the officer's area so that it can be decided on. */
async function reportBySms(text: string): Promise<Reported> {
  const phone = `+254${nextPhone++}`;
  const receipt = await sms(phone, text);
  const reference = CODE.exec(receipt)?.[0] as string;
  const pin = /PIN (\d{6})/.exec(receipt)?.[1] as string;
  const [row] = await server.deps.db
    .select({ id: reports.id })
    .from(reports)
    .where(eq(reports.reference, reference));
  const id = row?.id as string;
  expect((await officer.post(`/api/reports/${id}/correct`, { placeId: KAPTEMBWO })).status).toBe(200);
  return { phone, reference, pin, id };
}

/** What the resident is told: by SMS from the reporting phone (no PIN) and on the web with the PIN. */
async function residentHears(report: Reported, locale: Locale) {
  const keyword = locale === "sw" ? "HALI" : "STATUS";
  const page = await postForm(server.url, "/follow-up", {
    reference: report.reference,
    pin: report.pin,
    lang: locale,
  });
  return {
    sms: await sms(report.phone, `${keyword} ${report.reference}`),
    web: /<p id="status"><strong>([^<]*)<\/strong><\/p>/.exec(page.text)?.[1],
  };
}

const told = (report: Reported, locale: Locale, reason: keyof typeof RESIDENT_STATUS_OF_NOT_FORWARD) => {
  const line = statusMessage(locale, report.reference, RESIDENT_STATUS_OF_NOT_FORWARD[reason]);
  return { sms: line, web: line };
};

describe("the reason a resident is told when their report is not taken forward", () => {
  it("tells the reason staff chose on the web and by SMS, in English and in Kiswahili, never the staff's own words", async () => {
    const english = await reportBySms("Noise from a bar at Kaptembwo every night");
    const rejected = await officer.post(`/api/reports/${english.id}/reject`, {
      reason: STAFF_REASON,
      residentReason: "not_a_safety_matter",
    });
    expect(rejected.status).toBe(200);
    const heard = await residentHears(english, "en");
    expect(heard).toEqual(told(english, "en", "not_a_safety_matter"));
    expect(heard.sms).toMatch(/not a safety matter/);
    expect(JSON.stringify(heard)).not.toContain("prankster");

    const swahili = await reportBySms("Kuna kelele za baa Kaptembwo kila usiku, hatujui ni lini");
    await officer.post(`/api/reports/${swahili.id}/reject`, {
      reason: STAFF_REASON,
      residentReason: "not_enough_detail",
    });
    const kiswahili = await residentHears(swahili, "sw");
    expect(kiswahili).toEqual(told(swahili, "sw", "not_enough_detail"));
    expect(kiswahili.sms).toMatch(/wapi na lini/);

    const [decision] = await server.deps.db
      .select({ residentReason: reportDecisions.residentReason })
      .from(reportDecisions)
      .where(eq(reportDecisions.reportId, english.id))
      .orderBy(desc(reportDecisions.seq))
      .limit(1);
    expect(decision?.residentReason).toBe("not_a_safety_matter");
    const [audit] = await server.deps.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, "report.reject"), eq(auditLog.entityId, english.id)));
    expect(audit?.after).toMatchObject({ residentReason: "not_a_safety_matter" });
  });

  it("tells 'could not confirm' when staff chose no reason for the resident", async () => {
    const report = await reportBySms("Men with pangas seen near Kaptembwo stage");
    expect((await officer.post(`/api/reports/${report.id}/reject`, { reason: STAFF_REASON })).status).toBe(
      200,
    );
    const heard = await residentHears(report, "en");
    expect(heard).toEqual(told(report, "en", "could_not_confirm"));
    expect(heard.sms).toMatch(/could not confirm/);
  });

  it("refuses a reason not on the list with a 400 naming residentReason, and leaves the report undecided", async () => {
    const report = await reportBySms("Fight at Kaptembwo market this morning");
    const refused = await officer.post(`/api/reports/${report.id}/reject`, {
      reason: STAFF_REASON,
      residentReason: "liar",
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["residentReason"]);
    const bulk = await officer.post("/api/reports/bulk", {
      ids: [report.id],
      action: "reject",
      reason: STAFF_REASON,
      residentReason: "Liar",
    });
    expect(bulk.status).toBe(400);
    expect(bulk.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["residentReason"]);
    const [row] = await server.deps.db.select().from(reports).where(eq(reports.id, report.id));
    expect(row?.status).toBe("triaged");
  });

  it("tells each resident the reason chosen in a bulk rejection", async () => {
    const first = await reportBySms("Street lights broken at Kaptembwo road");
    const second = await reportBySms("Taa za barabara zimeharibika Kaptembwo");
    const bulk = await officer.post("/api/reports/bulk", {
      ids: [first.id, second.id],
      action: "reject",
      reason: STAFF_REASON,
      residentReason: "outside_our_areas",
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(await residentHears(first, "en")).toEqual(told(first, "en", "outside_our_areas"));
    expect(await residentHears(second, "sw")).toEqual(told(second, "sw", "outside_our_areas"));
  });

  it("tells the newest reason after the report was reopened and rejected again", async () => {
    const report = await reportBySms("Gunshots heard at Kaptembwo last night");
    await officer.post(`/api/reports/${report.id}/reject`, {
      reason: STAFF_REASON,
      residentReason: "not_enough_detail",
    });
    expect(await residentHears(report, "en")).toEqual(told(report, "en", "not_enough_detail"));
    expect(
      (await officer.post(`/api/reports/${report.id}/reopen`, { reason: "Wrong decision" })).status,
    ).toBe(200);
    expect((await residentHears(report, "en")).sms).toBe(statusMessage("en", report.reference, "in_review"));
    await officer.post(`/api/reports/${report.id}/reject`, {
      reason: STAFF_REASON,
      residentReason: "already_handled",
    });
    expect(await residentHears(report, "en")).toEqual(told(report, "en", "already_handled"));
  });
});
