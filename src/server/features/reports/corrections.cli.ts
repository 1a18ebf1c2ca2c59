// `baraza triage export-corrections`: labelled examples out of the database, for retraining triage.
import type { Writable } from "node:stream";
import { buildDeps } from "../../cli/context.ts";
import type { Config } from "../../config.ts";
import { openDatabase } from "../../db/client.ts";
import { migrate } from "../../db/migrate.ts";
import { inTransaction } from "../../deps.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { exportLabelledExamples } from "./corrections.service.ts";

/** Returns the process exit code. The examples go to `out`; the summary and problems to `err`. */
export async function exportCorrectionsCommand(
  config: Config,
  opts: { all?: boolean | undefined; since?: string | undefined },
  out: Writable,
  err: Writable,
): Promise<number> {
  let since: Date | undefined;
  if (opts.since) {
    since = new Date(`${opts.since}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.since) || Number.isNaN(since.getTime())) {
      err.write(`--since must be a date like 2026-11-01, not "${opts.since}".\n`);
      return 2;
    }
  }
  const database = await openDatabase(config);
  try {
    const deps = buildDeps(config, database);
    await migrate(deps.db);
    const written = await exportLabelledExamples(deps, out, {
      includeConfirmed: Boolean(opts.all),
      ...(since && { since }),
    });
    // Report texts leave the server here, so the export itself is on the record.
    await inTransaction(deps, (tx) =>
      recordAudit(
        tx,
        { id: null, label: "cli" },
        {
          action: "triage.export_labels",
          entityType: "triage_labels",
          entityId: "export",
          after: { examples: written, includeConfirmed: Boolean(opts.all), since: opts.since ?? null },
        },
      ),
    );
    err.write(`Exported ${written} labelled example${written === 1 ? "" : "s"}.\n`);
    return 0;
  } finally {
    await database.close();
  }
}
