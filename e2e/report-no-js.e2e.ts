// A resident on a phone browser with JavaScript off reports in Kiswahili, then follows the report up
// with the reference and PIN from the receipt and adds information.
import { describe, expect, it } from "vitest";
import { openPage, shown } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

const REPORT_TEXT = "Vijana watatu walivunja duka usiku wa jana 🙁";

describe("reporting without JavaScript", () => {
  const env = useJourneyEnvironment();

  it("a resident reports in Kiswahili, reads the receipt, checks the status and adds information", async () => {
    const context = await env.browser.newContext({
      baseURL: env.server.url,
      javaScriptEnabled: false,
      // A small feature-phone screen.
      viewport: { width: 240, height: 320 },
      locale: "en-GB",
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();

    await page.goto("/report");
    await shown(page.getByRole("heading", { level: 1, name: "Report something safely" }));
    await page.getByRole("button", { name: "Kiswahili" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Ripoti jambo kwa usalama" }));

    await page.getByLabel("Nini kilitokea?").fill(REPORT_TEXT);
    await page.getByLabel("Magenge, wizi, uhalifu").check();
    await page.getByLabel("Kaunti").selectOption({ label: "Nakuru" });
    await page.getByRole("button", { name: "Onyesha maeneo ya kaunti hii" }).click();
    // The second step of the form comes back with the county's places and what was typed.
    await page.getByLabel("Au chagua eneo ndani ya Nakuru").selectOption({ label: "Kaptembwo" });
    expect(await page.getByLabel("Nini kilitokea?").inputValue()).toContain("Vijana watatu");
    await page.getByLabel("Jana").check();
    await page.getByRole("button", { name: "Tuma ripoti", exact: true }).click();

    // Post/Redirect/Get: the receipt is a page of its own; reloading it shows the same receipt
    // (a second filing would have drawn a new reference and PIN).
    await shown(page.getByRole("heading", { level: 1, name: "Ripoti yako imetumwa" }));
    expect(new URL(page.url()).pathname).toMatch(/^\/report\/receipt\/[0-9a-f]{64}$/);
    const reference = (await page.locator("#reference").textContent())?.trim() ?? "";
    const pin = (await page.locator("#pin").textContent())?.trim() ?? "";
    expect(reference).toMatch(/^BRZ-[0-9A-Z]{5}$/);
    expect(pin).toMatch(/^\d{6}$/);
    await page.reload();
    await shown(page.getByRole("heading", { level: 1, name: "Ripoti yako imetumwa" }));
    expect((await page.locator("#reference").textContent())?.trim()).toBe(reference);
    expect((await page.locator("#pin").textContent())?.trim()).toBe(pin);

    await page.getByRole("link", { name: "/follow-up" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Fuatilia ripoti yako" }));
    await page.getByLabel("Nambari ya ripoti").fill(reference);
    await page.getByLabel("PIN (tarakimu 6)").fill(pin);
    await page.getByRole("button", { name: "Angalia", exact: true }).click();

    await shown(page.getByRole("heading", { level: 1, name: `Ripoti ${reference}` }));
    expect(await page.locator("#status").textContent()).toMatch(new RegExp(`^Ripoti ${reference}: `));
    expect(await page.locator("#report-text").textContent()).toContain("Vijana watatu walivunja duka");

    await page
      .getByRole("textbox", { name: "Ongeza maelezo" })
      .fill("Mmoja wao alikuwa na pikipiki nyekundu.");
    await page.getByRole("button", { name: "Ongeza", exact: true }).click();
    await shown(page.getByText("Asante. Tumeongeza haya kwenye ripoti yako."));
    expect(await page.locator("#additions").textContent()).toContain(
      "Mmoja wao alikuwa na pikipiki nyekundu.",
    );
    expect(await page.content()).not.toContain("<script");
    await context.close();
  });

  it("the staff sign-in page links to the public report form", async () => {
    const page = await openPage(env.browser, env.server.url);
    await page.goto("/login");
    await page.getByRole("link", { name: /Report something safely/ }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Report something safely" }));
    expect(new URL(page.url()).pathname).toBe("/report");
    await page.context().close();
  });
});
