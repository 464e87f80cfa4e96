import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "web/**/*.test.ts", "tests/**/*.test.ts"],
    // One Neo4j per run, started once; see tests/global-setup.ts.
    globalSetup: ["tests/global-setup.ts"],
    // Community edition has a single user database, so test files take turns on it.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
