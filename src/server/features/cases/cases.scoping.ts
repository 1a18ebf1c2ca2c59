// Scoping cases for every case, responder and routing route, spread into CASES in
// src/server/test/scoping.routes.test.ts. Mombasa has a case (with a held message to its reporter
// and a notice to its officer), a unit and a rule; Nakuru staff reach for each through every route.
import { expect } from "vitest";
import { cliPrincipal } from "../../cli/context.ts";
import { inTransaction } from "../../deps.ts";
import { type Fixture, makeUser, PASSWORD } from "../../test/fixtures.ts";
import { ApiClient, type TestServer } from "../../test/harness.ts";
import { openCaseForReport } from "./cases.service.ts";
import { caseFeedback } from "./cases.table.ts";
import { verifiedReport } from "./cases-test.fixture.ts";
import { createResponderUnit, setUnitMembers } from "./responders.service.ts";
import { createRoutingRule } from "./routing-rules.service.ts";

interface Context {
  server: TestServer;
  fx: Fixture;
  /** Signed in as the Nakuru administrator. */
  nakuru: ApiClient;
}

interface Seeded {
  mombasaCase: { id: string; number: string };
  mombasaReportId: string;
  nakuruCaseId: string;
  feedbackId: string;
  mombasaUnitId: string;
  mombasaRuleId: string;
  mombasaNoticeIds: string[];
  officer: ApiClient;
  ocs: ApiClient;
  /** A Mombasa timeline entry with a file on it. */
  mombasaEventId: string;
  mombasaFileId: string;
}

const SECRET = "Coast Secret";

async function seed({ server, fx }: Context): Promise<Seeded> {
  const { deps } = server;
  const cli = await cliPrincipal(deps);
  const nakuruOfficer = await makeUser(
    deps,
    "officer.nakuru.cases@test.ke",
    ["programme_officer"],
    [fx.riftOrgId],
    ["c:032"],
  );
  const coastUnit = await createResponderUnit(deps, cli, {
    name: `${SECRET} Desk`,
    kind: "programme",
    organisationId: fx.coastOrgId,
    areaPlaceIds: ["c:001"],
    categories: [],
  });
  await setUnitMembers(deps, cli, coastUnit.id, {
    members: [{ userId: fx.users.mombasaOfficer?.id ?? "", supervisor: true }],
  });
  const riftUnit = await createResponderUnit(deps, cli, {
    name: "Nakuru desk",
    kind: "programme",
    organisationId: fx.riftOrgId,
    areaPlaceIds: ["c:032"],
    categories: [],
  });
  await setUnitMembers(deps, cli, riftUnit.id, {
    members: [
      { userId: nakuruOfficer.id, supervisor: true },
      { userId: fx.users.nakuruResponder?.id ?? "", supervisor: false },
    ],
  });
  const rule = await createRoutingRule(deps, cli, {
    name: `${SECRET} rule`,
    priority: 1,
    categories: [],
    urgencies: [],
    placeId: "c:001",
    targetKinds: ["programme"],
    isDefault: false,
    active: true,
  });
  const mombasaReport = await verifiedReport(deps, {
    text: `${SECRET} case: a husband beats his wife in Likoni`,
    category: "gbv",
    urgency: "high",
    placeId: "s:004",
    phone: "+254733000999",
    consentToContact: true,
  });
  const nakuruReport = await verifiedReport(deps, {
    text: "Drainage blocked at Soko Mjinga",
    category: "service_delivery",
    urgency: "routine",
    placeId: "l:soko-mjinga",
  });
  const open = (reportId: string) =>
    inTransaction(deps, (tx) => openCaseForReport(tx, { id: null, label: "cli" }, reportId));
  const mombasaCase = await open(mombasaReport.id);
  const nakuruCase = await open(nakuruReport.id);
  const [feedback] = await deps.db.select().from(caseFeedback);
  const mombasaOfficer = new ApiClient(server.url);
  expect((await mombasaOfficer.login("officer.mombasa@test.ke", PASSWORD)).status).toBe(200);
  const notices = (await mombasaOfficer.get("/api/notifications")).body.notifications as { id: string }[];
  expect(notices.length).toBeGreaterThan(0);
  const mombasaEventId = (await mombasaOfficer.get(`/api/cases/${mombasaCase.id}`)).body.case.timeline[0].id;
  const file = await mombasaOfficer.upload(
    `/api/case-events/${mombasaEventId}/attachments`,
    `${SECRET} statement.txt`,
    Buffer.from(`${SECRET}: what the neighbour saw`),
  );
  expect(file.status).toBe(201);
  const officer = new ApiClient(server.url);
  expect((await officer.login(nakuruOfficer.email, PASSWORD)).status).toBe(200);
  const ocs = new ApiClient(server.url);
  expect((await ocs.login("ocs.nakuru@test.ke", PASSWORD)).status).toBe(200);
  return {
    mombasaCase,
    mombasaReportId: mombasaReport.id,
    nakuruCaseId: nakuruCase.id,
    feedbackId: feedback?.id ?? "",
    mombasaUnitId: coastUnit.id,
    mombasaRuleId: rule.id,
    mombasaNoticeIds: notices.map((n) => n.id),
    officer,
    ocs,
    mombasaEventId,
    mombasaFileId: file.body.attachment.id,
  };
}

