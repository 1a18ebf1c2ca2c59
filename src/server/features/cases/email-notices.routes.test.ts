// Staff email notices through the outbox: one per unit member on assignment, once per deadline step,
// to the supervisor on escalation, in the member's language, never carrying who reported or what
// they wrote; and the outbox's at-most-once handling of an smtp driver's verdicts.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.ts";
import { startTestServer, type TestServer } from "../../test/harness.ts";
import { smtpEmailDriver } from "../messaging/email-drivers.ts";
import { deliverDueMessages, EMAIL_SEAL_PURPOSE, enqueueEmail } from "../messaging/outbox.service.ts";
import { outboundMessages } from "../messaging/outbox.table.ts";
import { users } from "../users/users.table.ts";
import {
  type CaseFixture,
  KAPTEMBWO,
  OCS_PHONE,
  REPORTER_PHONE,
  seedCases,
  signedInClients,
  verifiedReport,
} from "./cases-test.fixture.ts";
import { runDeadlineJob } from "./deadlines.service.ts";

const MINUTE = 60_000;
let server: TestServer;
let fx: CaseFixture;
const { as, forgetAll } = signedInClients(() => server.url);
const REPORT_TEXT = "Armed gang at Kaptembwo market, Wanjiru Kamau saw them";

beforeAll(async () => {
  server = await startTestServer({ BARAZA_PUBLIC_URL: "https://baraza.example.org" });
  fx = await seedCases(server.deps);
  // The chief reads Baraza in Kiswahili.
  await server.deps.db.update(users).set({ locale: "sw" }).where(eq(users.id, fx.people.chief.id));
});
afterAll(() => server?.close());

const advance = async (minutes: number) => {
  server.clock.advance(minutes * MINUTE);
  forgetAll();
  await server.worker.drain();
};
const emailsTo = (address: string, caseNumber: string) =>
  server.email.sent.filter((m) => m.to === address && m.subject.includes(caseNumber));

describe("email notices about a case", () => {
  let kase: { id: string; number: string };

  it("a case assigned to units sends one email per member, in their language, with a link", async () => {
    const report = await verifiedReport(server.deps, {
      text: REPORT_TEXT,
      category: "gang_crime",
      urgency: "emergency",
      placeId: KAPTEMBWO,
      channel: "sms",
      phone: REPORTER_PHONE,
      consentToContact: true,
    });
    const res = await (await as(fx.people.programmeOfficer.email)).post("/api/cases", {
      reportId: report.id,
    });
    expect(res.status).toBe(201);
    kase = res.body.case;
    await server.worker.drain();

    // Emergencies go to the station (OCS, supervisor, a programme officer who sits in it) and the chief.
    const members = [fx.people.ocs, fx.people.supervisor, fx.people.policeOfficer, fx.people.chief];
    for (const member of members) expect(emailsTo(member.email, kase.number)).toHaveLength(1);
    expect(server.email.sent.filter((m) => m.subject.includes(kase.number))).toHaveLength(members.length);

    const [ocsEmail] = emailsTo(fx.people.ocs.email, kase.number);
    expect(ocsEmail?.subject).toBe(`Baraza: Case ${kase.number} assigned to your unit`);
    expect(ocsEmail?.body).toContain(`https://baraza.example.org/cases/${kase.id}`);
    expect(ocsEmail?.body).toContain("Urgency: Emergency: life at risk now");
    expect(ocsEmail?.body).toMatch(/Acknowledge by: .*\(EAT\)/);
    const [chiefEmail] = emailsTo(fx.people.chief.email, kase.number);
    expect(chiefEmail?.subject).toBe(`Baraza: Kesi ${kase.number} imepewa kitengo chako`);

    // The address is sealed in the outbox like a phone number, never stored in the clear.
    const rows = await server.deps.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.channel, "email"));
    expect(rows.length).toBeGreaterThanOrEqual(members.length);
    for (const row of rows) {
      expect(row.recipientSealed).not.toContain("@");
      expect(row.status).toBe("sent");
    }
    expect(rows.map((r) => server.deps.vault.decrypt(EMAIL_SEAL_PURPOSE, r.recipientSealed)).sort()).toEqual(
      expect.arrayContaining(members.map((m) => m.email)),
    );
  });

  it("a reminder emails the unit, and a rerun of the deadline job sends nothing more", async () => {
    await advance(20);
    expect(emailsTo(fx.people.ocs.email, kase.number).map((m) => m.subject)).toEqual([
      `Baraza: Case ${kase.number} assigned to your unit`,
      `Baraza: Reminder: case ${kase.number} is waiting to be acknowledged`,
    ]);
    const before = server.email.sent.length;
    const outboxBefore = await emailRowCount();
    await runDeadlineJob(server.deps, { caseId: kase.id, due: "acknowledge", step: "remind" });
    await server.worker.drain();
    expect(server.email.sent.length).toBe(before);
    expect(await emailRowCount()).toBe(outboxBefore);
  });

  it("escalation emails the supervisor, not the rest of the unit", async () => {
    await advance(10);
    const supervisor = emailsTo(fx.people.supervisor.email, kase.number).map((m) => m.subject);
    expect(supervisor.at(-1)).toBe(
      `Baraza: Escalated to you: case ${kase.number} was not acknowledged in time`,
    );
    expect(
      emailsTo(fx.people.ocs.email, kase.number)
        .map((m) => m.subject)
        .join(),
    ).not.toContain("Escalated");
    const before = server.email.sent.length;
    await runDeadlineJob(server.deps, { caseId: kase.id, due: "acknowledge", step: "supervisor" });
    await server.worker.drain();
    expect(server.email.sent.length).toBe(before);
    // Email and SMS go side by side: the OCS, who has a phone on record, also got the SMS.
    expect(server.sms.sent.filter((m) => m.to === OCS_PHONE && m.body.includes(kase.number))).toHaveLength(2);
  });

  it("a police-misconduct case emails oversight without the report's words or the reporter", async () => {
    const report = await verifiedReport(server.deps, {
      text: "Officer Otieno at Kaptembwo took a bribe from Achieng, call me on 0722000111",
      category: "police_misconduct",
      urgency: "high",
      placeId: KAPTEMBWO,
      channel: "sms",
      phone: REPORTER_PHONE,
      consentToContact: true,
    });
    const res = await (await as(fx.people.programmeOfficer.email)).post("/api/cases", {
      reportId: report.id,
    });
    expect(res.status).toBe(201);
    await server.worker.drain();
    const number = res.body.case.number as string;
    const sent = server.email.sent.filter((m) => m.subject.includes(number));
    expect(sent.length).toBeGreaterThan(0);
    // Barred from police-conduct cases: no email to the station's members either.
    expect(emailsTo(fx.people.ocs.email, number)).toEqual([]);
    expect(emailsTo(fx.people.policeOfficer.email, number)).toEqual([]);
    expect(sent[0]?.body).toContain("Category: Police abuse or bribes");
  });

  it("a member who turned email off in their account gets the in-app notice and no email", async () => {
    const chief = await as(fx.people.chief.email);
    const off = await chief.patch("/api/auth/me", { emailNotices: false });
    expect(off.body.user.emailNotices).toBe(false);
    const report = await verifiedReport(server.deps, {
      text: "Vijana wenye mapanga wanakusanyika Kaptembwo",
      category: "gang_crime",
      urgency: "emergency",
      placeId: KAPTEMBWO,
    });
    const opened = await (await as(fx.people.programmeOfficer.email)).post("/api/cases", {
      reportId: report.id,
    });
    await server.worker.drain();
    const number = opened.body.case.number as string;
    expect(emailsTo(fx.people.chief.email, number)).toEqual([]);
    expect(emailsTo(fx.people.ocs.email, number)).toHaveLength(1);
    const notices = (await chief.get("/api/notifications")).body.notifications as { caseId: string }[];
    expect(notices.map((n) => n.caseId)).toContain(opened.body.case.id);
    await chief.patch("/api/auth/me", { emailNotices: true });
  });

  it("no email ever carries the reporter's phone, name or report text", async () => {
    expect(server.email.sent.length).toBeGreaterThan(0);
    for (const m of server.email.sent) {
      const text = `${m.subject}\n${m.body}`;
      for (const secret of [
        REPORTER_PHONE,
        "0722000111",
        "722000111",
        "Wanjiru",
        "Achieng",
        "Otieno",
        "bribe from",
      ])
        expect(text).not.toContain(secret);
      expect(text).not.toContain(REPORT_TEXT.slice(0, 20));
    }
  });
});

