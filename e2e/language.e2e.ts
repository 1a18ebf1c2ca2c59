import { describe, expect, it } from "vitest";
import { openPage, shown, signIn } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

describe("switching the language to Kiswahili", () => {
  const env = useJourneyEnvironment();

  it("before sign-in, the choice applies at once and is remembered on this device", async () => {
    const page = await openPage(env.browser, env.server.url);
    await page.goto("/login");
    await page.getByRole("button", { name: /Kiswahili/ }).click();

    await shown(page.getByRole("heading", { level: 1, name: "Ingia" }));
    await shown(page.getByLabel("Barua pepe", { exact: true }));
    await page.reload();
    await shown(page.getByRole("heading", { level: 1, name: "Ingia" }));
    expect(await page.locator("html").getAttribute("lang")).toBe("sw");
    await page.context().close();
  });

  it("a signed-in officer sees the shell in Kiswahili, and it stays so after a reload", async () => {
    const page = await openPage(env.browser, env.server.url);
    await signIn(page, "officer@baraza.test");
    await shown(page.getByRole("heading", { level: 1, name: /^Welcome, / }));

    const saved = page.waitForResponse(
      (r) => r.url().endsWith("/api/auth/me") && r.request().method() === "PATCH",
    );
    await page.getByRole("button", { name: /Kiswahili/ }).click();
    expect((await saved).status()).toBe(200);

    const nav = page.getByRole("navigation", { name: "Urambazaji mkuu" });
    await shown(nav.getByRole("link", { name: "Ripoti" }));
    await shown(nav.getByRole("link", { name: "Mwanzo" }));
    await shown(page.getByRole("heading", { level: 1, name: /^Karibu, / }));
    expect(await page.getByRole("button", { name: /Kiswahili/ }).getAttribute("aria-pressed")).toBe("true");

    await page.reload();
    await shown(page.getByRole("heading", { level: 1, name: /^Karibu, / }));
    await shown(
      page.getByRole("navigation", { name: "Urambazaji mkuu" }).getByRole("link", { name: "Tahadhari" }),
    );
    await page.context().close();
  });

  it("the saved language follows the account to a new device", async () => {
    const page = await openPage(env.browser, env.server.url);
    await signIn(page, "officer@baraza.test");
    await shown(page.getByRole("heading", { level: 1, name: /^Karibu, / }));
    await page.context().close();
  });
});
