import { defineConfig } from "drizzle-kit";

// `npm run db:generate` turns schema changes into a new SQL file in migrations/.
// Migrations are forward-only and must run on PGlite (PostgreSQL 18) and PostgreSQL 15.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema.ts",
  out: "./migrations",
});
