// Duplicates and cases through the verification routes: a report marked as a duplicate follows the
// case of the report it duplicates (now, or when that case opens), its reporter hears the case's
// progress, and reopening it takes it back out of the case.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusMessage } from "../../../common/messages.ts";
import { queryRows } from "../../db/client.ts";
import { inTransaction } from "../../deps.ts";
import { TEST_DB_KIND } from "../../test/databases.ts";
import type { ApiClient, ApiResponse, TestServer } from "../../test/harness.ts";
import { SYSTEM_ACTOR } from "../audit/audit.service.ts";
import { reports } from "../reports/reports.table.ts";
import { submit } from "../reports/reports-test.fixture.ts";
import { openCaseForReport } from "./cases.service.ts";
import { cases } from "./cases.table.ts";
import { type CaseFixture, KAPTEMBWO, startWithOfficerAndOcs } from "./cases-test.fixture.ts";
import { caseAwareStatusByReference } from "./feedback.service.ts";

let server: TestServer;
let fx: CaseFixture;
let officer: ApiClient;
let ocs: ApiClient;

beforeAll(async () => {
  ({ server, fx, officer, ocs } = await startWithOfficerAndOcs());
});
afterAll(() => server?.close());

let nextPhone = 722_500_100;
const smsTo = (phone: string) => server.sms.sent.filter((m) => m.to === phone).map((m) => m.body);

/** An SMS emergency at Kaptembwo (routed to the station), triaged by the worker and placed there by staff. */
async function triagedReport(text: string) {
  const phone = `+254${nextPhone++}`;
  const report = await submit(server, { text, phone, locale: "sw" });
  await server.worker.drain();
  const corrected = await officer.post(`/api/reports/${report.id}/correct`, {
    placeId: KAPTEMBWO,
    category: "gang_crime",
    urgency: "emergency",
  });
  expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
  return { ...report, phone };
}

async function caseOfReport(reportId: string): Promise<string | null> {
  const [row] = await queryRows<{ case_id: string }>(
    server.deps.db,
    sql`select case_id from case_reports where report_id = ${reportId}`,
  );
  return row?.case_id ?? null;
}

async function auditOfCase(caseId: string, action: string) {
  return queryRows<{ after: Record<string, unknown> }>(
    server.deps.db,
    sql`select after from audit_log where entity_id = ${caseId} and action = ${action} order by seq`,
  );
}

