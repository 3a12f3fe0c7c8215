import { defineConfig } from "vitest/config";
import "./vitest.polyfills.ts";

// Integration tests on real Postgres: DATABASE_URL's server when set (a database per test
// file, cloned from a migrated template), otherwise one embedded PGlite shared by the files,
// which then run one at a time because PGlite serves one query at a time.
const onServer = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["lib/**/*.int.test.ts", "app/**/*.int.test.ts", "scripts/**/*.int.test.ts"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    pool: "forks",
    maxWorkers: onServer ? 2 : 1,
    fileParallelism: onServer,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
