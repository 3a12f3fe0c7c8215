// `npm run bench`: seeds the large programme into a fresh database on the local PostgreSQL
// server, serves the production build against it and prints one JSON line per measurement.
// Benchmarks are not tests: they never run inside `npm test`.
import "../scripts/load-env";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createDb } from "../lib/db";
import { reloadEnv } from "../lib/env";
import { deployMigrations } from "../lib/db/migrator";
import { freePort } from "../lib/db/embedded";
import { seedLargeProgramme } from "../lib/seed";
import { benchPlanner } from "./planning";
import { benchInventoryDiff } from "./pure";
import { buildIfStale } from "../scripts/lib/build.mjs";
import { fetchFully, report, timeRuns } from "./measure";
import { getPage, signIn } from "./session";
import { allowServerOnly } from "./server-only";
import { spawnServer, startScriptArgs, waitForReady } from "./server";
import type { BenchContext } from "./suites";

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.some((o) => name.startsWith(o));

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function main() {
  // Before the suites load: they import server-only modules of lib/.
  allowServerOnly();
  const { benchmarks } = await import("./suites");
  if (!buildIfStale()) throw new Error("next build failed");
  if (wanted("planner")) report({ target: "p50 <= 100 ms, ratio to JSON.parse <= 5", ...benchPlanner() });
  if (wanted("inventory_diff")) report(await benchInventoryDiff());
  if (wanted("start_embedded")) await benchStartEmbedded();

  const dbName = `ferry_bench_${randomUUID().replaceAll("-", "").slice(0, 10)}`;
  await admin(`CREATE DATABASE "${dbName}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  // In-process measurements that use the app's own modules (lib/db's client) reach the bench
  // database, whichever suite touches the configuration first.
  process.env.DATABASE_URL = url;
  reloadEnv();
  const token = `bench-admin-token-${randomUUID()}`;
  try {
    await deployMigrations(url);
    const db = createDb(url, { max: 4 });
    const t0 = performance.now();
    const seeded = await seedLargeProgramme(db);
    report({ name: "seed_large", ms: Math.round(performance.now() - t0), ...seeded });
    // Measured in steady state: a bulk load sets autovacuum to work on every table for a while,
    // which a live programme's database is not doing.
    await db.$executeRawUnsafe("VACUUM ANALYZE");
    // BENCH_PORT: a fixed port, for a machine where each person has a range of their own.
    const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
    // Sessions need a signing secret in production mode; benchmarks of signed-in pages sign in.
    const secret = process.env.BETTER_AUTH_SECRET ?? `bench-${randomUUID()}${randomUUID()}`;
    // Served as production serves it: npm start, which runs Next's standalone server, one
    // process (ADR 25); more load is for more replicas, which a benchmark on one machine does not measure.
    // Sign-in is rate-limited per address, and every benchmark user signs in from this one.
    const server = spawnServer(startScriptArgs(), { DATABASE_URL: url, FERRY_ADMIN_TOKEN: token, FERRY_DB_POOL: "10", FERRY_SEED_DEMO: "false", BETTER_AUTH_SECRET: secret, FERRY_SIGNIN_RATE_LIMIT: "1000" }, port);
    try {
      await waitForReady(`${server.url}/api/ready`, 60_000, server.child);
      const ctx: BenchContext = { baseUrl: server.url, slug: seeded.slug, db, token, databaseUrl: url };
      if (wanted("overview_page")) {
        // Signed in: without a session the page is a redirect to sign-in.
        const cookie = await signIn(ctx);
        report({ name: "overview_page", target: "p95 <= 150 ms", ...(await timeRuns(50, () => getPage(`${server.url}/p/${seeded.slug}`, cookie))) });
      }
      for (const bench of benchmarks) {
        if (!wanted(bench.name)) continue;
        report({ name: bench.name, ...(await bench.run(ctx)) });
        // Each measurement starts from a settled database: a benchmark that writes in bulk
        // (the 5,000-service import) leaves vacuum and a checkpoint to run under the next one.
        await db.$executeRawUnsafe("VACUUM ANALYZE");
        await db.$executeRawUnsafe("CHECKPOINT");
      }
    } finally {
      await server.stop();
      await db.$disconnect();
    }
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

// `npm start` with the embedded database: first run (migrate + seed) and an already-set-up run.
async function benchStartEmbedded() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-bench-start-"));
  try {
    for (const run of ["first_run", "warm"] as const) {
      const port = await freePort();
      const t0 = performance.now();
      const server = spawnServer(startScriptArgs(), { DATABASE_URL: "", FERRY_DATA_DIR: dataDir }, port);
      try {
        await waitForReady(`${server.url}/api/ready`, 120_000, server.child);
        const ms = Math.round(performance.now() - t0);
        await fetchFully(`${server.url}/p/demo`);
        report({ name: `start_embedded_${run}`, ms, ...(run === "warm" ? { target: "serving in < 5000 ms" } : {}) });
      } finally {
        await server.stop();
      }
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
