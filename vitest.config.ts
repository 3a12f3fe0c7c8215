import { defineConfig } from "vitest/config";
import "./vitest.polyfills.ts";

// Unit tests: pure lib/** code, no database, no framework.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["**/*.int.test.ts", "node_modules/**"],
    environment: "node",
    pool: "threads",
    maxWorkers: 2,
  },
});
