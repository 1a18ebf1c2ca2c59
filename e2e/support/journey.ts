// The setup every journey file shares: one real server (fresh PGlite with demo data) and one
// Chromium for the file, started before its tests and stopped after them.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.ts";
import { type RunningServer, startServer } from "./server.ts";

export interface JourneyEnvironment {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** Call at the top of a spec (or describe block); read `env.server` / `env.browser` inside tests. */
export function useJourneyEnvironment(): JourneyEnvironment {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The ${what} has not started (beforeAll failed?)`);
    return value;
  };
  return {
    get server() {
      return started(server, "server");
    },
    get browser() {
      return started(browser, "browser");
    },
  };
}
