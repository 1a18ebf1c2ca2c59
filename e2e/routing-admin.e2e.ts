import { describe, expect, it } from "vitest";
import { followMainNavigation, openPage, shown, signedInPage, signIn } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

// The taxonomy has no separate land-dispute category: land conflicts are "communal_conflict".
const RULE = "Land disputes in Nakuru go to the chief";

describe("routing rules and response metrics", () => {
  const env = useJourneyEnvironment();

  it("an administrator adds a rule sending land disputes in Nakuru to the chief, and Try it names that rule", async () => {
    const page = await signedInPage(env.browser, env.server.url, "admin@baraza.test");
    await followMainNavigation(page, "Admin");
    await page
      .getByRole("navigation", { name: "Administration sections" })
      .getByRole("link", { name: "Routing rules" })
      .click();
    await shown(page.getByRole("heading", { level: 1, name: "Routing rules" }));
    await shown(page.getByText("Police-misconduct complaints never go to police stations"));
    await shown(page.getByRole("heading", { name: "Everything else: the programme desk" }));

    const form = page.getByRole("region", { name: "Add a rule" });
    await form.getByLabel("Name", { exact: true }).fill(RULE);
    await form.getByRole("group", { name: "Categories" }).getByLabel("Communal conflict").check();
    await form.getByLabel("Find an area", { exact: true }).fill("Nakuru");
    await (await shown(form.getByRole("button", { name: "Add Nakuru", exact: true }))).click();
    await form
      .getByRole("group", { name: "Send to these kinds of unit" })
      .getByLabel("Chief", { exact: true })
      .check();
    await form.getByRole("button", { name: "Add the rule" }).click();
    await shown(form.getByRole("status").filter({ hasText: RULE }));
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: RULE }) });
    await shown(card.getByText("within Nakuru (County)"));

    const tryIt = page.getByRole("region", { name: "Try it" });
    await tryIt.getByLabel("Category", { exact: true }).selectOption("communal_conflict");
    await tryIt.getByLabel("Urgency", { exact: true }).selectOption("routine");
    await tryIt.getByLabel("Find an area", { exact: true }).fill("Kaptembwo");
    await (await shown(tryIt.getByRole("button", { name: /^Add Kaptembwo/ }).first())).click();
    await tryIt.getByRole("button", { name: "Show where it goes" }).click();
    const result = page.getByRole("region", { name: "Where it would go" });
    await shown(result.getByText("Kaptembwo chief (demo)", { exact: true }));
    await shown(result.getByText(`Rule “${RULE}” matched`));
    await page.context().close();
  });

  it("a programme officer opens Response metrics on a phone and sees the demo figures", async () => {
    const page = await openPage(env.browser, env.server.url);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, "officer.mombasa@baraza.test");
    await followMainNavigation(page, "Cases");
    await page.getByRole("link", { name: "Response metrics" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Response metrics" }));
    const summary = page.getByLabel("All cases in the period");
    await shown(summary.getByText("8", { exact: true }));
    await shown(page.getByRole("heading", { name: "2 cases overdue" }));
    await shown(page.getByRole("rowheader", { name: "Mombasa programme desk (demo)" }));
    await shown(page.getByText("First action overdue since").first());
    await page.getByLabel("Category", { exact: true }).selectOption("gbv");
    await shown(page.getByRole("rowheader", { name: "Mombasa counsellors (demo)" }));
    await shown(page.getByRole("heading", { name: "0 cases overdue" }));

    // The category is in the address: a reload keeps the filtered figures.
    await expect.poll(() => new URL(page.url()).search).toBe("?category=gbv");
    await page.reload();
    await shown(page.getByRole("rowheader", { name: "Mombasa counsellors (demo)" }));
    await shown(page.getByRole("heading", { name: "0 cases overdue" }));
    expect(await page.getByLabel("Category", { exact: true }).inputValue()).toBe("gbv");
    expect(await page.getByLabel("Period", { exact: true }).inputValue()).toBe("90");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });
});
