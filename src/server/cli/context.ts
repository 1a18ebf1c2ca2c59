// Opening the server's dependencies from configuration, for the CLI commands and for tests.
import { existsSync } from "node:fs";
import { isPoliceOrGovernment } from "../../common/conflict-of-interest.ts";
import { permissionsOf, ROLES } from "../../common/roles.ts";
import { type Config, ConfigError, loadConfig } from "../config.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import type { Deps } from "../deps.ts";
import { emailDriverFromConfig } from "../features/messaging/email-drivers.ts";
import { smsDriverFromConfig } from "../features/messaging/sms-drivers.ts";
import { organisations } from "../features/organisations/organisations.table.ts";
import { syncGazetteer } from "../features/places/places.service.ts";
import { safeLogFields } from "../lib/log-safety.ts";
import { NATIONWIDE_PLACE_ID, type Principal } from "../lib/scope.ts";
import { createVault } from "../lib/vault.ts";

/** Reads ./.env when present (values already in the environment win), then validates everything. */
export function loadConfigOrExit(): Config {
  if (existsSync(".env")) process.loadEnvFile(".env");
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/**
 * The server's plain-text log (the background worker and drivers write to it). Info and warnings
 * print their messages only; errors also print their logged fields, made safe first: an error
 * object printed as it is would show a failed query's parameters (report text, sealed contacts).
 */
export function textLog(sink: Pick<Console, "log" | "warn" | "error">): Deps["log"] {
  const strings = (args: unknown[]) => args.filter((a) => typeof a === "string");
  return {
    info: (...args: unknown[]) => sink.log(...strings(args)),
    warn: (...args: unknown[]) => sink.warn(...strings(args)),
    error: (...args: unknown[]) =>
      sink.error(...args.map((a) => (typeof a === "string" ? a : JSON.stringify(safeLogFields(a))))),
    debug: () => {},
  } as Deps["log"];
}

export const consoleLog: Deps["log"] = textLog(console);

export function buildDeps(config: Config, database: Database): Deps {
  return {
    config,
    db: database.db,
    log: consoleLog,
    vault: createVault({
      keys: config.vault.keys,
      activeKeyId: config.vault.activeKeyId,
      hmacKey: config.vault.hashKey,
    }),
    now: () => new Date(),
    sms: smsDriverFromConfig(config, consoleLog),
    email: emailDriverFromConfig(config, consoleLog),
  };
}

/** Opens the database, applies pending migrations and syncs the gazetteer: what every command needs first. */
export async function openReadyDeps(config: Config): Promise<{ deps: Deps; database: Database }> {
  const database = await openDatabase(config);
  const deps = buildDeps(config, database);
  await migrate(deps.db);
  await syncGazetteer(deps);
  return { deps, database };
}

/** The CLI acts with full reach over the installation; its audit rows name it as "cli". */
export async function cliPrincipal(deps: Deps): Promise<Principal> {
  const orgs = await deps.db.select({ id: organisations.id }).from(organisations);
  return {
    userId: "",
    email: "cli",
    roles: [...ROLES],
    permissions: permissionsOf([...ROLES]),
    scope: { allPlaces: true, placePaths: [NATIONWIDE_PLACE_ID], organisationIds: orgs.map((o) => o.id) },
    canRevealIdentity: false,
    // It holds every role, responder and viewer included, so by the one definition it counts as police
    // or government: it sees no police-misconduct report or case, as before (conflict-of-interest.ts).
    policeOrGovernment: isPoliceOrGovernment({ roles: ROLES, unitKinds: [] }),
  };
}
