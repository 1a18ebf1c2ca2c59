import { defineConfig } from "vitest/config";

// Three tiers, run separately by scripts/test.sh so that route tests can run
// once per database (BARAZA_TEST_DB=pglite|postgres).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          exclude: ["src/**/*.routes.test.ts", "src/**/*.int.test.ts", "node_modules/**"],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "routes",
          include: ["src/**/*.routes.test.ts", "src/**/*.int.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database; PGlite instances are ~700 MB, two at a time fit 2 cores.
          maxWorkers: 2,
          globalSetup: ["src/server/test/global-setup.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
