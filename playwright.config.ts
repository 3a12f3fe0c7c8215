import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Run through `npm run test:e2e` (scripts/test.mjs), which builds when stale and gives the
// server a database of its own: DATABASE_URL's server when set, else a throw-away embedded one.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// The fuzzer's seed for this run, chosen once here: workers inherit the environment, so every
// process generates the same cases (e2e/fuzz.spec.ts prints it; FUZZ_SEED replays a run).
process.env.FUZZ_SEED ??= String(Date.now() % 2 ** 31);
export const E2E_ADMIN_TOKEN = process.env.FERRY_ADMIN_TOKEN ?? "e2e-admin-token-0123456789";

// Debian's Chromium where there is one (this project's machines cannot download browsers);
// elsewhere Playwright's own browser.
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = fs.existsSync(systemChromium) ? systemChromium : undefined;

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  },
};
// Alone, after the rest: the specs that time the server under hostile load, run servers and
// databases of their own, restart them, or fake the clock.
const EXCLUSIVE = ["**/faults.spec.ts", "**/lifecycle.spec.ts", "**/hostile-imports.spec.ts", "**/fuzz.spec.ts", "**/live.spec.ts", "**/http-hardening.spec.ts"];
// Two spec files at a time (E2E_WORKERS): each test makes its own programme and people, and a
// browser waiting on the server (or the server on the database) leaves a core idle.
const WORKERS = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
  testDir: "./e2e",
  outputDir: process.env.FERRY_TEST_RESULTS ? `${process.env.FERRY_TEST_RESULTS}/playwright` : "test-results",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: WORKERS,
  fullyParallel: false,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "off",
    extraHTTPHeaders: {},
  },
  projects: [
    { name: "chromium", testIgnore: EXCLUSIVE, use: browser },
    { name: "exclusive", testMatch: EXCLUSIVE, dependencies: ["chromium"], workers: 1, use: browser },
  ],
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `http://127.0.0.1:${PORT}/api/ready`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      FERRY_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      // Specs sign in many times a minute; the limiter itself has its own tests.
      FERRY_SIGNIN_RATE_LIMIT: "10000",
      // The browser reaches the server at 127.0.0.1: cookies and SSO callbacks must agree.
      FERRY_BASE_URL: `http://127.0.0.1:${PORT}`,
      // e2e/sso.spec.ts starts a real OpenID provider here.
      FERRY_OIDC_ISSUER: `http://127.0.0.1:${process.env.E2E_OIDC_PORT ?? 3199}`,
      FERRY_OIDC_CLIENT_ID: "ferry-e2e",
      FERRY_OIDC_CLIENT_SECRET: "ferry-e2e-client-secret",
      FERRY_OIDC_ALLOWED_DOMAINS: "sso.example",
      FERRY_OIDC_NAME: "Example SSO",
      NEXT_TELEMETRY_DISABLED: "1",
      // As the chart sets it (values.yaml): a client reusing a kept-alive socket just as the
      // server's idle timer closes it gets a reset, and Playwright's request API, unlike a
      // browser, does not retry. Node's 5 s default made that race likely between two steps.
      KEEP_ALIVE_TIMEOUT: "65000",
    },
  },
});
