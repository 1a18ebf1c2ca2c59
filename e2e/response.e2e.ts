import { describe, expect, it } from "vitest";
import { openPage, shown, signIn } from "./support/browser.ts";
import { smsArrives } from "./support/gateway.ts";
import { useJourneyEnvironment } from "./support/journey.ts";
import { eventually, staffApi } from "./support/staff-api.ts";

const SMS = "Majambazi wanashambulia watu na panga Kaptembwo sasa hivi, tusaidieni haraka";

describe("early response to an emergency SMS", () => {
  const env = useJourneyEnvironment();

  it("an emergency SMS is verified, routed to the Kaptembwo OCS, acknowledged, acted on with a photo and resolved on a phone, and the reporter is told", async () => {
    const url = env.server.url;
    await smsArrives(url, "ATXid_e2e_response", "+254722000977", SMS);
    const officer = await staffApi(url, "officer.nakuru@baraza.test");
    const report = await eventually("the SMS to become a report in the Nakuru inbox", async () => {
      const res = await officer.get("/api/reports?channel=sms&status=triaged");
      return res.body.reports?.find((r: { excerpt: string }) => r.excerpt.includes("panga Kaptembwo"));
    });
    const verified = await officer.post(`/api/reports/${report.id}/verify`, {
      category: "gang_crime",
      urgency: "emergency",
      placeId: "l:kaptembwo",
    });
    expect(verified.status).toBe(200);
    // Verification may already have opened the case; opening it again answers with the same case.
    const opened = await officer.post("/api/cases", { reportId: report.id });
    expect([200, 201]).toContain(opened.status);
    const kase = opened.body.case;
    expect(kase.assignments.map((a: { unitName: string }) => a.unitName)).toContain(
      "Kaptembwo Police Station (demo)",
    );

    const page = await openPage(env.browser, url);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, "responder.kaptembwo@baraza.test");
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Cases" })
      .click();
    await shown(page.getByRole("heading", { level: 1, name: "Cases" }));
    // The notice "New for you" links the case too; the card is the link that says what is due.
    await shown(page.getByRole("region", { name: "New for you" }).getByRole("link", { name: kase.number }));
    const card = page
      .getByRole("link")
      .filter({ hasText: kase.number })
      .filter({ hasText: "Acknowledge by" });
    await shown(card);
    await card.click();
    await shown(page.getByRole("heading", { level: 1, name: kase.number }));
    await shown(page.getByText("panga Kaptembwo"));
    await shown(page.getByText("The reporter's identity is protected"));
    expect(await page.getByText("+254722000977").count()).toBe(0);
    expect(await page.getByText(report.reference).count()).toBe(0);

    await page.getByRole("button", { name: "Acknowledge" }).click();
    await shown(page.getByText("Acknowledged", { exact: true }).first());
    // On the way there, an action with a photo of the scene, as an OCS would add from the phone.
    await page.getByLabel("What was done, by whom").fill("Patrol car sent to the stage, OB 14/23/11");
    await page.getByRole("button", { name: "Save the action" }).click();
    const timeline = page.getByRole("region", { name: "Timeline" });
    await shown(timeline.getByText("Patrol car sent to the stage"));
    await timeline.getByLabel("Add files").setInputFiles({
      name: "scene.png",
      mimeType: "image/png",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    });
    await shown(timeline.getByRole("link", { name: "scene.png" }));
    await page.getByRole("button", { name: "Mark resolved" }).click();
    await page
      .getByLabel("How was it resolved?")
      .fill("Patrol sent; two suspects arrested, the injured taken to hospital");
    await page.getByRole("button", { name: "Resolve the case" }).click();
    await shown(page.getByText("Resolved", { exact: true }).first());
    // Phone-sized: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const after = await officer.get(`/api/cases/${kase.id}`);
    expect(after.body.case.status).toBe("resolved");
    const outcome = after.body.case.feedback.find(
      (f: { residentStatus: string }) => f.residentStatus === "case_resolved",
    );
    expect(outcome).toMatchObject({ status: "queued", locale: "sw", reference: report.reference });
    expect(outcome.body).toContain("limetatuliwa");
    await page.context().close();
  });
});
