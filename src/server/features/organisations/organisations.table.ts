import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Implementing organisations sharing one installation (a consortium). */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  shortName: text("short_name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