describe("the outbox and an smtp server's answers", () => {
  const outcomes: (Error | null)[] = [];
  const smtp = smtpEmailDriver("Baraza <baraza@example.org>", {
    async sendMail() {
      const next = outcomes.shift();
      if (next) throw next;
      return { messageId: "<ok@mail>" };
    },
  });
  const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error("smtp"), fields);
  const enqueue = (dedupeKey: string) =>
    enqueueEmail(server.deps, {
      to: "ocs@example.org",
      subject: "Baraza: test",
      body: "test",
      purpose: "test",
      dedupeKey,
    });
  const rowOf = async (dedupeKey: string) =>
    (
      await server.deps.db.select().from(outboundMessages).where(eq(outboundMessages.dedupeKey, dedupeKey))
    )[0];
  const deliver = () => deliverDueMessages({ ...server.deps, email: smtp });

  it("a transient failure (4xx) is retried after a delay and then sent", async () => {
    await enqueue("smtp-transient");
    outcomes.push(smtpError({ code: "EENVELOPE", responseCode: 451, command: "RCPT TO" }));
    await deliver();
    expect(await rowOf("smtp-transient")).toMatchObject({ status: "pending", attempts: 1 });
    await deliver(); // not yet due
    expect(await rowOf("smtp-transient")).toMatchObject({ status: "pending", attempts: 1 });
    server.clock.advance(10 * MINUTE);
    await deliver();
    expect(await rowOf("smtp-transient")).toMatchObject({
      status: "sent",
      attempts: 2,
      providerMessageId: "<ok@mail>",
    });
  });

  it("a permanent failure (5xx) is failed, and a connection lost mid-send is uncertain; neither is resent", async () => {
    await enqueue("smtp-permanent");
    outcomes.push(smtpError({ code: "EENVELOPE", responseCode: 550, command: "RCPT TO" }));
    await deliver();
    await enqueue("smtp-lost");
    outcomes.push(smtpError({ code: "ECONNECTION", command: "CONN" }));
    await deliver();
    server.clock.advance(60 * MINUTE);
    await deliver();
    expect(await rowOf("smtp-permanent")).toMatchObject({ status: "failed", attempts: 1 });
    expect((await rowOf("smtp-permanent"))?.lastError).toMatch(/permanent/);
    expect(await rowOf("smtp-lost")).toMatchObject({ status: "uncertain", attempts: 1 });
  });
});

async function emailRowCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    server.deps.db,
    sql`select count(*)::int as n from outbound_messages where channel = 'email'`,
  );
  return row?.n ?? 0;
}
