import { describe, expect, it } from "vitest";
import { followMainNavigation, shown, signedInPage } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

describe("messages that did not go through", () => {
  const env = useJourneyEnvironment();

  it("an administrator sees it without sender or text, runs it again, and the report reaches the inbox", async () => {
    const page = await signedInPage(env.browser, env.server.url, "admin@baraza.test");
    await followMainNavigation(page, "Admin");
    await page
      .getByRole("navigation", { name: "Administration sections" })
      .getByRole("link", { name: "Incoming SMS" })
      .click();
    await shown(page.getByRole("heading", { level: 1, name: "Incoming SMS" }));
    await shown(page.getByText("1 message could not be processed."));
    const row = page.getByRole("row").filter({ hasText: "ECONNREFUSED" });
    await shown(row.getByRole("cell", { name: "Africa's Talking" }));
    await shown(row.getByRole("cell", { name: "8", exact: true }));
    const table = (await page.getByRole("table").textContent()) ?? "";
    expect(table).not.toContain("711000999");
    expect(table).not.toContain("Kaptembwo");

    await row.getByRole("button", { name: /^Try again the message received/ }).click();
    await shown(page.getByRole("status").filter({ hasText: "Queued again" }));
    await shown(page.getByText("Every incoming SMS was processed."));

    // The worker turns it into a report like any SMS; the inbox refreshes by itself.
    await followMainNavigation(page, "Reports");
    await shown(page.getByRole("heading", { level: 1, name: "Reports inbox" }));
    await page.getByLabel("Channel", { exact: true }).selectOption({ label: "SMS" });
    await shown(
      page
        .getByRole("list", { name: "Reports, most urgent first" })
        .getByRole("listitem")
        .filter({ hasText: "wanawaibia watu" }),
    );
    await page.context().close();
  });

  it("an administrator records an outgoing SMS that broke off mid-send as arrived, after checking", async () => {
    const page = await signedInPage(env.browser, env.server.url, "admin@baraza.test");
    await followMainNavigation(page, "Admin");
    await page
      .getByRole("navigation", { name: "Administration sections" })
      .getByRole("link", { name: "Outgoing messages" })
      .click();
    await shown(page.getByRole("heading", { level: 1, name: "Outgoing messages" }));
    await shown(page.getByText("1 message needs a decision."));
    const row = page.getByRole("row").filter({ hasText: "report.status" });
    await shown(row.getByRole("cell", { name: "Uncertain: may have arrived" }));
    const table = (await page.getByRole("table").textContent()) ?? "";
    expect(table).not.toContain("711000888");
    expect(table).not.toContain("Kamati ya amani");

    await row.getByRole("button", { name: /^Record as arrived the message queued/ }).click();
    await shown(page.getByRole("status").filter({ hasText: "Recorded as sent" }));
    await shown(page.getByText("Every outgoing message went out."));
    await page.context().close();
  });
});
