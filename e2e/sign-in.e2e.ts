import { describe, expect, it } from "vitest";
import { openPage, shown, signIn, signOut } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

describe("signing in and out", () => {
  const env = useJourneyEnvironment();

  it("a wrong password is refused with a message beside the form, and no session starts", async () => {
    const page = await openPage(env.browser, env.server.url);
    await page.goto("/");
    await page.waitForURL("**/login");
    await signIn(page, "admin@baraza.test", "not-the-password");

    const alert = await shown(page.getByRole("alert"));
    expect(await alert.textContent()).toContain("The email address or password is not right.");
    expect(new URL(page.url()).pathname).toBe("/login");
    const me = await page.request.get("/api/auth/me");
    expect(me.status()).toBe(401);
    await page.context().close();
  });

  it("an administrator signs in to the home page with the admin navigation, then signs out", async () => {
    const page = await openPage(env.browser, env.server.url);
    await signIn(page, "admin@baraza.test");

    await shown(page.getByRole("heading", { level: 1, name: /^Welcome, / }));
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await shown(nav.getByRole("link", { name: "Admin" }));
    await shown(nav.getByRole("link", { name: "Reports" }));
    expect(await page.getByText("Signed in as admin@baraza.test").count()).toBe(1);

    await signOut(page);
    await page.goto("/admin/users");
    await page.waitForURL("**/login");
    await shown(page.getByRole("heading", { level: 1, name: "Sign in" }));
    await page.context().close();
  });

  it("a responder's navigation offers only what their role allows", async () => {
    const page = await openPage(env.browser, env.server.url);
    await signIn(page, "responder.kaptembwo@baraza.test");
    await shown(page.getByRole("heading", { level: 1, name: /^Welcome, / }));
    const links = await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link")
      .allTextContents();
    expect(links).toEqual(["Home", "Cases"]);

    await page.goto("/admin/users");
    await shown(page.getByRole("heading", { level: 1, name: "No access" }));
    await page.context().close();
  });
});
