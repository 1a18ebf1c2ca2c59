import { describe, expect, it } from "vitest";
import { openPage, shown, signIn } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

const PROJECT = "Business Sector Engagement in Peace and Security (demo)";
const TITLE = "Youth and officers keep the drains clear (e2e)";

describe("an impact story goes from a facilitator's draft to approved use", () => {
  const env = useJourneyEnvironment();

  it("a facilitator drafts a story of a demo dialogue, records consent and submits; a programme officer approves", async () => {
    const page = await openPage(env.browser, env.server.url);
    await signIn(page, "facilitator.nakuru@baraza.test");
    await shown(page.getByRole("heading", { level: 1, name: /^Welcome/ }));
    await page.goto("/programmes");
    await page.getByRole("link", { name: PROJECT }).click();
    await page
      .getByRole("navigation", { name: "Project sections" })
      .getByRole("link", { name: "Stories" })
      .click();
    await shown(page.getByRole("heading", { level: 2, name: "Impact stories" }));
    await shown(
      page.getByRole("link", { name: "Soko Mjinga traders and officers clear the drains together (demo)" }),
    );

    await page.getByRole("link", { name: "New story" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "New story" }));
    await page.getByLabel("Title", { exact: true }).fill(TITLE);
    await page
      .getByLabel("The story", { exact: true })
      .fill(
        "After the youth dialogue at Soko Mjinga, young traders and officers now clear the drains every month.",
      );
    await page.getByLabel("Language of the story", { exact: true }).selectOption("en");
    await page.getByLabel("2026-03-14 · Dialogue session · Soko Mjinga", { exact: true }).check();
    await page.getByLabel("Take the drainage problem to the ward MCA", { exact: true }).check();
    await page.getByLabel("Add a place", { exact: true }).fill("Soko Mjinga");
    await (await shown(page.getByRole("button", { name: /^Choose Soko Mjinga/ }))).click();
    await page.getByRole("button", { name: "Save draft" }).click();

    await shown(page.getByRole("heading", { level: 1, name: TITLE }));
    const links = page.getByRole("region", { name: "What the story is linked to" });
    await shown(links.getByText("Take the drainage problem to the ward MCA"));
    await shown(links.getByText("Soko Mjinga", { exact: true }));
    const consent = page.getByRole("region", { name: "Consent for publication" });
    await shown(consent.getByText(/No consent recorded/));
    const form = consent.getByRole("form", { name: "Record consent" });
    await form.getByLabel("Given by", { exact: true }).fill("Youth group chairperson");
    await form.getByLabel("How", { exact: true }).selectOption("verbal_witnessed");
    await form.getByLabel("Witness", { exact: true }).fill("Ward administrator");
    await form.getByLabel("Use allowed", { exact: true }).selectOption("donor_reports");
    await form.getByRole("button", { name: "Record consent" }).click();
    await shown(consent.getByText("Youth group chairperson"));

    await page.getByRole("button", { name: "Submit for approval" }).click();
    await shown(page.getByRole("status").filter({ hasText: "Submitted for approval." }));
    const storyUrl = page.url();
    await page.context().close();

    const officer = await openPage(env.browser, env.server.url);
    await signIn(officer, "officer.nakuru@baraza.test");
    await shown(officer.getByRole("heading", { level: 1, name: /^Welcome/ }));
    await officer.goto(new URL(storyUrl).pathname);
    await shown(officer.getByRole("heading", { level: 1, name: TITLE }));
    await officer.getByRole("button", { name: "Approve" }).click();
    await shown(officer.getByRole("status").filter({ hasText: "Approved." }));
    await shown(officer.getByText(/May be used for: Donor reports/));
    expect(await officer.getByRole("button", { name: "Approve" }).count()).toBe(0);

    // The project's stories tab lists it as approved.
    await officer.getByRole("link", { name: `← ${PROJECT}` }).click();
    await officer.getByLabel("Status", { exact: true }).selectOption("approved");
    await shown(officer.getByRole("row", { name: new RegExp(TITLE.replace(/[()]/g, "\\$&")) }));
    await officer.context().close();
  });
});
