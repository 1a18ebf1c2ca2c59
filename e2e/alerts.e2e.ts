import { describe, expect, it } from "vitest";
import { openPage, shown, signIn } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

describe("a programme officer follows up an early-warning alert", () => {
  const env = useJourneyEnvironment();

  it("sees the Kaptembwo alert with its explanation and acknowledges it", async () => {
    const page = await openPage(env.browser, env.server.url);
    await signIn(page, "officer.nakuru@baraza.test");
    await shown(page.getByRole("heading", { level: 1, name: /^Welcome, / }));

    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Alerts" })
      .click();
    await shown(page.getByRole("heading", { level: 1, name: "Alerts" }));
    // The demo's burst: seven gang reports from Kaptembwo in the last hour and a half.
    const explanation = /^7 reports of gang violence or crime in Kaptembwo ward .*usually none/;
    await shown(page.getByRole("heading", { level: 2, name: "New for you" }));
    await shown(page.getByRole("img", { name: /^Map of your areas/ }));
    // The card (not the notification) links to the same alert; it also says when it was raised.
    const card = page
      .getByRole("link", { name: /7 reports of gang violence or crime in Kaptembwo ward/ })
      .filter({ hasText: "Raised" });
    await shown(card);
    await card.click();

    await shown(page.getByRole("heading", { level: 1, name: "Alerts: Kaptembwo" }));
    await shown(page.getByText(explanation));
    await shown(page.getByRole("img", { name: /^Reports per day in Kaptembwo/ }));
    expect(await page.getByRole("table").filter({ hasText: "Reference" }).getByRole("row").count()).toBe(8);

    await page.getByRole("button", { name: "Acknowledge" }).click();
    await shown(page.getByText(/^Acknowledged by officer\.nakuru@baraza\.test/));
    await shown(page.getByRole("button", { name: "Mark as actioned" }));

    // Back on the list, the alert is still open but no longer new.
    await page.getByRole("link", { name: "All alerts" }).click();
    const acknowledged = page
      .getByRole("link", { name: /7 reports of gang violence or crime in Kaptembwo ward/ })
      .filter({ hasText: "Raised" });
    await shown(acknowledged.getByText("Acknowledged", { exact: true }));
    await page.context().close();
  });
});
