import { describe, expect, it } from "vitest";
import { followMainNavigation, shown, signedInPage, signIn, signOut } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

describe("an administrator creates a user", () => {
  const env = useJourneyEnvironment();

  it("with a role, an organisation and an area, and that user can then sign in", async () => {
    const page = await signedInPage(env.browser, env.server.url, "admin@baraza.test");
    await followMainNavigation(page, "Admin");
    await shown(page.getByRole("heading", { level: 1, name: "Users" }));
    await page.getByRole("link", { name: "New user" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Create a user" }));

    await page.getByLabel("Email address", { exact: true }).fill("amina.monitor@baraza.test");
    await page.getByLabel("Name", { exact: true }).fill("Amina Wanjiru");
    await page.getByLabel("Initial password", { exact: true }).fill("korogocho-peace-2026");
    await page.getByRole("group", { name: "Roles" }).getByLabel("Community monitor").check();
    const organisation = page.getByRole("group", { name: "Organisations" }).getByRole("checkbox").first();
    await organisation.check();
    await page.getByLabel("Find an area", { exact: true }).fill("Korogocho");
    await (await shown(page.getByRole("button", { name: /^Add Korogocho/ }).first())).click();
    await shown(page.getByRole("list", { name: "Chosen areas" }).getByText("Korogocho"));

    await page.getByRole("button", { name: "Create user" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Amina Wanjiru" }));
    const notice = await shown(page.getByRole("status").filter({ hasText: "can now sign in" }));
    expect(await notice.textContent()).toContain("Amina Wanjiru");

    await signOut(page);
    await signIn(page, "amina.monitor@baraza.test", "korogocho-peace-2026");
    await shown(page.getByRole("heading", { level: 1, name: "Welcome, Amina Wanjiru" }));
    await shown(page.getByRole("region", { name: "Your roles" }).getByText("Community monitor"));
    await shown(page.getByRole("region", { name: "Your areas" }).getByText(/Korogocho/));
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    expect(await nav.getByRole("link", { name: "Admin" }).count()).toBe(0);
    await shown(nav.getByRole("link", { name: "Reports" }));
    await page.context().close();
  });
});
