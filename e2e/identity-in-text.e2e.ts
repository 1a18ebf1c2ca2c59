// A resident who writes their name and number into the report text is promised that police never
// see them: the station's responder sees markers, and only a programme officer trusted with
// identities sees the original, through the audited reveal.
import { describe, expect, it } from "vitest";
import { openPage, shown, signedInPage } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";
import { eventually, staffApi } from "./support/staff-api.ts";

const TYPED =
  "My name is Grace Wambui, call me on 0722 123 456. A gang with pangas is attacking people at Kaptembwo stage now";
const NUMBER = /0?722[\s.-]*123[\s.-]*456/;

describe("identities typed into the report text", () => {
  const env = useJourneyEnvironment();

  it("are masked for the station's responder and revealed, audited, to a trusted programme officer", async () => {
    const url = env.server.url;
    // The resident reports on the web form.
    const resident = await openPage(env.browser, url);
    await resident.goto("/report");
    await resident.getByLabel("What happened?").fill(TYPED);
    await resident.getByLabel("County").selectOption({ label: "Nakuru" });
    await resident.getByRole("button", { name: "Show places in this county" }).click();
    await resident.getByLabel("Or choose a place in Nakuru").selectOption({ label: "Kaptembwo" });
    await resident.getByRole("button", { name: "Send report", exact: true }).click();
    await shown(resident.getByRole("heading", { level: 1, name: "Your report was sent" }));
    const reference = (await resident.locator("#reference").textContent())?.trim() ?? "";

    // The Nakuru programme officer verifies it as an emergency: a case for the Kaptembwo station.
    const officerApi = await staffApi(url, "officer.nakuru@baraza.test");
    const report = await eventually("the report to be triaged", async () => {
      const res = await officerApi.get("/api/reports?pageSize=100");
      return res.body.reports?.find((r: { reference: string; status: string }) => r.reference === reference);
    });
    expect(report.excerpt).toContain("[name hidden]");
    const verified = await officerApi.post(`/api/reports/${report.id}/verify`, {
      category: "gang_crime",
      urgency: "emergency",
      placeId: "l:kaptembwo",
    });
    expect(verified.status).toBe(200);
    const opened = await officerApi.post("/api/cases", { reportId: report.id });
    expect([200, 201]).toContain(opened.status);
    const caseId = opened.body.case.id as string;

    // The station's responder sees what happened, with the name and number hidden.
    const responder = await signedInPage(env.browser, url, "responder.kaptembwo@baraza.test");
    await shown(responder.getByRole("navigation", { name: "Main navigation" }));
    await responder.goto(`/cases/${caseId}`);
    await shown(responder.getByText(/attacking people at Kaptembwo stage/));
    const caseText = (await responder.locator("main").textContent()) ?? "";
    expect(caseText).toContain("My name is [name hidden], call me on [phone hidden]");
    expect(caseText).not.toMatch(/Wambui/);
    expect(caseText).not.toMatch(NUMBER);
    await shown(responder.getByText(/Names, numbers and e-mails the resident typed are hidden/));

    // The administrator trusts the Nakuru programme officer with reporters' identities.
    const admin = await staffApi(url, "admin@baraza.test");
    const users = await admin.get("/api/users?q=officer.nakuru");
    const officerId = users.body.users.find(
      (u: { email: string }) => u.email === "officer.nakuru@baraza.test",
    ).id;
    expect((await admin.patch(`/api/users/${officerId}`, { canRevealIdentity: true })).status).toBe(200);

    // They reveal it on the report page, for a stated risk (the resident gave no consent to contact).
    const officer = await signedInPage(env.browser, url, "officer.nakuru@baraza.test");
    await shown(officer.getByRole("navigation", { name: "Main navigation" }));
    await officer.goto(`/reports/${report.id}`);
    await shown(officer.getByText(/Names, numbers and e-mails the resident typed are hidden/));
    expect((await officer.locator("main").textContent()) ?? "").not.toMatch(/Wambui/);
    await officer
      .getByLabel("Why do you need the reporter's contact?")
      .fill("Armed gang at the stage now; the resident may be a target and must be warned");
    await officer.getByLabel(/Someone's life or safety is at risk/).check();
    await officer.getByRole("button", { name: "Reveal contact" }).click();
    await shown(officer.getByText("The report as they typed it"));
    await shown(officer.getByText(TYPED));

    // The audit log shows who revealed which report (what was revealed is never in it).
    const audit = await admin.get("/api/audit?limit=100");
    const entry = audit.body.entries.find(
      (e: { action: string; entityId: string }) =>
        e.action === "report.identity_reveal_for_safety" && e.entityId === report.id,
    );
    expect(entry).toMatchObject({ actorEmail: "officer.nakuru@baraza.test", entityType: "report" });
    expect(JSON.stringify(audit.body)).not.toMatch(/Wambui/);
    expect(JSON.stringify(audit.body)).not.toMatch(NUMBER);
  });
});
