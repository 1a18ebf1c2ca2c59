// Scoping cases for every alerts route, spread into CASES in src/server/test/scoping.routes.test.ts.
// A Mombasa alert exists (raised by the job from a burst of reports); a Nakuru programme officer,
// who manages alerts, tries to reach it through each route and gets nothing of it.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Fixture } from "../../test/fixtures.ts";
import { makeUser, NAKURU, PASSWORD } from "../../test/fixtures.ts";
import { ApiClient, type TestServer } from "../../test/harness.ts";
import { seedBurst } from "./alerts.fixture.ts";
import { alerts } from "./alerts.table.ts";

interface Context {
  server: TestServer;
  fx: Fixture;
}

interface Seeded {
  officer: ApiClient;
  mombasaAlertId: string;
}

async function seed({ server, fx }: Context): Promise<Seeded> {
  await makeUser(server.deps, "alerts.nakuru@test.ke", ["programme_officer"], [fx.riftOrgId], [NAKURU]);
  // Mvita ward (Mombasa), against a busy background in Nyali.
  await seedBurst(server.deps, { placeId: "w:0027", backgroundPlaceId: "w:0016", category: "gang_crime" });
  const [alert] = await server.deps.db
    .select({ id: alerts.id })
    .from(alerts)
    .where(eq(alerts.areaId, "w:0027"));
  if (!alert) throw new Error("The Mombasa burst raised no alert; the scoping cases would prove nothing.");
  const officer = new ApiClient(server.url);
  expect((await officer.login("alerts.nakuru@test.ke", PASSWORD)).status).toBe(200);
  return { officer, mombasaAlertId: alert.id };
}

function expectNothingOfMombasa(body: unknown, data: Seeded): void {
  const text = JSON.stringify(body);
  expect(text).not.toContain(data.mombasaAlertId);
  expect(text).not.toContain("Mombasa");
  expect(text).not.toContain("Mvita");
}

export function alertScopingCases(context: () => Context): Record<string, () => Promise<void>> {
  let seeded: Promise<Seeded> | undefined;
  const data = () => {
    seeded ??= seed(context());
    return seeded;
  };
  const refusedAction = (action: string, body: unknown) => async () => {
    const d = await data();
    const res = await d.officer.post(`/api/alerts/${d.mombasaAlertId}/${action}`, body);
    expect(res.status).toBe(404);
    expectNothingOfMombasa(res.body, d);
    const [still] = await context()
      .server.deps.db.select({ status: alerts.status })
      .from(alerts)
      .where(eq(alerts.id, d.mombasaAlertId));
    expect(still?.status).toBe("new");
  };
  return {
    "GET /api/alerts": async () => {
      const d = await data();
      for (const query of ["", "?status=new", "?level=ward&category=gang_crime"]) {
        const res = await d.officer.get(`/api/alerts${query}`);
        expect(res.status).toBe(200);
        expectNothingOfMombasa(res.body, d);
      }
    },
    "GET /api/alerts/notifications": async () => {
      const d = await data();
      const res = await d.officer.get("/api/alerts/notifications");
      expect(res.status).toBe(200);
      expectNothingOfMombasa(res.body, d);
    },
    "POST /api/alerts/notifications/read": async () => {
      const d = await data();
      const res = await d.officer.post("/api/alerts/notifications/read", { alertIds: [d.mombasaAlertId] });
      expect(res.body).toEqual({ marked: 0 });
    },
    "GET /api/alerts/:id": async () => {
      const d = await data();
      const res = await d.officer.get(`/api/alerts/${d.mombasaAlertId}`);
      expect(res.status).toBe(404);
      expectNothingOfMombasa(res.body, d);
    },
    "POST /api/alerts/:id/acknowledge": refusedAction("acknowledge", {}),
    "POST /api/alerts/:id/action": refusedAction("action", { note: "done" }),
    "POST /api/alerts/:id/dismiss": refusedAction("dismiss", { reason: "not real" }),
  };
}
