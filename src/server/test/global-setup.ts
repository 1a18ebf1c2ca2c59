// Before the route tests on PostgreSQL: build one migrated template database that every test file clones.

import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { buildDeps } from "../cli/context.ts";
import { loadConfig } from "../config.ts";
import { openPostgres } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { syncGazetteer } from "../features/places/places.service.ts";
import { databaseUrl, TEST_DB_KIND, withAdminClient } from "./databases.ts";

declare module "vitest" {
  interface ProvidedContext {
    templateDb: string;
  }
}

// One template per run, so that two test runs on one server (two terminals, two agents) never
// drop each other's template.
const TEMPLATE_DB = `baraza_test_template_${randomBytes(4).toString("hex")}`;

export async function setup(project: TestProject): Promise<void> {
  project.provide("templateDb", TEMPLATE_DB);
  if (TEST_DB_KIND !== "postgres") return;
  await withAdminClient(async (c) => {
    await c.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await c.query(`create database ${TEMPLATE_DB}`);
  });
  const database = await openPostgres(databaseUrl(TEMPLATE_DB), 2);
  const config = loadConfig({ NODE_ENV: "test" });
  const deps = buildDeps(config, database);
  await migrate(deps.db);
  await syncGazetteer(deps);
  await database.close();
}

export async function teardown(): Promise<void> {
  if (TEST_DB_KIND !== "postgres") return;
  await withAdminClient((c) => c.query(`drop database if exists ${TEMPLATE_DB} with (force)`));
}
