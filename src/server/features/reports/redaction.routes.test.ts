// Hiding a passage by hand: triage staff replace what the masker missed with a marker, audited
// with where and how much (never the words); the original stays sealed for the identity reveal.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPrincipal } from "../../cli/context.ts";
import { queryRows } from "../../db/client.ts";
import { inTransaction } from "../../deps.ts";
import { type Fixture, makeUser, NAKURU, PASSWORD, seedTwoCounties, signedIn } from "../../test/fixtures.ts";
import { type ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { createUser } from "../users/users.service.ts";
import { addToReport, submitReport } from "./reports.service.ts";

// What the masker cannot know is identifying (a description, a house), so staff hide it by hand.
const TEXT =
  "Wezi wamevamia duka la mzee mwenye kofia nyekundu karibu na kanisa la PCEA Kaptembwo, nyumba ya bluu";
const ADDITION = "Jirani wa nyumba ya tatu aliwaona pia";

let server: TestServer;
let fx: Fixture;
let monitor: ApiClient;
let reportId = "";

async function report(text: string, placeId = NAKURU): Promise<string> {
  const submitted = await inTransaction(server.deps, (tx) =>
    submitReport(tx, { channel: "web", locale: "sw", text, placeId, consentToContact: false }),
  );
  return submitted.id;
}

const auditOf = (id: string) =>
  queryRows<{ actor_label: string; after: string }>(
    server.deps.db,
    sql`select actor_label, after::text as after from audit_log
        where action = 'report.redact' and entity_id = ${id} order by seq`,
  );

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedTwoCounties(server.deps);
  await makeUser(server.deps, "monitor.nakuru@test.ke", ["monitor"], [fx.riftOrgId], [NAKURU]);
  await makeUser(server.deps, "me.nakuru@test.ke", ["me_officer"], [fx.riftOrgId], [NAKURU]);
  await createUser(server.deps, await cliPrincipal(server.deps), {
    email: "reveal.nakuru@test.ke",
    name: "Trusted officer",
    password: PASSWORD,
    roles: ["programme_officer"],
    organisationIds: [fx.riftOrgId],
    placeIds: [NAKURU],
    canRevealIdentity: true,
  });
  monitor = await signedIn(server, "monitor.nakuru@test.ke");
  reportId = await report(TEXT);
  await inTransaction(server.deps, (tx) =>
    addToReport(tx, { id: reportId }, { channel: "web", text: ADDITION }),
  );
  await server.worker.drain();
});
afterAll(() => server?.close());

describe("POST /api/reports/:id/redactions", () => {
  it("hides a passage by its words, audits where and how much, and keeps the original for the reveal", async () => {
    const res = await monitor.post(`/api/reports/${reportId}/redactions`, {
      passage: "mzee mwenye kofia nyekundu",
    });
    expect(res.status).toBe(200);
    expect(res.body.report.text).toBe(
      "Wezi wamevamia duka la [passage hidden] karibu na kanisa la PCEA Kaptembwo, nyumba ya bluu",
    );
    expect(res.body.report.textMasked).toBe(true);
    const audit = await auditOf(reportId);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_label).toBe("monitor.nakuru@test.ke");
    expect(JSON.parse(audit[0]?.after ?? "{}")).toEqual({
      part: "text",
      additionId: null,
      hidden: [{ start: 23, length: 26 }],
    });
    expect(audit[0]?.after).not.toMatch(/kofia/i);
    const officer = await signedIn(server, "reveal.nakuru@test.ke");
    const reveal = await officer.post(`/api/reports/${reportId}/identity`, {
      reason: "The shopkeeper is threatened and must be warned today",
      safetyOverride: true,
    });
    expect(reveal.status).toBe(200);
    expect(reveal.body.identity.text).toBe(TEXT);
  });

  it("hides a range of the text as shown, and a passage of an addition", async () => {
    const shown = (await monitor.get(`/api/reports/${reportId}`)).body.report;
    const start = shown.text.indexOf("nyumba ya bluu");
    const res = await monitor.post(`/api/reports/${reportId}/redactions`, { start, end: start + 14 });
    expect(res.status).toBe(200);
    expect(res.body.report.text).toMatch(/Kaptembwo, \[passage hidden\]$/);
    const additionId = shown.additions[0].id;
    const added = await monitor.post(`/api/reports/${reportId}/redactions`, {
      passage: "wa nyumba ya tatu",
      additionId,
    });
    expect(added.status).toBe(200);
    expect(added.body.report.additions[0].text).toBe("Jirani [passage hidden] aliwaona pia");
    // The first original is kept: the reveal still shows the text as the resident typed it.
    const sealed = await queryRows<{ n: number }>(
      server.deps.db,
      sql`select count(*)::int as n from report_additions where report_id = ${reportId} and text_original_sealed is not null`,
    );
    expect(sealed[0]?.n).toBe(1);
    expect(await auditOf(reportId)).toHaveLength(3);
  });

  it("says what is wrong with a passage that is not there, empty, or not given", async () => {
    const missing = await monitor.post(`/api/reports/${reportId}/redactions`, { passage: "Mama Akinyi" });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/not in the text/);
    const empty = await monitor.post(`/api/reports/${reportId}/redactions`, { passage: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/empty/);
    const none = await monitor.post(`/api/reports/${reportId}/redactions`, {});
    expect(none.status).toBe(400);
    expect(none.body.error.fields[0].path).toBe("passage");
    const backwards = await monitor.post(`/api/reports/${reportId}/redactions`, { start: 10, end: 5 });
    expect(backwards.status).toBe(400);
    const unknownAddition = await monitor.post(`/api/reports/${reportId}/redactions`, {
      passage: "Otieno",
      additionId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknownAddition.status).toBe(404);
    expect(await auditOf(reportId)).toHaveLength(3);
  });

  it("is refused without reports.triage (403) and for a report out of scope (404)", async () => {
    const me = await signedIn(server, "me.nakuru@test.ke");
    const refused = await me.post(`/api/reports/${reportId}/redactions`, { passage: "PCEA" });
    expect(refused.status).toBe(403);
    const mombasaReport = await report("Fujo Likoni, mzee Bakari amepigwa", "c:001");
    const outside = await monitor.post(`/api/reports/${mombasaReport}/redactions`, { passage: "Bakari" });
    expect(outside.status).toBe(404);
    expect(JSON.stringify(outside.body)).not.toContain("Bakari");
    expect(await auditOf(mombasaReport)).toHaveLength(0);
  });
});
