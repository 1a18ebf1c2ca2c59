// Conflict of interest in early warning: an alert about complaints against the police, and the
// complaints behind it, are not shown to a person who is police or government, here a programme
// officer (who manages alerts) sitting in the police station's unit. Other programme staff see them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertListResponse, AlertView } from "../../../common/contracts/alerts.ts";
import { signedIn } from "../../test/fixtures.ts";
import { type ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";
import { type CaseFixture, seedCases } from "../cases/cases-test.fixture.ts";
import { seedBurst } from "./alerts.fixture.ts";

let server: TestServer;
let fx: CaseFixture;
let police: ApiClient;
let officer: ApiClient;
let misconduct: AlertView[];

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedCases(server.deps);
  await seedBurst(server.deps, {
    placeId: "l:kaptembwo",
    backgroundPlaceId: "w:0880",
    category: "police_misconduct",
  });
  police = await signedIn(server, fx.people.policeOfficer.email);
  officer = await signedIn(server, fx.people.programmeOfficer.email);
  const listed = (await officer.get<AlertListResponse>("/api/alerts")).body.alerts;
  misconduct = listed.filter((a) => a.category === "police_misconduct");
});
afterAll(() => server?.close());

describe("alerts about complaints against the police", () => {
  it("are shown, with the complaints behind them, to programme staff who are not police", async () => {
    expect(misconduct.length).toBeGreaterThan(0);
    const detail = await officer.get(`/api/alerts/${misconduct[0]?.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.reports.length).toBeGreaterThan(0);
    const notices = (await officer.get("/api/alerts/notifications")).body.notifications;
    expect(notices.length).toBeGreaterThan(0);
  });

  it("are hidden from a member of the police station's unit: not listed, 404 by id, no notice", async () => {
    const list = await police.get<AlertListResponse>("/api/alerts");
    expect(list.status).toBe(200);
    expect(list.body.alerts.filter((a) => a.category === "police_misconduct")).toEqual([]);
    for (const alert of misconduct) {
      expect((await police.get(`/api/alerts/${alert.id}`)).status).toBe(404);
      expect((await police.post(`/api/alerts/${alert.id}/acknowledge`, {})).status).toBe(404);
    }
    const notices = (await police.get("/api/alerts/notifications")).body.notifications;
    const ids = misconduct.map((a) => a.id);
    expect(notices.filter((n: { alertId: string }) => ids.includes(n.alertId))).toEqual([]);
    expect(JSON.stringify(notices)).not.toContain("police_misconduct");
  });
});
