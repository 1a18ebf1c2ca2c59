// Debian's Chromium driven by playwright-core, plus the few steps every journey shares.
import { type Browser, chromium, type Locator, type Page } from "playwright-core";

export const DEMO_PASSWORD = "baraza-demo-2026";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** A fresh context per journey: no cookies or stored language carried over from another. */
export async function openPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: "en-GB",
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Waits for the element to be visible; fails with Playwright's message naming the locator. */
export async function shown(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: "visible" });
  return locator;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A fresh page (see openPage), signed in as `email` with the demo password. */
export async function signedInPage(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const page = await openPage(browser, baseURL);
  await signIn(page, email);
  return page;
}

/** Follows a link of the main navigation (Programmes, Admin, …). */
export async function followMainNavigation(page: Page, link: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: link }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await shown(page.getByRole("heading", { level: 1, name: "Sign in" }));
}
