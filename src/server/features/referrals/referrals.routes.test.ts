// Confidential referrals through the HTTP API: only the referrer and the counsellor ever see one;
// consent is required; the status moves in one direction; counts carry no person and hide small cells.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { auditLog } from "../audit/audit.table.ts";
import { signedIn } from "../programmes/programmes.fixtures.ts";
import { makeReferral, type ReferralFixture, referralBody, seedReferralStaff } from "./referrals.fixtures.ts";
import { referralFollowUps, referrals } from "./referrals.table.ts";

let server: TestServer;
let fx: ReferralFixture;
let admin: ApiClient;
let responder: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  fx = await seedReferralStaff(server);
  admin = await signedIn(server, "admin.nakuru@test.ke");
  responder = await signedIn(server, "ocs.nakuru@test.ke");
});
afterAll(() => server?.close());

const SECRETS = /Baraka|Sampuli|722000111|722 000 111|June arrests|church hall|Mama Pendo|cousin/i;

describe("making a referral", () => {
  it("seals the person, reason and notes, and shows them to the referrer and the counsellor", async () => {
    const made = await makeReferral(fx.kaptembwoFacilitator, fx);
    expect(made).toMatchObject({
      status: "made",
      person: { name: "Baraka Sampuli", phone: "+254722000111", participantCode: null },
      reason: "Wants out of the Kaptembwo group after the June arrests",
      counsellor: { id: fx.counsellorId },
      myRole: "referrer",
    });
    const [row] = await server.deps.db.select().from(referrals).where(eq(referrals.id, made.id));
    expect(JSON.stringify(row)).not.toMatch(SECRETS);
    const seen = await fx.counsellor.get(`/api/referrals/${made.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.referral).toMatchObject({ myRole: "counsellor", person: { name: "Baraka Sampuli" } });
    const list = await fx.counsellor.get("/api/referrals");
    expect(list.body.referrals.map((r: { id: string }) => r.id)).toContain(made.id);
  });

  it("shows a registered participant by pseudonymous code only, never by name", async () => {
    const reg = await fx.nakuruOfficer.post("/api/participants", {
      organisationId: fx.riftOrgId,
      placeId: "l:kaptembwo",
      name: "Mama Pendo Sampuli",
      gender: "female",
      ageBand: "35_49",
      role: "community",
      consentPurposes: ["attendance_records"],
    });
    expect(reg.status).toBe(201);
    const made = await makeReferral(fx.kaptembwoFacilitator, fx, {
      person: { participantId: reg.body.participant.id },
      type: "trauma_counselling",
      subtype: undefined,
    });
    expect(made.person).toMatchObject({ participantCode: reg.body.participant.code, name: null });
    const seen = await fx.counsellor.get(`/api/referrals/${made.id}`);
    expect(seen.body.referral.person).toMatchObject({ gender: "female", ageBand: "35_49" });
    expect(JSON.stringify(seen.body)).not.toMatch(/Mama Pendo/);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["consent missing", { consent: undefined }, "consent"],
    ["consent refused", { consent: false }, "consent"],
    ["a counsellor of another organisation", { counsellorId: "COAST" }, "counsellorId"],
    ["a programme officer as counsellor", { counsellorId: "OFFICER" }, "counsellorId"],
    ["reintegration without a subtype", { subtype: undefined }, "subtype"],
    ["a place outside the project", { placeId: "l:likoni" }, "placeId"],
    ["a whole county as the place", { placeId: "c:032" }, "placeId"],
    [
      "a bad phone",
      { person: { name: "Baraka", phone: "12", gender: "male", ageBand: "18_24" } },
      "person.phone",
    ],
  ])("is refused with 400 naming the field: %s", async (_what, over, path) => {
    const counsellorId =
      over.counsellorId === "COAST"
        ? fx.coastCounsellorId
        : over.counsellorId === "OFFICER"
          ? fx.users.mombasaOfficer?.id
          : fx.counsellorId;
    const res = await fx.kaptembwoFacilitator.post(
      "/api/referrals",
      referralBody(fx, { ...over, counsellorId }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it("is refused to those who may neither refer nor counsel", async () => {
    for (const api of [admin, fx.nakuruViewer, responder])
      expect((await api.post("/api/referrals", referralBody(fx))).status).toBe(403);
  });
});

describe("who sees a referral", () => {
  it("answers 404 on every referral route to an admin, another officer, a viewer, a responder and another counsellor", async () => {
    const made = await makeReferral(fx.kaptembwoFacilitator, fx);
    const national = await signedIn(server, "national@test.ke");
    const outsiders = [
      admin,
      national,
      fx.nakuruOfficer,
      fx.nationalOfficer,
      fx.nakuruViewer,
      responder,
      fx.otherCounsellor,
    ];
    for (const api of outsiders) {
      const attempts = [
        await api.get(`/api/referrals/${made.id}`),
        await api.post(`/api/referrals/${made.id}/status`, { status: "accepted" }),
        await api.post(`/api/referrals/${made.id}/follow-ups`, { heldOn: "2026-11-23", note: "probe" }),
        await api.post(`/api/referrals/${made.id}/counsellor`, { counsellorId: fx.otherCounsellorId }),
      ];
      expect(attempts.map((a) => a.status)).toEqual([404, 404, 404, 404]);
      for (const a of attempts) expect(JSON.stringify(a.body)).not.toMatch(SECRETS);
      const list = await api.get("/api/referrals");
      expect([200, 403]).toContain(list.status);
      expect(JSON.stringify(list.body)).not.toContain(made.id);
    }
    const [row] = await server.deps.db.select().from(referrals).where(eq(referrals.id, made.id));
    expect(row).toMatchObject({ status: "made", counsellorId: fx.counsellorId });
  });

  it("moves to another counsellor when the referrer reassigns it, audited, and the first counsellor loses it", async () => {
    const made = await makeReferral(fx.kaptembwoFacilitator, fx);
    const byCounsellor = await fx.counsellor.post(`/api/referrals/${made.id}/counsellor`, {
      counsellorId: fx.otherCounsellorId,
    });
    expect(byCounsellor.status).toBe(403);
    const res = await fx.kaptembwoFacilitator.post(`/api/referrals/${made.id}/counsellor`, {
      counsellorId: fx.otherCounsellorId,
    });
    expect(res.status).toBe(200);
    expect(res.body.referral.counsellor.id).toBe(fx.otherCounsellorId);
    expect((await fx.counsellor.get(`/api/referrals/${made.id}`)).status).toBe(404);
    expect((await fx.otherCounsellor.get(`/api/referrals/${made.id}`)).status).toBe(200);
    const audit = await server.deps.db.select().from(auditLog).where(eq(auditLog.entityId, made.id));
    expect(audit.find((a) => a.action === "referral.reassign")?.after).toEqual({
      counsellorId: fx.otherCounsellorId,
    });
  });
});

describe("a referral's progress", () => {
  it("is moved by the counsellor only, one way, and illegal moves are 409", async () => {
    const made = await makeReferral(fx.kaptembwoFacilitator, fx);
    const url = `/api/referrals/${made.id}/status`;
    expect((await fx.kaptembwoFacilitator.post(url, { status: "accepted" })).status).toBe(403);
    expect((await fx.counsellor.post(url, { status: "completed" })).status).toBe(409);
    expect((await fx.counsellor.post(url, { status: "declined" })).status).toBe(400);
    expect((await fx.counsellor.post(url, { status: "accepted" })).status).toBe(200);
    expect((await fx.counsellor.post(url, { status: "accepted" })).status).toBe(409);
    expect((await fx.counsellor.post(url, { status: "made" })).status).toBe(409);
    expect((await fx.counsellor.post(url, { status: "in_support" })).status).toBe(200);
    const done = await fx.counsellor.post(url, { status: "completed" });
    expect(done.body.referral).toMatchObject({ status: "completed", nextFollowUpOn: null });
    expect((await fx.counsellor.post(url, { status: "lost_to_follow_up", reason: "moved" })).status).toBe(
      409,
    );
    const declined = await makeReferral(fx.kaptembwoFacilitator, fx);
    const res = await fx.counsellor.post(`/api/referrals/${declined.id}/status`, {
      status: "declined",
      reason: "Her cousin is already supporting her",
    });
    expect(res.body.referral).toMatchObject({
      status: "declined",
      statusReason: "Her cousin is already supporting her",
    });
  });

  it("records dated follow-ups and puts follow-ups due first", async () => {
    const later = await makeReferral(fx.kaptembwoFacilitator, fx, { nextFollowUpOn: "2026-12-20" });
    const due = await makeReferral(fx.kaptembwoFacilitator, fx, { nextFollowUpOn: "2026-11-20" });
    const list = (await fx.counsellor.get("/api/referrals")).body.referrals as {
      id: string;
      followUpDue: boolean;
    }[];
    const ids = list.map((r) => r.id);
    expect(ids.indexOf(due.id)).toBeLessThan(ids.indexOf(later.id));
    expect(list.find((r) => r.id === due.id)?.followUpDue).toBe(true);
    expect(list.find((r) => r.id === later.id)?.followUpDue).toBe(false);
    const firstNotDue = list.findIndex((r) => !r.followUpDue);
    expect(list.slice(firstNotDue).some((r) => r.followUpDue)).toBe(false);
    const res = await fx.counsellor.post(`/api/referrals/${due.id}/follow-ups`, {
      heldOn: "2026-11-23",
      note: "Met at the church hall; sleeping better",
      nextFollowUpOn: "2026-12-16",
    });
    expect(res.status).toBe(201);
    expect(res.body.referral).toMatchObject({ nextFollowUpOn: "2026-12-16", followUpDue: false });
    expect(res.body.referral.followUps).toMatchObject([
      { heldOn: "2026-11-23", note: "Met at the church hall; sleeping better" },
    ]);
    const rows = await server.deps.db
      .select()
      .from(referralFollowUps)
      .where(eq(referralFollowUps.referralId, due.id));
    expect(JSON.stringify(rows)).not.toMatch(SECRETS);
  });

  it("leaves audit rows that say who did what, never about whom or why", async () => {
    const ids = (await server.deps.db.select({ id: referrals.id }).from(referrals)).map((r) => r.id);
    const audit = await server.deps.db.select().from(auditLog).where(inArray(auditLog.entityId, ids));
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set(["referral.create", "referral.status", "referral.follow_up", "referral.reassign"]),
    );
    expect(JSON.stringify(audit)).not.toMatch(SECRETS);
    expect(JSON.stringify(audit)).not.toMatch(/leaving_gang|trauma|participant/);
  });
});

describe("referral counts", () => {
  it("count by type, status, gender and age band, with cells under 5 shown as <5, a second cell hidden where needed, and no person in them", async () => {
    for (let i = 0; i < 5; i++)
      await makeReferral(fx.kaptembwoFacilitator, fx, {
        type: "gbv_support",
        subtype: undefined,
        person: { name: `Neema Sampuli ${i}`, gender: "female", ageBand: "25_34" },
      });
    const res = await fx.nakuruViewer.get(`/api/projects/${fx.projectId}/referral-counts`);
    expect(res.status).toBe(200);
    const { counts } = res.body;
    const cell = (list: { key: string; count: unknown }[], key: string) =>
      list.find((c) => c.key === key)?.count;
    // 13 in all, 7 leaving gangs and one lone "<5": the smallest other cell (5) is hidden with it,
    // or 13 − 7 − 5 would give the small one away.
    expect(cell(counts.byType, "gbv_support")).toBe("hidden");
    expect(cell(counts.byType, "trauma_counselling")).toBe("<5");
    expect(cell(counts.byType, "other")).toBe(0);
    expect(cell(counts.byStatus, "declined")).toBe("<5");
    expect(cell(counts.byType, "reintegration_support.leaving_gang")).toBe(7);
    expect(cell(counts.byGender, "female")).toBe(6);
    expect(cell(counts.byAgeBand, "35_49")).toBe("<5");
    expect(counts.total).toBe(13);
    expect(JSON.stringify(res.body)).not.toMatch(
      /Sampuli|Neema|Baraka|P-[0-9A-Z]{6}|referral\.|[0-9a-f]{8}-[0-9a-f]{4}/i,
    );
    const early = await fx.nakuruViewer.get(`/api/projects/${fx.projectId}/referral-counts?to=2026-01-31`);
    expect(early.body.counts.total).toBe(0);
  });

  it("are for readers of programme data in scope only", async () => {
    expect((await fx.counsellor.get(`/api/projects/${fx.projectId}/referral-counts`)).status).toBe(403);
    expect((await fx.mombasaOfficer.get(`/api/projects/${fx.projectId}/referral-counts`)).status).toBe(404);
    expect((await fx.nakuruViewer.get(`/api/projects/${fx.projectId}/referral-counts?from=x`)).status).toBe(
      400,
    );
  });
});
