import { defineConfig } from "vitest/config";
import "./vitest.polyfills.ts";

// Integration tests on real Postgres: DATABASE_URL's server when set (a database per test
// file, cloned from a migrated template), otherwise one embedded PGlite shared by the files,
// which then run one at a time because PGlite serves one query at a time.
const onServer = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  // "server-only" throws outside React's server build; under test, lib code runs as plain Node.
  resolve: { tsconfigPaths: true, alias: { "server-only": new URL("./lib/testing/empty.ts", import.meta.url).pathname } },
  test: {
    include: ["lib/**/*.int.test.ts", "app/**/*.int.test.ts", "scripts/**/*.int.test.ts", "deploy/**/*.int.test.ts"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    pool: "forks",
    // FERRY_INTEGRATION_WORKERS: one when the embedded run goes beside this one (scripts/test.mjs).
    maxWorkers: onServer ? Number(process.env.FERRY_INTEGRATION_WORKERS ?? 2) : 1,
    fileParallelism: onServer,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
