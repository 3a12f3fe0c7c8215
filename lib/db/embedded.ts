/**
 * Embedded Postgres: PGlite (Postgres in WASM) served over the wire protocol, so the app
 * keeps one code path (adapter-pg and a postgresql:// URL) whether or not a server exists.
 * See docs/adr/0003-embedded-postgres.md.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// Names the embedded database's connections (pg_stat_activity, logs).
const EMBEDDED_APPLICATION_NAME = "ferry-embedded";

export type EmbeddedPostgres = {
  url: string;
  port: number;
  stop: () => Promise<void>;
};

/** Finds a free loopback port by letting the kernel pick one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts PGlite on a loopback port. With a `dataDir` the data persists there and a lock file
 * refuses a second process on the same directory (two writers would corrupt it); without one
 * the database lives in memory.
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const releaseLock = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  try {
    const db = await PGlite.create(opts.dataDir ? path.join(opts.dataDir, "pgdata") : undefined);
    const port = opts.port ?? (await freePort());
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 20 });
    await server.start();
    let stopped = false;
    return {
      url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?application_name=${EMBEDDED_APPLICATION_NAME}`,
      port,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close(); // flushes to disk: the clean shutdown that keeps the data
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Thrown when another live process already owns the data directory. */
export class DataDirLockedError extends Error {
  constructor(public readonly dataDir: string, public readonly pid: number) {
    super(`The data directory ${dataDir} is in use by another Ferry process (pid ${pid}). Stop it first, or set FERRY_DATA_DIR to another directory.`);
  }
}

/** Takes the data directory for this process, or DataDirLockedError; returns the release. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "ferry.lock");
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const pid = Number(fs.readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
    // A stale lock from a process that died: take it over.
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A process killed with SIGKILL whose parent died too may stay a zombie where nothing reaps
    // it (PID 1 of a container): it answers signals but holds nothing.
    return !isZombie(pid);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether Linux reports the process as a zombie (state Z in /proc/<pid>/stat); false elsewhere. */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false;
  }
}
