// `npm start`: one command from a fresh clone to a served app. Builds if no build exists,
// starts the embedded Postgres when DATABASE_URL is unset, applies migrations, seeds the demo
// programme on first run, then runs Next's standalone server as one child process and stops
// it (then the embedded database) on SIGINT or SIGTERM. See docs/adr/0003-embedded-postgres.md
// and docs/adr/0025-one-process-per-replica.md.
// Run as `node --import tsx scripts/start.ts` (package.json), not through tsx's CLI: the CLI is
// a second process that relays signals, and when its child does not acknowledge one within
// 30 ms (a busy machine) it SIGKILLs it, which would leave the server running without this
// script and cut the embedded database off under it.
import "./load-env";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { parseEnv } from "../lib/env";
import { DataDirLockedError, startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded";
import { deployMigrations, MigrationError } from "../lib/db/migrator";
import { build, hasBuild, standaloneServer } from "./lib/build.mjs";

const dev = process.argv.includes("--dev");
const started = Date.now();
const log = (message: string) => console.log(`[ferry] ${message}`);
const fail = (message: string): never => {
  console.error(`[ferry] ${message}`);
  process.exit(1);
};

const parsed = parseEnv(process.env);
if (!parsed.ok) fail(parsed.message);
const env = parsed.ok ? parsed.env : (undefined as never);
const nextBin = path.resolve("node_modules/next/dist/bin/next");

async function main() {
  await assertPortFree(env.PORT, env.HOSTNAME);
  if (!dev && !hasBuild()) {
    log("no build found: building once (next build)...");
    if (!build()) fail("next build failed; see the output above.");
  }

  let embedded: EmbeddedPostgres | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    try {
      embedded = await startEmbeddedPostgres({ dataDir: path.resolve(env.FERRY_DATA_DIR) });
    } catch (error) {
      fail(error instanceof DataDirLockedError ? error.message : `could not start the embedded database: ${String(error)}`);
    }
    url = embedded!.url;
    // Written for tools that need the live database (psql, end-to-end fixtures); removed at stop.
    fs.writeFileSync(path.join(env.FERRY_DATA_DIR, "database-url"), url);
    log(`embedded Postgres on port ${embedded!.port} (data in ${env.FERRY_DATA_DIR}/)`);
  }

  ensureAuthSecret();
  await migrate(url);
  if (env.FERRY_SEED_DEMO === "true") await seedIfEmpty(url);

  const serverEnv: Record<string, string> = {
    DATABASE_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
    FERRY_BASE_URL: env.FERRY_BASE_URL ?? `http://localhost:${env.PORT}`,
    // PGlite is one session: statements of two connections interleave and clobber each
    // other's unnamed prepared statements. One connection queues them instead.
    ...(embedded ? { FERRY_DB_POOL: "1" } : {}),
  };
  const child = dev
    ? await readableInDevelopment(spawn(process.execPath, [nextBin, "dev", "-p", String(env.PORT), "-H", env.HOSTNAME], { stdio: ["inherit", "pipe", "inherit"], env: { ...process.env, ...serverEnv } }))
    : // Next's own production server, as a container runs it: `node server.js`, configured by
      // PORT and HOSTNAME. It changes into its folder, so the app's paths resolve there.
      spawn(process.execPath, [standaloneServer().serverJs], { stdio: "inherit", env: { ...process.env, ...serverEnv, PORT: String(env.PORT), HOSTNAME: env.HOSTNAME } });
  const stop = handleShutdown(child, embedded);
  child.on("exit", (code, signal) => void stop(code === 0 ? 0 : 1, code === 0 ? undefined : `the web server exited (${signal ?? code})`));
  if (await listening(child, env.PORT, env.HOSTNAME)) log(`serving on http://localhost:${env.PORT} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/**
 * `npm run dev` only: the server's JSON lines made readable by pino-pretty (a devDependency,
 * so loaded here and nowhere else); other lines pass through as they are. Production writes
 * JSON (ADR 29).
 */
async function readableInDevelopment(child: ChildProcess): Promise<ChildProcess> {
  const { default: pretty } = await import("pino-pretty");
  child.stdout!.pipe(pretty({ colorize: process.stdout.isTTY, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname", destination: process.stdout }));
  return child;
}

/** Resolves true once the server answers /api/health (Next's handlers ready), false if it exits first. */
async function listening(child: ChildProcess, port: number, hostname: string): Promise<boolean> {
  const host = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  while (child.exitCode === null && child.signalCode === null) {
    const up = await new Promise<boolean>((resolve) => {
      const req = http.get({ host, port, path: "/api/health", agent: false, timeout: 5_000 }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.once("error", () => resolve(false));
      req.once("timeout", () => req.destroy());
    });
    if (up) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

// Sessions are signed with BETTER_AUTH_SECRET. A zero-config start makes one and keeps it in
// the data directory, so sessions survive restarts; production sets its own.
function ensureAuthSecret() {
  if (process.env.BETTER_AUTH_SECRET) return;
  const file = path.join(env.FERRY_DATA_DIR, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.FERRY_DATA_DIR, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.BETTER_AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

async function assertPortFree(port: number, host: string) {
  await new Promise<void>((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      fail(error.code === "EADDRINUSE" ? `port ${port} is already in use: stop what uses it or set PORT to another port.` : `cannot listen on ${host}:${port}: ${error.message}`),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

// On every start: a no-op deploy is one lock and one read, and it refuses a history that no
// longer matches the migration folders (ADR 24) before anything is served.
async function migrate(url: string) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    fail(`cannot reach the database at DATABASE_URL: ${(error as Error).message}`);
  }
  await client.end();
  try {
    await deployMigrations(url, { log });
  } catch (error) {
    if (error instanceof MigrationError) fail(error.message);
    throw error;
  }
}

async function seedIfEmpty(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Programme"`).finally(() => client.end());
  if (rows[0].n > 0) return;
  log("first run: seeding the demo programme...");
  const { createDb } = await import("../lib/db");
  const { seedDemoProgramme } = await import("../lib/seed");
  const { seedDemoAccounts } = await import("../lib/auth/demo-accounts");
  const db = createDb(url, { max: 2 });
  try {
    await seedDemoProgramme(db);
    await seedDemoAccounts(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * Stops on SIGINT and SIGTERM, passing SIGTERM on to the server: Next's server stops taking
 * connections, lets the requests in flight finish and exits. Returns the stop, for when the
 * server exits by itself (exit code 1). The embedded database stops only after the server is
 * gone, so no write in flight is cut off.
 */
function handleShutdown(child: ChildProcess, embedded: EmbeddedPostgres | undefined) {
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (code: number, reason?: string) => {
    if (stopping) return;
    stopping = true;
    if (reason) log(reason);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    await embedded?.stop();
    if (embedded) fs.rmSync(path.join(env.FERRY_DATA_DIR, "database-url"), { force: true });
    log("stopped cleanly");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  return stop;
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
