/**
 * A PostgreSQL cluster of a test's own: initdb into a temporary directory, served on a port
 * of its own, so a test can stop and restart the database under a running Ferry without
 * touching the shared server anyone else uses. Needs the PostgreSQL server binaries
 * (Debian's postgresql package: /usr/lib/postgresql/<version>/bin, or PG_BIN).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type PrivatePostgres = {
  port: number;
  dir: string;
  /** A URL for `database` on this cluster (trust auth, user postgres). */
  url: (database?: string) => string;
  bin: (name: string) => string;
  /** pg_ctl restart -m fast: sessions are cut, the server is back when this resolves. */
  restart: () => Promise<void>;
  /** pg_ctl stop -m fast: the server is down when this resolves. */
  stopServer: () => Promise<void>;
  startServer: () => Promise<void>;
  /** Stops the server (if running) and deletes the cluster. */
  destroy: () => Promise<void>;
};

/** The newest installed PostgreSQL's bin directory, or PG_BIN; throws naming what is missing. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))) : [];
  if (versions.length === 0) throw new Error("No PostgreSQL server binaries found (initdb, pg_ctl): install Debian's postgresql package or set PG_BIN.");
  versions.sort((a, b) => Number(b) - Number(a));
  return path.join(root, versions[0], "bin");
}

// Postgres refuses to run as root: as root, every server command runs as the postgres user.
function asServerUser(cmd: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

async function serverCommand(cmd: string, args: string[], timeoutMs = 60_000) {
  const [file, argv] = asServerUser(cmd, args);
  try {
    await run(file, argv, { timeout: timeoutMs });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${path.basename(cmd)} ${args[0] ?? ""} failed: ${e.stderr || e.stdout || e.message}`);
  }
}

/** Creates and starts a cluster on `port` (loopback only, sockets in its own directory). */
export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const binDir = postgresBinDir();
  const bin = (name: string) => path.join(binDir, name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-pg-"));
  if (process.getuid?.() === 0) await run("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  // Trust on loopback only: a throw-away cluster for tests. --no-sync: nothing here must
  // survive a machine crash, and fsync of a fresh cluster costs seconds on a busy disk.
  await serverCommand(bin("initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const log = path.join(dir, "server.log");
  // pg_ctl's own error says only "examine the log": the log's tail goes into the error instead.
  const pgCtl = (...args: string[]) =>
    serverCommand(bin("pg_ctl"), [args[0], "-D", data, "-w", "-t", "60", "-l", log, ...args.slice(1)]).catch((error: Error) => {
      const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").slice(-8).join("\n") : "";
      throw new Error(`${error.message}\n${tail}`);
    });
  const startServer = () => pgCtl("start", "-o", options);
  const stopServer = () => pgCtl("stop", "-m", "fast");
  await startServer();
  let destroyed = false;
  return {
    port,
    dir,
    bin,
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    restart: () => pgCtl("restart", "-m", "fast", "-o", options),
    stopServer,
    startServer,
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      await pgCtl("stop", "-m", "immediate").catch(() => {}); // already stopped is fine
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
