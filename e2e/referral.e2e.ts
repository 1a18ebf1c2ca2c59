import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, shown, signIn, signOut } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

const PROJECT = "Business Sector Engagement in Peace and Security (demo)";

/** Signs in and waits for the app, so that the next navigation does not cut the sign-in short. */
async function signInAs(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await shown(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Referrals" }),
  );
}

async function referralTotal(page: Page): Promise<string> {
  await page.goto("/programmes");
  await page.getByRole("link", { name: PROJECT }).click();
  const panel = await shown(page.getByRole("region", { name: "Referrals (counts only)" }));
  await shown(panel.getByText(/Counts from 1 to 4 are shown as “<5”/));
  return (await (await shown(panel.getByText(/^Referrals in total:/))).textContent()) ?? "";
}

describe("a facilitator refers a participant to a counsellor", () => {
  const env = useJourneyEnvironment();

  it("refers a registered participant with consent; the counsellor accepts and follows up; the project counts it", async () => {
    const page = await openPage(env.browser, env.server.url);
    await signInAs(page, "facilitator.nakuru@baraza.test");
    // The demo's four referrals are a small cell: the project page says "<5", never who.
    expect(await referralTotal(page)).toBe("Referrals in total: <5");

    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Referrals" })
      .click();
    await shown(page.getByRole("heading", { level: 1, name: "Referrals" }));
    await page.getByRole("link", { name: "New referral" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "New referral" }));
    const project = page.getByLabel("Project", { exact: true });
    const projectId = await project.locator("option", { hasText: PROJECT }).getAttribute("value");
    await project.selectOption(projectId ?? "");
    await page.getByLabel("Where the person lives (ward or locality)", { exact: true }).fill("Kaptembwo");
    await (await shown(page.getByRole("button", { name: "Choose Kaptembwo (Ward)" }))).click();
    await page.getByLabel("Find a participant by name or code", { exact: true }).fill("Wanjiru");
    await (await shown(page.getByRole("button", { name: /^Choose Wanjiru Demo \(P-/ }))).click();
    const chosen = await shown(page.getByText(/^Chosen: P-/));
    const code = ((await chosen.textContent()) ?? "").replace(/^Chosen: (P-[0-9A-Z]{6}).*$/s, "$1");
    expect(code).toMatch(/^P-[0-9A-Z]{6}$/);
    await page.getByLabel("Referred for", { exact: true }).selectOption("trauma_counselling");
    await page
      .getByLabel("Why the person is referred", { exact: true })
      .fill("Saw the attack at the market; not sleeping since (e2e)");
    await page
      .getByLabel("Counsellor", { exact: true })
      .selectOption({ label: "Joseph Demo (Counsellor, Mombasa)" });
    // Without the person's consent the referral is refused, naming the field.
    await page.getByRole("button", { name: "Make the referral" }).click();
    await shown(page.getByText("the person must agree to be referred (consent: true)"));
    await shown(page.getByText(/I would like to refer you to a counsellor who can support you/));
    await page.getByLabel("The person agreed to be referred", { exact: true }).check();
    await page.getByRole("button", { name: "Make the referral" }).click();
    await shown(page.getByRole("heading", { level: 1, name: `Registered participant ${code}` }));
    await shown(page.getByText("Referral made."));
    expect(await page.getByText("Wanjiru").count()).toBe(0);
    await signOut(page);

    await signInAs(page, "counsellor@baraza.test");
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Referrals" })
      .click();
    await (await shown(page.getByRole("link", { name: `Registered participant ${code}` }))).click();
    await shown(page.getByRole("heading", { level: 2, name: "Status: Made" }));
    await page.getByRole("button", { name: "Mark as Accepted" }).click();
    await shown(page.getByRole("heading", { level: 2, name: "Status: Accepted" }));
    await page
      .getByLabel("What happened", { exact: true })
      .fill("First session held at the church hall (e2e)");
    await page.getByLabel("Next follow-up date (optional)", { exact: true }).fill("2030-01-15");
    await page.getByRole("button", { name: "Save the follow-up" }).click();
    await shown(page.getByText("First session held at the church hall (e2e)"));
    await shown(page.getByText("Next follow-up: 2030-01-15"));
    await signOut(page);

    await signInAs(page, "facilitator.nakuru@baraza.test");
    expect(await referralTotal(page)).toBe("Referrals in total: 5");
  });
});
