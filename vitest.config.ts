import { defineConfig } from "vitest/config";
import "./vitest.polyfills.ts";

// Unit tests: pure lib/** code, no database, no framework.
export default defineConfig({
  // "server-only" throws outside React's server build; under test, lib code runs as plain Node.
  resolve: { tsconfigPaths: true, alias: { "server-only": new URL("./lib/testing/empty.ts", import.meta.url).pathname } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts", "deploy/**/*.test.ts"],
    exclude: ["**/*.int.test.ts", "node_modules/**"],
    environment: "node",
    pool: "threads",
    maxWorkers: 2,
  },
});
