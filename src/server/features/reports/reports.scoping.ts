// Scoping cases for every staff reports route, spread into CASES in src/server/test/scoping.routes.test.ts.
// A Mombasa report exists; the Nakuru administrator (reads) and a Nakuru programme officer trusted
// with identities (decides, reveals) try to reach it through each route and get nothing from it.
import { expect } from "vitest";
import { cliPrincipal } from "../../cli/context.ts";
import { inTransaction } from "../../deps.ts";
import type { Fixture } from "../../test/fixtures.ts";
import { PASSWORD } from "../../test/fixtures.ts";
import { ApiClient, type TestServer } from "../../test/harness.ts";
import { createUser } from "../users/users.service.ts";
import { submitReport } from "./reports.service.ts";

interface Context {
  server: TestServer;
  fx: Fixture;
  /** Signed in as the Nakuru administrator (reports.read only). */
  nakuru: ApiClient;
}

interface Seeded {
  mombasa: { id: string; reference: string };
  nakuruReportId: string;
  officer: ApiClient;
}

const SECRET_TEXT = "Coast Secret Report: majambazi Likoni sasa hivi";
const MOMBASA_PHONE_DIGITS = "733000111";

async function seed({ server, fx }: Context): Promise<Seeded> {
  const report = (text: string, placeId: string, phone?: string) =>
    inTransaction(server.deps, (tx) =>
      submitReport(tx, { channel: "web", locale: "sw", text, placeId, phone: phone ?? null, name: null }),
    );
  const mombasa = await report(SECRET_TEXT, "c:001", `+254${MOMBASA_PHONE_DIGITS}`);
  const nakuruReport = await report("Majambazi wanavunja maduka Kaptembwo sasa hivi", "c:032");
  await server.worker.drain();
  await createUser(server.deps, await cliPrincipal(server.deps), {
    email: "officer.nakuru.reports@test.ke",
    name: "Nakuru reports officer",
    password: PASSWORD,
    roles: ["programme_officer"],
    organisationIds: [fx.riftOrgId],
    placeIds: ["c:032"],
    canRevealIdentity: true,
  });
  const officer = new ApiClient(server.url);
  expect((await officer.login("officer.nakuru.reports@test.ke", PASSWORD)).status).toBe(200);
  return { mombasa, nakuruReportId: nakuruReport.id, officer };
}

function expectNothingOfMombasa(body: unknown, data: Seeded): void {
  const text = JSON.stringify(body);
  expect(text).not.toContain(data.mombasa.id);
  expect(text).not.toContain(data.mombasa.reference);
  expect(text).not.toContain("Coast Secret Report");
  expect(text).not.toContain(MOMBASA_PHONE_DIGITS);
}

export function reportScopingCases(context: () => Context): Record<string, () => Promise<void>> {
  let seeded: Promise<Seeded> | undefined;
  const data = () => {
    seeded ??= seed(context());
    return seeded;
  };
  const refusedAction = (action: string, body: unknown) => async () => {
    const d = await data();
    const res = await d.officer.post(`/api/reports/${d.mombasa.id}/${action}`, body);
    expect(res.status).toBe(404);
    expectNothingOfMombasa(res.body, d);
  };
  return {
    "GET /api/reports": async () => {
      const d = await data();
      for (const query of ["", "?placeId=c:001", "?status=triaged&urgency=emergency"]) {
        const res = await context().nakuru.get(`/api/reports${query}`);
        expect(res.status).toBe(200);
        expectNothingOfMombasa(res.body, d);
      }
    },
    "GET /api/reports/:id": async () => {
      const d = await data();
      const res = await context().nakuru.get(`/api/reports/${d.mombasa.id}`);
      expect(res.status).toBe(404);
      expectNothingOfMombasa(res.body, d);
      // Its own report may not propose the Mombasa one as a duplicate either.
      expectNothingOfMombasa((await d.officer.get(`/api/reports/${d.nakuruReportId}`)).body, d);
    },
    "POST /api/reports/:id/verify": refusedAction("verify", {}),
    "POST /api/reports/:id/correct": refusedAction("correct", { category: "other" }),
    "POST /api/reports/:id/reject": refusedAction("reject", { reason: "not ours" }),
    "POST /api/reports/:id/reopen": refusedAction("reopen", { reason: "not ours" }),
    "POST /api/reports/:id/identity": refusedAction("identity", { reason: "I want to call the reporter" }),
    "POST /api/reports/:id/redactions": refusedAction("redactions", { passage: "Likoni" }),
    "POST /api/reports/:id/duplicate": async () => {
      const d = await data();
      await refusedAction("duplicate", { duplicateOfId: d.nakuruReportId })();
      // Nor may a Nakuru report be pointed at the Mombasa one.
      const res = await d.officer.post(`/api/reports/${d.nakuruReportId}/duplicate`, {
        duplicateOfId: d.mombasa.id,
      });
      expect(res.status).toBe(404);
      expectNothingOfMombasa(res.body, d);
    },
    "POST /api/reports/bulk": async () => {
      const d = await data();
      const res = await d.officer.post("/api/reports/bulk", { ids: [d.mombasa.id], action: "verify" });
      expect(res.body.results).toEqual([{ id: d.mombasa.id, ok: false, error: "The report was not found." }]);
      expect(JSON.stringify(res.body)).not.toContain(d.mombasa.reference);
    },
  };
}
