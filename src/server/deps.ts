// The plain dependencies object every service receives. Built once in the CLI, never a singleton.
// Inside a transaction, services pass `{ ...deps, db: tx }` on.
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "./config.ts";
import type { Db } from "./db/client.ts";
import type { EmailDriver } from "./features/messaging/email-drivers.ts";
import type { SmsDriver } from "./features/messaging/sms-drivers.ts";
import type { Vault } from "./lib/vault.ts";

export interface Deps {
  config: Config;
  db: Db;
  log: Pick<FastifyBaseLogger, "info" | "warn" | "error" | "debug">;
  /** Seals secrets at rest (AES-256-GCM); `purpose` is bound in, so a sealed phone cannot pass as a name. */
  vault: Vault;
  /** The clock, injected so that deadlines and expiry are testable without sleeping. */
  now: () => Date;
  /** Outbound SMS; only the outbox calls it (see features/messaging). */
  sms: SmsDriver;
  /** Outbound email (staff notices); only the outbox calls it. */
  email: EmailDriver;
}

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Runs `work` in one transaction; audit rows and state changes written inside commit together. */
export function inTransaction<T>(deps: Deps, work: (txDeps: Deps) => Promise<T>): Promise<T> {
  return deps.db.transaction((tx) => work({ ...deps, db: tx as unknown as Db }));
}
