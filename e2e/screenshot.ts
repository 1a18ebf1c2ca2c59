// Takes docs/screenshot.png: the signed-in home page at 1280×800.
// Run: npm run build:web && npx node e2e/screenshot.ts [--all <dir>]  (--all also captures other pages, for review)
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { launchBrowser, openPage, shown, signIn } from "./support/browser.ts";
import { startServer } from "./support/server.ts";

const REVIEW_PAGES = [
  "/account",
  "/reports",
  "/admin/users",
  "/admin/users/new",
  "/admin/organisations",
  "/admin/places?at=c%3A047",
  "/admin/audit",
];

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await openPage(browser, server.url);
  await signIn(page, "officer@baraza.test");
  await shown(page.getByRole("heading", { level: 1, name: /^Welcome, / }));
  const target = resolve(import.meta.dirname, "../docs/screenshot.png");
  await mkdir(resolve(target, ".."), { recursive: true });
  await page.screenshot({ path: target });
  console.log(`Wrote ${target}`);

  const reviewDir =
    process.argv.indexOf("--all") >= 0 ? process.argv[process.argv.indexOf("--all") + 1] : undefined;
  if (reviewDir) {
    await page.context().close();
    const admin = await openPage(browser, server.url);
    await signIn(admin, "admin@baraza.test");
    await shown(admin.getByRole("heading", { level: 1, name: /^Welcome, / }));
    for (const path of REVIEW_PAGES) {
      await admin.goto(path);
      await admin.waitForLoadState("networkidle");
      const file = resolve(reviewDir, `${path.replace(/[^a-z0-9]+/gi, "_")}.png`);
      await admin.screenshot({ path: file, fullPage: true });
      console.log(`Wrote ${file}`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