async function someoneWaitsOnALock(): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    server.deps.db,
    sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`,
  );
  return (row?.n ?? 0) > 0;
}

const kinds = (kase: { timeline: { kind: string }[] }) => kase.timeline.map((e) => e.kind);

describe("a report marked as a duplicate", () => {
  it("joins the case of the report it duplicates, with a timeline entry and an audit row, and its reporter hears the case's status", async () => {
    const original = await triagedReport("Vijana wanapigana na mapanga Kaptembwo sokoni sasa hivi");
    expect((await officer.post(`/api/reports/${original.id}/verify`, {})).status).toBe(200);
    const caseId = await caseOfReport(original.id);
    expect(caseId).not.toBeNull();

    const copy = await triagedReport("Kuna vita ya vijana Kaptembwo sokoni, wana mapanga");
    // A person corrected it (triagedReport): being reviewed, not yet passed on.
    expect(await caseAwareStatusByReference(server.deps, copy.reference)).toBe("in_review");
    const marked = await officer.post(`/api/reports/${copy.id}/duplicate`, { duplicateOfId: original.id });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(await caseOfReport(copy.id)).toBe(caseId);

    const kase = (await officer.get(`/api/cases/${caseId}`)).body.case;
    expect(kase.reports.map((r: { reference: string }) => r.reference)).toEqual([
      original.reference,
      copy.reference,
    ]);
    expect(kinds(kase)).toEqual(["opened", "routed", "duplicate_joined"]);
    expect(kase.timeline.at(-1)).toMatchObject({
      actor: fx.people.programmeOfficer.email,
      notes: "A report of the same incident, marked as a duplicate, joined this case.",
    });
    expect(await auditOfCase(caseId as string, "case.join_report")).toEqual([
      { after: { reportId: copy.id, asDuplicateOf: original.id } },
    ]);

    // The duplicate's reporter now follows the case, by STATUS and by SMS.
    expect(await caseAwareStatusByReference(server.deps, copy.reference)).toBe("case_open");
    await server.worker.drain();
    expect(smsTo(copy.phone)).toContain(statusMessage("sw", copy.reference, "case_open"));
    const acknowledged = await ocs.post(`/api/cases/${caseId}/transitions`, { action: "acknowledge" });
    expect(acknowledged.status).toBe(200);
    await ocs.post(`/api/cases/${caseId}/actions`, { notes: "Patrol sent to the market" });
    expect(await caseAwareStatusByReference(server.deps, copy.reference)).toBe("case_in_progress");
    await server.worker.drain();
    expect(smsTo(copy.phone)).toContain(statusMessage("sw", copy.reference, "case_in_progress"));

    // A responder sees the entry but no handle on either report.
    const seenByOcs = (await ocs.get(`/api/cases/${caseId}`)).body.case;
    expect(kinds(seenByOcs)).toContain("duplicate_joined");
    const shown = JSON.stringify(seenByOcs);
    for (const hidden of [original.reference, copy.reference, original.id, copy.id])
      expect(shown).not.toContain(hidden);
  });

  it("of a report without a case opens nothing, and joins when the original is verified and its case opens", async () => {
    const original = await triagedReport("Wezi wa mifugo Kaptembwo usiku wa jana");
    const copy = await triagedReport("Ng'ombe wameibiwa Kaptembwo jana usiku");
    const casesBefore = await server.deps.db.$count(cases);
    expect(
      (await officer.post(`/api/reports/${copy.id}/duplicate`, { duplicateOfId: original.id })).status,
    ).toBe(200);
    expect(await server.deps.db.$count(cases)).toBe(casesBefore);
    expect(await caseOfReport(copy.id)).toBeNull();
    expect(await caseAwareStatusByReference(server.deps, copy.reference)).toBe("duplicate");

    expect((await officer.post(`/api/reports/${original.id}/verify`, {})).status).toBe(200);
    const caseId = await caseOfReport(original.id);
    expect(caseId).not.toBeNull();
    expect(await caseOfReport(copy.id)).toBe(caseId);
    const kase = (await officer.get(`/api/cases/${caseId}`)).body.case;
    expect(kinds(kase)).toEqual(["opened", "routed", "duplicate_joined"]);
    expect(await caseAwareStatusByReference(server.deps, copy.reference)).toBe("case_open");
    await server.worker.drain();
    expect(
      smsTo(copy.phone).filter((m) => m === statusMessage("sw", copy.reference, "case_open")),
    ).toHaveLength(1);
  });

  it("reopened, leaves the case (which keeps its other reports), and joins again when marked again", async () => {
    const original = await triagedReport("Genge limevamia duka Kaptembwo usiku");
    expect((await officer.post(`/api/reports/${original.id}/verify`, {})).status).toBe(200);
    const caseId = (await caseOfReport(original.id)) as string;
    const copy = await triagedReport("Duka limevamiwa Kaptembwo na genge usiku");
    await officer.post(`/api/reports/${copy.id}/duplicate`, { duplicateOfId: original.id });
    expect(await caseOfReport(copy.id)).toBe(caseId);

    const reopened = await officer.post(`/api/reports/${copy.id}/reopen`, { reason: "A different shop" });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(await caseOfReport(copy.id)).toBeNull();
    expect(await caseOfReport(original.id)).toBe(caseId);
    // Reopened by a person: back to being reviewed.
    expect(await caseAwareStatusByReference(server.deps, copy.reference)).toBe("in_review");
    const kase = (await officer.get(`/api/cases/${caseId}`)).body.case;
    expect(kase.reports.map((r: { reference: string }) => r.reference)).toEqual([original.reference]);
    expect(kinds(kase)).toEqual(["opened", "routed", "duplicate_joined", "report_left"]);
    expect(await auditOfCase(caseId, "case.remove_report")).toEqual([
      { after: { reportId: null, reason: "report reopened" } },
    ]);

    await officer.post(`/api/reports/${copy.id}/duplicate`, { duplicateOfId: original.id });
    expect(await caseOfReport(copy.id)).toBe(caseId);
  });

  // PostgreSQL only: the test holds one transaction open while a request runs on another
  // connection; PGlite has a single connection, so the request would wait behind the transaction.
  it.skipIf(TEST_DB_KIND !== "postgres")(
    "marked while its original's case is opening, joins that case once it opens",
    async () => {
      const original = await triagedReport("Vijana wanavamia nyumba Kaptembwo usiku huu");
      const copy = await triagedReport("Nyumba zinavamiwa Kaptembwo na vijana usiku huu");
      let marked: Promise<ApiResponse> | undefined;
      let settled = false;
      await inTransaction(server.deps, async (tx) => {
        await tx.db.update(reports).set({ status: "verified" }).where(eq(reports.id, original.id));
        await openCaseForReport(tx, SYSTEM_ACTOR, original.id);
        marked = officer.post(`/api/reports/${copy.id}/duplicate`, { duplicateOfId: original.id });
        void marked.finally(() => {
          settled = true;
        });
        // Keep the case uncommitted until the decision has finished or waits for this transaction.
        const deadline = Date.now() + 15_000;
        while (!settled && !(await someoneWaitsOnALock())) {
          if (Date.now() > deadline) throw new Error("the duplicate decision neither finished nor waited");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      expect((await marked)?.status).toBe(200);
      const caseId = await caseOfReport(original.id);
      expect(caseId).not.toBeNull();
      expect(await caseOfReport(copy.id)).toBe(caseId);
    },
  );

  it("reopening a report that opened its own case keeps it in that case", async () => {
    const first = await triagedReport("Mawe yanarushwa Kaptembwo stage");
    expect((await officer.post(`/api/reports/${first.id}/verify`, {})).status).toBe(200);
    const ownCase = await caseOfReport(first.id);
    const other = await triagedReport("Vurugu Kaptembwo stage, mawe yanarushwa");
    expect((await officer.post(`/api/reports/${other.id}/verify`, {})).status).toBe(200);
    await officer.post(`/api/reports/${first.id}/reopen`, { reason: "Same incident as another" });
    const marked = await officer.post(`/api/reports/${first.id}/duplicate`, { duplicateOfId: other.id });
    expect(marked.status).toBe(200);
    await officer.post(`/api/reports/${first.id}/reopen`, { reason: "Not the same after all" });
    expect(await caseOfReport(first.id)).toBe(ownCase);
  });
});
