import { describe, expect, it } from "vitest";
import { followMainNavigation, shown, signedInPage } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

const filtersInAddress = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe("an M&E officer reads a programme's dashboard", () => {
  const env = useJourneyEnvironment();

  it("sees indicators, the reach pyramid, activities over time and the map, then narrows them to a quarter", async () => {
    const page = await signedInPage(env.browser, env.server.url, "me@baraza.test");
    await followMainNavigation(page, "Programmes");
    await shown(page.getByRole("heading", { level: 1, name: "Programmes" }));
    await page.getByRole("link", { name: "Dashboard of REINVENT (demo)" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "REINVENT (demo): dashboard" }));

    // Indicators against targets, per project.
    const project = page.getByRole("region", {
      name: "Business Sector Engagement in Peace and Security (demo)",
    });
    const reached = project.getByRole("article", { name: "Traders, officers and residents reached" });
    await shown(reached.getByText(/^So far: \d+$/));
    await shown(reached.getByRole("img", { name: /^2026: \d+ of \d+ \(\d+%\)$/ }));

    // Reach across the programme, with its pyramid.
    const reach = page.getByRole("region", { name: "Reach across the programme" });
    const activitiesHeld = reach.getByRole("definition").nth(4);
    await shown(activitiesHeld.filter({ hasText: /^5$/ }));
    await shown(reach.getByRole("img", { name: "Unique people by gender and age band" }));
    const people = Number(await reach.getByRole("definition").first().textContent());
    expect(people).toBeGreaterThan(0);

    // Activities over time (the demo's season, month by month) and where they were held.
    const overTime = page.getByRole("region", { name: "Activities over time" });
    await shown(overTime.getByRole("img", { name: "Activities held each month, by type: 5 in all" }));
    await shown(overTime.getByRole("list", { name: "Types of activity" }).getByText("Dialogue session"));
    const map = page.getByRole("region", { name: "Where activities were held" });
    await shown(map.getByRole("img", { name: /^Map of [1-9]\d* places where activities were held$/ }));
    await shown(map.getByRole("row", { name: /Soko Mjinga/ }));

    // July to September: the peace action and the police café only, week by week.
    await page.getByLabel("From", { exact: true }).fill("2026-07-01");
    await page.getByLabel("To", { exact: true }).fill("2026-09-30");
    await shown(page.getByText("Showing 2026-07-01 to 2026-09-30 · all your areas"));
    await shown(overTime.getByRole("img", { name: "Activities held each week, by type: 2 in all" }));
    await shown(activitiesHeld.filter({ hasText: /^2$/ }));
    expect(Number(await reach.getByRole("definition").first().textContent())).toBeLessThan(people);
    await shown(reached.getByRole("img", { name: /^2026: \d+ of \d+ \(\d+%\)$/ }));
    expect(await map.getByRole("row", { name: /Soko Mjinga/ }).count()).toBe(0);

    // The period is in the address: reloading (or sharing the link) shows the same quarter.
    await expect.poll(() => filtersInAddress(page.url())).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    await page.reload();
    await shown(page.getByText("Showing 2026-07-01 to 2026-09-30 · all your areas"));
    expect(await page.getByLabel("From", { exact: true }).inputValue()).toBe("2026-07-01");
    expect(await page.getByLabel("To", { exact: true }).inputValue()).toBe("2026-09-30");
    await shown(overTime.getByRole("img", { name: "Activities held each week, by type: 2 in all" }));
    await shown(activitiesHeld.filter({ hasText: /^2$/ }));

    // A period that ends before it starts is refused at once; the figures stay as they were.
    await page.getByLabel("To", { exact: true }).fill("2026-06-01");
    await shown(page.getByText("must not be before the start of the period"));
    await shown(activitiesHeld.filter({ hasText: /^2$/ }));

    // Narrowed to Kaptembwo: the address names the place by id, and after a reload the field names it again.
    await page.getByLabel("To", { exact: true }).fill("2026-09-30");
    await page.getByLabel("Only in this place", { exact: true }).fill("Kaptembwo");
    await (await shown(page.getByRole("button", { name: "Choose Kaptembwo (Locality)" }))).click();
    await shown(page.getByText("Showing 2026-07-01 to 2026-09-30 · Kaptembwo"));
    await shown(activitiesHeld.filter({ hasText: /^1$/ }));
    await expect
      .poll(() => filtersInAddress(page.url()))
      .toEqual({ from: "2026-07-01", to: "2026-09-30", place: "l:kaptembwo" });
    await page.reload();
    await shown(page.getByText("Showing 2026-07-01 to 2026-09-30 · Kaptembwo"));
    const filters = page.getByRole("form", { name: "Period and place" });
    await shown(filters.getByText("Kaptembwo", { exact: true }));
    await shown(activitiesHeld.filter({ hasText: /^1$/ }));

    // Show everything takes the filters out of the address.
    await filters.getByRole("button", { name: "Show everything" }).click();
    await shown(page.getByText("Showing all dates · all your areas"));
    await shown(activitiesHeld.filter({ hasText: /^5$/ }));
    await expect.poll(() => filtersInAddress(page.url())).toEqual({});

    // A mangled link: the unreadable date and the unknown place are said and left out of the figures.
    await page.goto(`${new URL(page.url()).pathname}?from=2026-13-01&to=2026-09-30&place=l:nowhere`);
    await shown(page.getByText("Some filters in this link could not be read and were left out."));
    await shown(page.getByText("There is no such place: the figures are for all your areas."));
    await shown(page.getByText("Showing up to 2026-09-30 · all your areas"));
    expect(await page.getByLabel("From", { exact: true }).inputValue()).toBe("");

    // Usable on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
