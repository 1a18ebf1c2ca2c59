// A test server with the synthetic demo data set, for the `*-demo.int.test.ts` files that check what
// the demo shows: started (and seeded) before the file's tests, closed after them.
import { afterAll, beforeAll, expect } from "vitest";
import { seedDemo } from "../seed/demo.ts";
import { startTestServer, type TestServer } from "./harness.ts";

/** Call at the top of a test file; read `demo.server` inside tests. */
export function demoServerForFile(): { readonly server: TestServer } {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    expect((await seedDemo(server.deps)).seeded).toBe(true);
  }, 120_000);
  afterAll(() => server?.close());
  return {
    get server() {
      if (!server) throw new Error("The demo server has not started (beforeAll failed?)");
      return server;
    },
  };
}
