// SQL for the figures entered for manual and survey-based indicators, one at a time.
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { indicatorEntries, projectIndicators } from "./programmes.table.ts";

/** An entry with the project it belongs to, whose policy governs it. */
export async function findEntry(db: Db, id: string): Promise<{ id: string; projectId: string } | null> {
  const [row] = await db
    .select({ id: indicatorEntries.id, projectId: projectIndicators.projectId })
    .from(indicatorEntries)
    .innerJoin(projectIndicators, eq(projectIndicators.id, indicatorEntries.indicatorId))
    .where(eq(indicatorEntries.id, id));
  return row ?? null;
}

/** Newest first: the order the figures are read in. */
export function entriesOf(db: Db, indicatorId: string) {
  return db
    .select({
      id: indicatorEntries.id,
      asOf: indicatorEntries.asOf,
      value: indicatorEntries.value,
      evidence: indicatorEntries.evidence,
      enteredAt: indicatorEntries.enteredAt,
    })
    .from(indicatorEntries)
    .where(eq(indicatorEntries.indicatorId, indicatorId))
    .orderBy(desc(indicatorEntries.asOf), desc(indicatorEntries.seq));
}
