import { defineConfig } from "vitest/config";

// Two projects: `unit` (beside the code, no database: the quick loop, `npm run test:unit`) and
// `integration` (tests/, against one real Neo4j started for the run). `npm test` runs both.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "web/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          // One Neo4j per run, started once (and the CLI's bundle built): tests/global-setup.ts.
          globalSetup: ["tests/global-setup.ts"],
          // Community edition has a single user database, so test files take turns on it.
          fileParallelism: false,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
