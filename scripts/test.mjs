// `npm test`: unit, integration and end-to-end suites in order, then one closing line
// "N passed, N failed". Usage: node scripts/test.mjs [unit] [integration] [e2e] [--embedded] [--keep] [--total] [-- playwright args]
//   --embedded   run the integration suite against the embedded database even if DATABASE_URL is set
//   --keep       add to the suite results already in .test-results/ instead of starting afresh
//   --total      print the closing line over every suite result recorded in .test-results/
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { buildIfStale } from "./lib/build.mjs";

// Arguments after "--" go to Playwright (e.g. a spec file) when e2e runs.
const dashDash = process.argv.indexOf("--");
const args = dashDash >= 0 ? process.argv.slice(2, dashDash) : process.argv.slice(2);
const playwrightArgs = dashDash >= 0 ? process.argv.slice(dashDash + 1) : [];
const suites = args.filter((a) => !a.startsWith("--"));
const embedded = args.includes("--embedded");
// CI (.ci/run) runs the integration suite on both databases; FERRY_TEST_BOTH_DATABASES=1 does
// it inside `npm test`, side by side (integrationOnBoth).
const bothDatabases = process.env.FERRY_TEST_BOTH_DATABASES === "1";
// FERRY_TEST_RESULTS lets runs in one work tree keep their results apart.
const resultsDir = path.resolve(process.env.FERRY_TEST_RESULTS ?? ".test-results");
fs.mkdirSync(resultsDir, { recursive: true });
// Each run counts only its own suites, unless --keep adds to an earlier run's (CI runs the
// integration suite a second time, on the embedded database, and reports one total).
if (!args.includes("--keep") && !args.includes("--total")) {
  for (const f of fs.readdirSync(resultsDir)) if (f.startsWith("summary-")) fs.rmSync(path.join(resultsDir, f));
}

const bin = (name) => path.resolve("node_modules/.bin", name);
const run = (cmd, argv, env = {}) => spawnSync(cmd, argv, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

// When each suite ended, counted from the start of this run: where CI's fifteen minutes go.
const started = Date.now();

// `failures`: "file › test: first line of the error", printed again above the closing line, so
// the end of a long CI log says what failed.
function record(name, passed, failed, failures = []) {
  fs.writeFileSync(path.join(resultsDir, `summary-${name}.json`), JSON.stringify({ passed, failed, failures }));
  console.log(`\n[test] ${name}: ${passed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s into the run)\n`);
}

function vitest(name, config, env = {}) {
  const out = path.join(resultsDir, `${name}.json`);
  fs.rmSync(out, { force: true });
  recordVitest(name, out, run(bin("vitest"), vitestArgs(config, out), env));
}

const vitestArgs = (config, out) => ["run", "-c", config, "--reporter=default", "--reporter=json", `--outputFile=${out}`];

/**
 * The integration suite on the PostgreSQL server and, side by side, on the embedded database
 * (what `npm start` uses without DATABASE_URL). The embedded run takes one file at a time on
 * one core (PGlite serves one query at a time), so the server's run gets one worker too and
 * the two share the machine's two cores. The embedded run's output is printed after.
 */
async function integrationOnBoth() {
  const serverOut = path.join(resultsDir, "integration.json");
  const embeddedOut = path.join(resultsDir, "integration-embedded.json");
  const logFile = path.join(resultsDir, "integration-embedded.log");
  for (const f of [serverOut, embeddedOut]) fs.rmSync(f, { force: true });
  const logFd = fs.openSync(logFile, "w");
  const exit = (child) => new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)).on("error", () => resolve(1)));
  // Two files start an embedded database of their own whatever the suite runs on: each runs in
  // one of the two runs only (the same test twice proves nothing more), which also evens them out.
  const ownDatabase = { server: "**/embedded.int.test.ts", embedded: "**/schema-engine.int.test.ts" };
  const embeddedRun = exit(spawn(bin("vitest"), [...vitestArgs("vitest.integration.config.ts", embeddedOut), "--exclude", ownDatabase.embedded], { stdio: ["ignore", logFd, logFd], env: { ...process.env, DATABASE_URL: "" } }));
  const serverRun = exit(spawn(bin("vitest"), [...vitestArgs("vitest.integration.config.ts", serverOut), "--exclude", ownDatabase.server], { stdio: "inherit", env: { ...process.env, FERRY_INTEGRATION_WORKERS: "1" } }));
  recordVitest("integration", serverOut, await serverRun);
  const embeddedStatus = await embeddedRun;
  fs.closeSync(logFd);
  console.log("\n[test] the integration suite on the embedded database, run beside the one above:\n");
  process.stdout.write(fs.readFileSync(logFile, "utf8"));
  recordVitest("integration-embedded", embeddedOut, embeddedStatus);
}

