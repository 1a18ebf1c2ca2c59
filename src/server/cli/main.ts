#!/usr/bin/env node
// `baraza` — the command line: serve, migrate, seed, user management, audit verification, batch tools.
import { Command } from "commander";
import { createUserInput } from "../../common/contracts/users.ts";
import { ROLES } from "../../common/roles.ts";
import { buildApp } from "../app.ts";
import { bookRecurringJobs, createBackgroundWorker } from "../background.ts";
import { openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { parseAuditHead, verifyAuditLog } from "../features/audit/audit.service.ts";
import { createUser } from "../features/users/users.service.ts";
import { AppError, parseInput } from "../lib/errors.ts";
import { formatDemoLogins, seedDemo } from "../seed/demo.ts";
import { buildDeps, cliPrincipal, loadConfigOrExit, openReadyDeps } from "./context.ts";

const program = new Command()
  .name("baraza")
  .description("Baraza: safe community reporting, early warning and response, and programme M&E.")
  .showHelpAfterError("(run with --help for usage)");

program
  .command("serve")
  .description(
    "Apply migrations, then serve the web app and API (PGlite in BARAZA_DATA_DIR unless DATABASE_URL is set).",
  )
  .option("--demo", "seed the demo data set first when the installation is empty, and print the demo logins")
  .action(async (opts: { demo?: boolean }) => {
    const config = loadConfigOrExit();
    const { deps, database } = await openReadyDeps(config);
    if (opts.demo) {
      const demo = await seedDemo(deps);
      console.log(
        demo.seeded ? "Seeded the demo data set." : "Demo data already present; not seeding again.",
      );
      console.log(formatDemoLogins(demo.logins));
    }
    const app = await buildApp(deps);
    const address = await app.listen({ port: config.port, host: config.host });
    await bookRecurringJobs(deps);
    const worker = createBackgroundWorker(deps);
    worker.start();
    console.log(`Baraza is listening on ${address} (database: ${database.kind})`);
    const stop = async () => {
      await app.close();
      await worker.stop();
      await database.close();
      process.exit(0);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });

program
  .command("migrate")
  .description("Apply pending database migrations and load the gazetteer, then exit.")
  .action(async () => {
    const config = loadConfigOrExit();
    const database = await openDatabase(config);
    const applied = await migrate(database.db);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
    await database.close();
  });

program
  .command("seed")
  .description("Load a data set into the database.")
  .requiredOption("--demo", "the synthetic demo data set (only into an installation with no users)")
  .action(async () => {
    const { deps, database } = await openReadyDeps(loadConfigOrExit());
    const demo = await seedDemo(deps);
    console.log(
      demo.seeded ? "Seeded the demo data set." : "Users already exist; the demo data set was not loaded.",
    );
    console.log(formatDemoLogins(demo.logins));
    await database.close();
  });

const user = program.command("user").description("Manage staff accounts.");
user
  .command("create")
  .description("Create a staff account. The password is read from BARAZA_NEW_PASSWORD or standard input.")
  .requiredOption("--email <email>", "sign-in email")
  .requiredOption("--name <name>", "full name")
  .requiredOption("--role <roles...>", `one or more of: ${ROLES.join(", ")}`)
  .requiredOption("--organisation <ids...>", "organisation ids or exact names")
  .requiredOption(
    "--place <ids...>",
    'place ids the user may see, e.g. c:032 (Nakuru) or "ke" for all of Kenya',
  )
  .action(
    async (opts: {
      email: string;
      name: string;
      role: string[];
      organisation: string[];
      place: string[];
    }) => {
      const password = process.env.BARAZA_NEW_PASSWORD ?? (await readStdin()).trim();
      const { deps, database } = await openReadyDeps(loadConfigOrExit());
      try {
        const principal = await cliPrincipal(deps);
        const { organisations } = await import("../features/organisations/organisations.table.ts");
        const orgs = await deps.db.select().from(organisations);
        const organisationIds = opts.organisation.map(
          (o) => orgs.find((x) => x.id === o || x.name === o)?.id ?? o,
        );
        const input = parseInput(
          createUserInput,
          {
            email: opts.email,
            name: opts.name,
            password,
            roles: opts.role,
            organisationIds,
            placeIds: opts.place,
          },
          "user",
        );
        const created = await createUser(deps, principal, input);
        console.log(`Created ${created.email} (${created.roles.join(", ")}), id ${created.id}`);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        console.error(`Could not create the user: ${error.message}`);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    },
  );

const audit = program.command("audit").description("Audit log tools.");
audit
  .command("verify")
  .description(
    "Recompute the audit log's hash chain and report any entry that was altered or removed. Prints the head " +
      "(seq:hash): keep it outside the database and pass it back with --expect-head to detect removed newest entries.",
  )
  .option(
    "--expect-head <seq:hash>",
    "a head printed by an earlier run; fails if it is no longer in the chain",
  )
  .action(async (opts: { expectHead?: string }) => {
    const expectHead = opts.expectHead === undefined ? undefined : parseAuditHead(opts.expectHead);
    if (expectHead === null) {
      console.error('--expect-head must look like "1234:<64 hex characters>", as printed by audit verify.');
      process.exitCode = 2;
      return;
    }
    const config = loadConfigOrExit();
    const database = await openDatabase(config);
    const result = await verifyAuditLog(buildDeps(config, database), { expectHead });
    await database.close();
    if (result.ok) {
      console.log(`Audit log intact: ${result.checked} entries verified.`);
      if (result.head) console.log(`Head: ${result.head.seq}:${result.head.hash}`);
      return;
    }
    console.error(`Audit log TAMPERED: ${result.problems.length} problem(s) in ${result.checked} entries:`);
    for (const p of result.problems) console.error(`  - ${p}`);
    process.exitCode = 1;
  });

// Batch tools load their engines on demand, so that `serve` does not pay for them at start.
const triage = program
  .command("triage")
  .description(
    'Triage JSON lines {"id","text"} from stdin; write {"id","category","urgency","county","place"} per line to stdout.',
  )
  .option(
    "--evaluate <file>",
    "instead, evaluate against a labelled JSON-lines file and print precision/recall/F1",
  )
  .action(async (opts: { evaluate?: string }) => {
    if (opts.evaluate) {
      const { evaluateDevSetFile } = await import("../features/reports/triage/evaluate.ts");
      console.log(await evaluateDevSetFile(opts.evaluate));
      return;
    }
    const { runTriageBatch } = await import("../features/reports/triage/batch.ts");
    await runTriageBatch(process.stdin, process.stdout);
  });
triage
  .command("export-corrections")
  .description(
    "Write staff corrections of triage guesses as labelled JSON lines (the shape of data/triage/*.jsonl) to stdout.",
  )
  .option("--all", "also export guesses staff confirmed unchanged")
  .option("--since <date>", "only labels made on or after this date (YYYY-MM-DD)")
  .action(async (opts: { all?: boolean; since?: string }) => {
    const { exportCorrectionsCommand } = await import("../features/reports/corrections.cli.ts");
    process.exitCode = await exportCorrectionsCommand(
      loadConfigOrExit(),
      opts,
      process.stdout,
      process.stderr,
    );
  });

const alerts = program.command("alerts").description("Early-warning tools.");
alerts
  .command("detect")
  .description(
    "Score daily counts (CSV: date,area,category,count) for unusual rises; CSV with expected, score, alert to stdout.",
  )
  .requiredOption("--input <file>", "the counts CSV")
  .action(async (opts: { input: string }) => {
    const { detectCountsCsv, CountsCsvError } = await import("../features/alerts/detection/counts-csv.ts");
    try {
      await detectCountsCsv(opts.input, process.stdout);
    } catch (error) {
      if (!(error instanceof CountsCsvError)) throw error;
      console.error(error.message);
      process.exitCode = 1;
    }
  });

alerts
  .command("export-labels")
  .description(
    "Write every decision made about an alert (dismissed = false alarm, with the reason; actioned = real) as JSON lines to stdout, with the daily series as it stood.",
  )
  .action(async () => {
    const { deps, database } = await openReadyDeps(loadConfigOrExit());
    const { exportAlertLabels } = await import("../features/alerts/labels-export.ts");
    try {
      const written = await exportAlertLabels(deps, process.stdout);
      console.error(`Exported ${written} alert label(s).`);
    } finally {
      await database.close();
    }
  });

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new AppError(400, "bad_request", "Set BARAZA_NEW_PASSWORD or pipe the password on standard input.");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

await program.parseAsync(process.argv);