function expectNothingOfMombasa(body: unknown, d: Seeded): void {
  const text = JSON.stringify(body);
  for (const secret of [
    SECRET,
    d.mombasaCase.id,
    d.mombasaCase.number,
    d.mombasaReportId,
    d.mombasaUnitId,
    d.mombasaRuleId,
  ])
    expect(text).not.toContain(secret);
}

export function caseScopingCases(context: () => Context): Record<string, () => Promise<void>> {
  let seeded: Promise<Seeded> | undefined;
  const data = () => {
    seeded ??= seed(context());
    return seeded;
  };
  /** The Nakuru programme officer posts to a Mombasa case: 404, and nothing of it in the answer. */
  const refused = (suffix: string, body: unknown) => async () => {
    const d = await data();
    const res = await d.officer.post(`/api/cases/${d.mombasaCase.id}${suffix}`, body);
    expect(res.status).toBe(404);
    expectNothingOfMombasa(res.body, d);
  };
  return {
    "GET /api/cases": async () => {
      const d = await data();
      for (const api of [d.officer, d.ocs, context().nakuru]) {
        const res = await api.get("/api/cases?state=all");
        expectNothingOfMombasa(res.body, d);
      }
      const mine = await d.officer.get("/api/cases?state=all");
      expect(mine.body.cases.map((c: { id: string }) => c.id)).toEqual([d.nakuruCaseId]);
    },
    "POST /api/cases": async () => {
      const d = await data();
      const res = await d.officer.post("/api/cases", { reportId: d.mombasaReportId });
      expect(res.status).toBe(404);
      expectNothingOfMombasa(res.body, d);
    },
    "GET /api/cases/metrics": async () => {
      const d = await data();
      const res = await d.officer.get("/api/cases/metrics");
      expect(res.body.metrics.total.cases).toBe(1);
      expectNothingOfMombasa(res.body, d);
    },
    "GET /api/case-feedback": async () => {
      const d = await data();
      const res = await d.officer.get("/api/case-feedback");
      expect(res.status).toBe(200);
      expectNothingOfMombasa(res.body, d);
    },
    "GET /api/cases/:id": async () => {
      const d = await data();
      for (const api of [d.officer, d.ocs]) {
        const res = await api.get(`/api/cases/${d.mombasaCase.id}`);
        expect(res.status).toBe(404);
        expectNothingOfMombasa(res.body, d);
      }
    },
    "POST /api/cases/:id/transitions": refused("/transitions", { action: "acknowledge" }),
    "POST /api/cases/:id/actions": refused("/actions", { notes: "went there" }),
    "POST /api/cases/:id/reports": refused("/reports", { reportId: "00000000-0000-4000-8000-000000000000" }),
    "POST /api/cases/:id/assignments": async () => {
      await refused("/assignments", { unitId: "00000000-0000-4000-8000-000000000000" })();
      const d = await data();
      const res = await d.officer.post(`/api/cases/${d.nakuruCaseId}/assignments`, {
        unitId: d.mombasaUnitId,
      });
      expect(res.status).toBe(404);
      expectNothingOfMombasa(res.body, d);
    },
    "POST /api/cases/:id/feedback/:feedbackId/approve": async () => {
      const d = await data();
      await refused(`/feedback/${d.feedbackId}/approve`, {})();
      const res = await d.officer.post(`/api/cases/${d.nakuruCaseId}/feedback/${d.feedbackId}/approve`, {});
      expect(res.status).toBe(404);
    },
    "POST /api/cases/:id/feedback/:feedbackId/discard": async () => {
      const d = await data();
      await refused(`/feedback/${d.feedbackId}/discard`, {})();
    },
    "GET /api/case-events/:id/attachments": async () => {
      const d = await data();
      for (const api of [d.officer, d.ocs]) {
        const res = await api.get(`/api/case-events/${d.mombasaEventId}/attachments`);
        expect(res.status).toBe(404);
        expectNothingOfMombasa(res.body, d);
      }
    },
    "POST /api/case-events/:id/attachments": async () => {
      const d = await data();
      const res = await d.officer.upload(
        `/api/case-events/${d.mombasaEventId}/attachments`,
        "x.txt",
        Buffer.from("x"),
      );
      expect(res.status).toBe(404);
    },
    "GET /api/case-events/:id/attachments/:attachmentId": async () => {
      const d = await data();
      const res = await d.officer.get(`/api/case-events/${d.mombasaEventId}/attachments/${d.mombasaFileId}`);
      expect(res.status).toBe(404);
      expectNothingOfMombasa(res.body, d);
    },
    "DELETE /api/case-events/:id/attachments/:attachmentId": async () => {
      const d = await data();
      const res = await d.officer.delete(
        `/api/case-events/${d.mombasaEventId}/attachments/${d.mombasaFileId}`,
      );
      expect(res.status).toBe(404);
    },
    "GET /api/notifications": async () => {
      const d = await data();
      for (const api of [d.officer, d.ocs])
        expectNothingOfMombasa((await api.get("/api/notifications")).body, d);
    },
    "POST /api/notifications/read": async () => {
      const d = await data();
      const res = await d.officer.post("/api/notifications/read", { ids: d.mombasaNoticeIds });
      expect(res.body).toEqual({ read: 0 });
    },
    "GET /api/responder-units": async () => {
      const d = await data();
      for (const api of [context().nakuru, d.officer])
        expectNothingOfMombasa((await api.get("/api/responder-units")).body, d);
    },
    "POST /api/responder-units": async () => {
      const res = await context().nakuru.post("/api/responder-units", {
        name: "Intrusion",
        kind: "chief",
        organisationId: context().fx.coastOrgId,
        areaPlaceIds: ["c:001"],
      });
      expect(res.status).toBe(403);
    },
    "PATCH /api/responder-units/:id": async () => {
      const d = await data();
      const res = await context().nakuru.patch(`/api/responder-units/${d.mombasaUnitId}`, { active: false });
      expect(res.status).toBe(404);
      expectNothingOfMombasa(res.body, d);
    },
    "POST /api/responder-units/:id/members": async () => {
      const d = await data();
      const res = await context().nakuru.post(`/api/responder-units/${d.mombasaUnitId}/members`, {
        members: [],
      });
      expect(res.status).toBe(404);
    },
    "GET /api/routing-rules": async () => {
      const d = await data();
      for (const api of [context().nakuru, d.officer])
        expectNothingOfMombasa((await api.get("/api/routing-rules")).body, d);
    },
    "POST /api/routing-rules": async () => {
      const res = await context().nakuru.post("/api/routing-rules", {
        name: "Intrusion",
        placeId: "c:001",
        targetKinds: ["chief"],
      });
      expect(res.status).toBe(403);
    },
    "PATCH /api/routing-rules/:id": async () => {
      const d = await data();
      const res = await context().nakuru.patch(`/api/routing-rules/${d.mombasaRuleId}`, { active: false });
      expect(res.status).toBe(404);
      expectNothingOfMombasa(res.body, d);
    },
    "POST /api/routing-rules/explain": async () => {
      const d = await data();
      const inside = await d.officer.post("/api/routing-rules/explain", {
        category: "gbv",
        urgency: "high",
        placeId: "c:032",
      });
      expect(inside.status).toBe(200);
      expectNothingOfMombasa(inside.body, d);
      const outside = await d.officer.post("/api/routing-rules/explain", {
        category: "gbv",
        urgency: "high",
        placeId: "c:001",
      });
      expect(outside.status).toBe(403);
      expectNothingOfMombasa(outside.body, d);
    },
  };
}