function recordVitest(name, out, status) {
  if (!fs.existsSync(out)) return record(name, 0, 1); // the runner itself failed: count it
  const r = JSON.parse(fs.readFileSync(out, "utf8"));
  // A file that fails to load has no tests but is a failure all the same.
  const brokenFiles = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  const failures = r.testResults.flatMap((f) => {
    const file = path.relative(process.cwd(), f.name);
    if (f.status === "failed" && f.assertionResults.length === 0) return [`${file}: ${firstLine(f.message)}`];
    return f.assertionResults.filter((a) => a.status === "failed").map((a) => `${file} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  });
  record(name, r.numPassedTests, r.numFailedTests + brokenFiles + (status !== 0 && r.numFailedTests + brokenFiles === 0 ? 1 : 0), failures);
}

const firstLine = (text) => (text ?? "").replace(/\x1b\[[0-9;]*m/g, "").trim().split("\n")[0].slice(0, 300);

/** Every test of a Playwright JSON report that did not pass at first try, with its first error line. */
function playwrightFailures(report) {
  const out = [];
  const walk = (suite, titles) => {
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === "expected" || t.status === "skipped") continue;
        const error = t.results?.find((r) => r.error)?.error;
        out.push(`e2e/${spec.file}:${spec.line} › ${[...titles.slice(1), spec.title].join(" › ")} [${t.projectName}]: ${firstLine(error?.message)}`);
      }
    }
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
  return out;
}

async function e2e() {
  if (!buildIfStale()) {
    record("build", 0, 1);
    throw new Error("next build failed");
  }
  const env = { E2E_PORT: process.env.E2E_PORT ?? "3100" };
  let dropDb;
  if (process.env.DATABASE_URL && !embedded) {
    // A database of its own, dropped afterwards: e2e never touches anyone's data.
    const name = `ferry_e2e_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await admin(process.env.DATABASE_URL, `CREATE DATABASE "${name}"`);
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    dropDb = () => admin(process.env.DATABASE_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    env.DATABASE_URL = "";
    env.FERRY_DATA_DIR = fs.mkdtempSync(path.join(resultsDir, "e2e-data-"));
  }
  // The two projects of playwright.config.ts one after the other, each run on its own: run as
  // one, a failure in the first would leave the second's specs unrun (a project dependency),
  // and the count would say nothing of them. `--pass-with-no-tests`: the spec files given may
  // all belong to one of them.
  let passed = 0;
  let failed = 0;
  const failures = [];
  for (const project of ["chromium", "exclusive"]) {
    const out = path.join(resultsDir, `e2e-${project}.json`);
    fs.rmSync(out, { force: true });
    const status = run(bin("playwright"), ["test", `--project=${project}`, "--no-deps", "--pass-with-no-tests", "--reporter=list,json", ...playwrightArgs], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    if (!fs.existsSync(out)) {
      failed += 1;
      failures.push(`the ${project} project wrote no report`);
      continue;
    }
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    const s = report.stats;
    failures.push(...playwrightFailures(report));
    passed += s.expected;
    failed += s.unexpected + (s.flaky ?? 0) + (status !== 0 && s.unexpected === 0 ? 1 : 0);
  }
  await dropDb?.();
  if (env.FERRY_DATA_DIR) fs.rmSync(env.FERRY_DATA_DIR, { recursive: true, force: true });
  record("e2e", passed, failed, failures);
}

async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function total(names) {
  let passed = 0;
  let failed = 0;
  const failures = [];
  for (const n of names) {
    const f = path.join(resultsDir, `summary-${n}.json`);
    if (!fs.existsSync(f)) continue;
    const s = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += s.passed;
    failed += s.failed;
    failures.push(...(s.failures ?? []).map((line) => `[${n}] ${line}`));
  }
  return { passed, failed, failures };
}

function printTotal(t) {
  if (t.failures.length > 0) console.log(`\nfailed:\n${t.failures.map((line) => `  ${line}`).join("\n")}\n`);
  console.log(`${t.passed} passed, ${t.failed} failed`);
}

async function main() {
  if (args.includes("--total")) {
    const names = fs.readdirSync(resultsDir).filter((f) => f.startsWith("summary-")).map((f) => f.slice(8, -5));
    const t = total(names);
    printTotal(t);
    process.exit(t.failed > 0 ? 1 : 0);
  }
  const ran = [];
  for (const suite of suites) {
    if (suite === "unit") {
      vitest("unit", "vitest.config.ts");
      ran.push("unit");
    } else if (suite === "integration") {
      // A few integration files test what only the production server does (body framing):
      // they need a current build, as e2e does.
      if (!buildIfStale()) {
        record("build", 0, 1);
        ran.push("build");
        continue;
      }
      if (bothDatabases && process.env.DATABASE_URL && !embedded) {
        await integrationOnBoth();
        ran.push("integration", "integration-embedded");
        continue;
      }
      const name = embedded ? "integration-embedded" : "integration";
      vitest(name, "vitest.integration.config.ts", embedded ? { DATABASE_URL: "" } : {});
      ran.push(name);
    } else if (suite === "e2e") {
      try {
        await e2e();
      } catch (error) {
        console.error(`[test] e2e could not run: ${error.message}`);
      }
      ran.push("e2e", "build");
    } else {
      console.error(`unknown suite "${suite}": use unit, integration, e2e`);
      process.exit(2);
    }
  }
  const t = total([...new Set(ran)]);
  printTotal(t);
  process.exit(t.failed > 0 ? 1 : 0);
}

main();
