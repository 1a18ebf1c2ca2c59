import { describe, expect, it } from "vitest";
import { openPage, shown, signIn } from "./support/browser.ts";
import { smsArrives } from "./support/gateway.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

const EMERGENCY = "Watu wanapigana na panga sasa hivi Korogocho, tusaidieni";
const ROUTINE = "Taa za barabarani Korogocho hazijawaka wiki mbili sasa";

describe("a community monitor triages an SMS from the inbox", () => {
  const env = useJourneyEnvironment();

  it("an emergency SMS appears at the top flagged emergency; the monitor corrects its category and verifies it", async () => {
    const page = await openPage(env.browser, env.server.url);
    await signIn(page, "monitor@baraza.test");
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Reports" })
      .click();
    await shown(page.getByRole("heading", { level: 1, name: "Reports inbox" }));

    // The emergency first, then a newer routine complaint: urgency, not arrival, decides the order.
    await smsArrives(env.server.url, "ATXid_e2e_emergency", "+254722000901", EMERGENCY);
    await smsArrives(env.server.url, "ATXid_e2e_routine", "+254722000902", ROUTINE);

    // No reload: the inbox refreshes by itself.
    const rows = page.getByRole("list", { name: "Reports, most urgent first" }).getByRole("listitem");
    await shown(rows.filter({ hasText: "hazijawaka" }));
    const top = rows.first();
    await shown(top.filter({ hasText: "panga sasa hivi" }));
    expect(await top.locator("[data-urgency]").first().textContent()).toBe("Emergency");
    expect(await top.locator("mark").count()).toBeGreaterThan(0);
    const reference = await top.getAttribute("data-reference");
    expect(reference).toMatch(/^BRZ-/);
    expect(await top.getAttribute("aria-current")).toBe("true");

    // One keystroke per decision: 2 sets "Gang crime, robbery", v verifies the report as it now stands.
    await page.keyboard.press("2");
    await shown(
      page.getByRole("status").filter({ hasText: `${reference}: category set to Gang crime, robbery.` }),
    );
    await shown(top.filter({ hasText: "Gang crime, robbery" }));
    await page.keyboard.press("v");
    await shown(page.getByRole("status").filter({ hasText: `${reference} verified.` }));
    // Verified reports leave the list of those waiting for a decision.
    await rows.filter({ hasText: "panga sasa hivi" }).waitFor({ state: "detached" });

    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Verified" });
    await page.getByRole("link", { name: `Open ${reference}` }).click();
    await shown(page.getByRole("heading", { level: 1, name: `Report ${reference}` }));
    const history = page.getByRole("region", { name: "Decision history" });
    await shown(history.getByRole("cell", { name: "Corrected" }));
    await shown(history.getByRole("cell", { name: "Verified" }));
    expect(await history.getByRole("cell", { name: "monitor@baraza.test" }).count()).toBe(2);
    await shown(page.getByRole("region", { name: "Triage guess" }).getByText("Public order, mob").first());
    await page.context().close();
  });
});
