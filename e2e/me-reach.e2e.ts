import { describe, expect, it } from "vitest";
import { followMainNavigation, shown, signedInPage } from "./support/browser.ts";
import { useJourneyEnvironment } from "./support/journey.ts";

describe("an M&E officer tracks reach against a target", () => {
  const env = useJourneyEnvironment();

  it("creates a project for 450 people, records a youth dialogue with 25 people (3 new), and sees reach move", async () => {
    const page = await signedInPage(env.browser, env.server.url, "me@baraza.test");
    await followMainNavigation(page, "Programmes");
    await shown(page.getByRole("heading", { level: 1, name: "Programmes" }));
    await shown(page.getByRole("region", { name: "REINVENT (demo)" }));

    // A project with a target of 450 people.
    await page.getByRole("link", { name: "New project" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "New project" }));
    await page.getByLabel("Project name", { exact: true }).fill("Youth and police dialogues, Nakuru West");
    await page.getByLabel("Goal", { exact: true }).fill("Youth and police in Kaptembwo trust each other.");
    await page.getByLabel("Project area", { exact: true }).fill("Nakuru Town West");
    await (await shown(page.getByRole("button", { name: "Choose Nakuru Town West (Sub-county)" }))).click();
    await page.getByLabel("How many people will the project reach?", { exact: true }).fill("450");
    await page.getByRole("button", { name: "Create project" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Youth and police dialogues, Nakuru West" }));
    const indicator = page.getByRole("article", { name: "People reached" });
    await shown(indicator.getByText("So far: 0"));
    await shown(indicator.getByRole("img", { name: /: 0 of 450 \(0%\)$/ }));

    // A youth dialogue: twenty from the ward's register, two found by name, three new on the spot.
    await page.getByRole("link", { name: "Record an activity" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Record an activity" }));
    await page.getByLabel("Group", { exact: true }).selectOption("youth");
    await page.getByLabel("Where it was held", { exact: true }).fill("Kaptembwo");
    await (await shown(page.getByRole("button", { name: "Choose Kaptembwo (Ward)" }))).click();
    await page.getByLabel("Officials present", { exact: true }).fill("Chief, OCS Kaptembwo");
    await page.getByLabel("Officers came unarmed", { exact: true }).selectOption("yes");
    await page
      .getByLabel("Issues raised", { exact: true })
      .fill("Confidentiality when reporting to officers");
    await page.getByLabel("Action points", { exact: true }).fill("OCS to meet youth leaders monthly");

    const register = page.getByRole("group", { name: "People registered in Kaptembwo" });
    await shown(register.getByRole("checkbox").nth(19));
    const ticks = register.getByRole("checkbox");
    expect(await ticks.count()).toBe(20);
    for (let i = 0; i < 20; i++) await ticks.nth(i).check();

    for (const name of ["Chebet Demo", "Chebet Mfano"]) {
      await page.getByLabel("Find a person", { exact: true }).fill("cheb");
      await (await shown(page.getByRole("button", { name: new RegExp(`^Mark ${name} \\(P-`) }))).click();
    }

    const newcomers = [
      { name: "Juma Otieno (e2e)", gender: "male", age: "18_24" },
      { name: "Mercy Atieno (e2e)", gender: "female", age: "18_24" },
      { name: "", gender: "female", age: "25_34" },
    ];
    const newPerson = page.getByRole("group", { name: "Someone new" });
    for (const person of newcomers) {
      await newPerson.getByLabel("Name", { exact: true }).fill(person.name);
      await newPerson.getByLabel("Gender", { exact: true }).selectOption(person.gender);
      await newPerson.getByLabel("Age", { exact: true }).selectOption(person.age);
      await newPerson.getByLabel("They agreed to their attendance being recorded", { exact: true }).check();
      await newPerson.getByRole("button", { name: "Add to attendance" }).click();
    }
    await shown(page.getByRole("status").filter({ hasText: "Present: 25" }));

    await page.getByRole("button", { name: "Save activity" }).click();
    await shown(page.getByRole("status").filter({ hasText: "Activity recorded: 25 attendances." }));

    // The indicator moves, and reach shows who came by gender and age.
    await shown(indicator.getByText("So far: 25"));
    await shown(indicator.getByRole("img", { name: /: 25 of 450 \(5%\)$/ }));
    const reach = page.getByRole("region", { name: "Reach" });
    await shown(reach.getByText("Unique people", { exact: true }));
    // The figures refresh after the save; wait for them rather than reading the old ones.
    await shown(reach.getByRole("definition").first().filter({ hasText: /^25$/ }));
    const pyramid = reach.getByRole("table", { name: "Unique people by gender and age band" });
    await shown(pyramid.getByRole("row", { name: /^18–24/ }));
    const byGender = [0, 0, 0];
    for (const row of await pyramid.getByRole("row").all()) {
      const cells = (await row.getByRole("cell").allTextContents()).map(Number);
      cells.forEach((n, i) => {
        byGender[i] = (byGender[i] ?? 0) + n;
      });
    }
    const [women = 0, men = 0, other = 0] = byGender;
    expect(women + men + other).toBe(25);
    expect(women).toBeGreaterThan(0);
    expect(men).toBeGreaterThan(0);
    await shown(reach.getByRole("img", { name: "Unique people by gender and age band" }));
    await page.context().close();
  });

  it("prints a sign-in sheet of the ward's register, with rows for newcomers", async () => {
    const page = await signedInPage(env.browser, env.server.url, "me@baraza.test");
    await shown(page.getByRole("heading", { level: 1, name: /^Welcome/ }));
    await page.goto("/programmes");
    await page.getByRole("link", { name: "Business Sector Engagement in Peace and Security (demo)" }).click();
    await page.getByRole("link", { name: "Print a sign-in sheet" }).click();
    await shown(page.getByRole("heading", { level: 1, name: "Sign-in sheet" }));
    await page.getByLabel("Where it was held", { exact: true }).fill("Kaptembwo");
    await (await shown(page.getByRole("button", { name: "Choose Kaptembwo (Ward)" }))).click();
    // Twenty demo participants live in the ward, plus anyone the other journey registered there.
    const registered = await shown(page.getByRole("table", { name: /^Registered here \(\d+\)$/ }));
    const caption = (await registered.locator("caption").textContent()) ?? "";
    const listed = Number(caption.match(/\((\d+)\)/)?.[1]);
    expect(listed).toBeGreaterThanOrEqual(20);
    expect(await registered.getByRole("cell", { name: /^P-[0-9A-Z]{6}$/ }).count()).toBe(listed);
    const newcomers = page.getByRole("table", { name: /^Newcomers/ });
    expect(await newcomers.getByRole("row").count()).toBe(16);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Main navigation" }).isVisible()).toBe(false);
    await page.context().close();
  });
});
