import { describe, expect, it } from "vitest";
import { openPage, shown, signIn } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

/** A 1×1 PNG: a photo of the sign-in sheet, as far as the server can tell. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

describe("an M&E officer corrects an activity and files its sign-in sheet", () => {
  const env = useJourneyEnvironment();

  it("edits the notes of a demo activity on a phone, then attaches a photo and sees it listed", async () => {
    const page = await openPage(env.browser, env.server.url);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "me@baraza.test");
    await shown(page.getByRole("heading", { level: 1, name: /^Welcome/ }));
    await page.goto("/programmes");
    await page.getByRole("link", { name: "Business Sector Engagement in Peace and Security (demo)" }).click();
    await page.getByRole("link", { name: "2026-07-11" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Meal sharing at Kaptembwo police post" }));

    await page.getByRole("link", { name: "Edit activity" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Edit activity" }));
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe(
      "Meal sharing at Kaptembwo police post",
    );
    await page.getByLabel("Notes", { exact: true }).fill("Chai and mandazi with the officers; 30 came.");
    await page.getByRole("button", { name: "Save changes" }).click();

    await shown(page.getByRole("status").filter({ hasText: "Changes saved." }));
    await shown(page.getByText("Chai and mandazi with the officers; 30 came."));

    const files = page.getByRole("region", { name: "Files: sign-in sheets, reports, pictures" });
    await shown(files.getByText("No files yet."));
    await files
      .getByLabel("Add files", { exact: true })
      .setInputFiles({ name: "sign-in-sheet.png", mimeType: "image/png", buffer: PNG });
    const link = await shown(files.getByRole("link", { name: "sign-in-sheet.png" }));
    expect(await link.getAttribute("href")).toMatch(
      /^\/api\/activities\/[0-9a-f-]{36}\/attachments\/[0-9a-f-]{36}$/,
    );

    // Still there after a reload: it was stored, not only shown.
    await page.reload();
    await shown(
      page
        .getByRole("region", { name: "Files: sign-in sheets, reports, pictures" })
        .getByRole("link", { name: "sign-in-sheet.png" }),
    );
    await page.context().close();
  });
});
