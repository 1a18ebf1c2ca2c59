// Database failures on demand, for tests of what happens when a statement fails: a trigger makes
// every insert into `reports` whose text holds a marker fail with the SQLSTATE and message given.
// The message may quote the text (`%s`), as PostgreSQL's own messages quote the values they refuse,
// and the error's DETAIL holds the whole text: what reaches logs and staff screens must hold neither.
import { sql } from "drizzle-orm";
import type { Deps } from "../deps.ts";

let next = 0;

export interface InjectedFailure {
  /** Stops the failures (the trigger is dropped). */
  stop(): Promise<void>;
}

export async function failReportInserts(
  deps: Pick<Deps, "db">,
  opts: { marker: string; sqlState: string; message: string },
): Promise<InjectedFailure> {
  const name = `test_fail_reports_${process.pid}_${next++}`;
  const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
  await deps.db.execute(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin
        if position(${literal(opts.marker)} in new.text) > 0 then
          raise exception using errcode = ${literal(opts.sqlState)},
            message = format(${literal(opts.message)}, new.text), detail = new.text;
        end if;
        return new;
      end $$`),
  );
  await deps.db.execute(
    sql.raw(`create trigger ${name} before insert on reports for each row execute function ${name}()`),
  );
  return {
    async stop() {
      await deps.db.execute(sql.raw(`drop trigger ${name} on reports`));
      await deps.db.execute(sql.raw(`drop function ${name}()`));
    },
  };
}
