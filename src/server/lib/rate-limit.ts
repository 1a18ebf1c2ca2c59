// Fixed-window rate limits shared by every server process (the counters live in the database):
// sign-in attempts now; SMS senders and the public form later.
import { eq, sql } from "drizzle-orm";
import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { type Db, queryRows } from "../db/client.ts";

export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

/**
 * Fixed-window counter shared by all server processes: adds one and returns the count in the
 * current window (a new window starts when the old one is older than `windowMs`).
 */
export async function hitRateLimit(db: Db, key: string, now: Date, windowMs: number): Promise<number> {
  const windowFloor = new Date(now.getTime() - windowMs);
  const rows = await queryRows<{ count: number }>(
    db,
    sql`
    insert into ${rateLimits} (key, window_start, count) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      count = case when ${rateLimits.windowStart} < ${windowFloor.toISOString()} then 1 else ${rateLimits.count} + 1 end,
      window_start = case when ${rateLimits.windowStart} < ${windowFloor.toISOString()} then excluded.window_start else ${rateLimits.windowStart} end
    returning count`,
  );
  return Number(rows[0]?.count ?? 0);
}

export async function peekRateLimit(db: Db, key: string, now: Date, windowMs: number): Promise<number> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || row.windowStart.getTime() < now.getTime() - windowMs) return 0;
  return row.count;
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
