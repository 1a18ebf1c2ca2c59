/**
 * The server as `baraza serve` builds it, minus the background worker: the intake benchmark
 * measures the HTTP path alone, then turns the stored messages into reports itself, so the two
 * figures do not blur into each other. Started by bench/intake/run.ts; not for production.
 */
import { buildApp } from "../../src/server/app.ts";
import { loadConfigOrExit, openReadyDeps } from "../../src/server/cli/context.ts";

const config = loadConfigOrExit();
const { deps, database } = await openReadyDeps(config);
const app = await buildApp(deps, { logLevel: "warn" });
const address = await app.listen({ port: config.port, host: config.host });
console.log(`Baraza is listening on ${address} (database: ${database.kind}, no worker)`);
process.once("SIGTERM", async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
