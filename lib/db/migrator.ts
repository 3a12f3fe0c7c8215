/**
 * Applies `prisma/migrations/<name>/migration.sql` with plain `pg`: what `npm start` and
 * `npm run db:deploy` run. It records each migration in `_prisma_migrations` as Prisma's
 * schema engine does, so the Prisma CLI reads the same history. See docs/adr/0024-plain-migration-runner.md.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { checksumMatches, migrationChecksum } from "./migration-checksum";
import { migrationNames } from "./migration-status";

/**
 * The advisory lock key Prisma Migrate itself takes (`SELECT pg_advisory_lock(72707369)` in its
 * Postgres connector): this runner, other replicas running it and the Prisma CLI exclude each other.
 */
export const MIGRATION_LOCK_KEY = 72707369;

// Prisma's DDL for the table, column for column (sql-schema-connector, Postgres flavour).
// IF NOT EXISTS only because the embedded database cannot exclude two runners of one process
// from this statement: its advisory locks are shared by every connection (see below).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

/** A row of `_prisma_migrations`. */
export type MigrationRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

export type DeployOptions = {
  migrationsDir?: string;
  /** Progress lines (applied, waiting for the lock); silent when nothing is pending. */
  log?: (message: string) => void;
};

/** Why deploying stopped before or while applying: the message is one line naming the migration. */
export class MigrationError extends Error {
  constructor(message: string, public readonly migrationName: string) {
    super(message);
    this.name = "MigrationError";
  }
}

const defaultDir = () => path.resolve("prisma/migrations");
const defaultLog = (message: string) => console.log(`[ferry] ${message}`);

/**
 * Applies every pending migration, each in its own transaction, under the migration lock.
 * Refuses (MigrationError) when an applied migration was edited or is missing on disk, or a
 * migration failed earlier and was not resolved. Returns the names applied now.
 */
export async function deployMigrations(url: string, options: DeployOptions = {}): Promise<string[]> {
  const dir = options.migrationsDir ?? defaultDir();
  const log = options.log ?? defaultLog;
  // A connection of its own, never one from the app's pool: a session-level advisory lock
  // lives as long as its session, and a pooled connection would carry it into requests.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await lock(client, log);
    try {
      return await deployLocked(client, dir, log);
    } finally {
      // The embedded database is one session for every connection: closing ours would not
      // release the lock there, so release it explicitly.
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function lock(client: pg.Client, log: (m: string) => void) {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MIGRATION_LOCK_KEY]);
  if (rows[0].locked) return;
  log("another process is applying migrations: waiting for it to finish...");
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
}

async function deployLocked(client: pg.Client, dir: string, log: (m: string) => void): Promise<string[]> {
  const { rows: exists } = await client.query<{ found: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS found`);
  if (!exists[0].found) await client.query(CREATE_MIGRATIONS_TABLE);
  const { rows } = await client.query<MigrationRow>(`SELECT * FROM _prisma_migrations ORDER BY started_at`);
  const scripts = readScripts(dir);
  const pending = checkHistory(rows, scripts);
  if (pending.length === 0) return [];

  log(`applying ${pending.length} migration${pending.length === 1 ? "" : "s"}: ${pending.join(", ")}`);
  const started = Date.now();
  const applied: string[] = [];
  for (const name of pending) {
    if (await applyOne(client, name, scripts.get(name)!)) applied.push(name);
  }
  if (applied.length) log(`applied ${applied.length} migration${applied.length === 1 ? "" : "s"} in ${Date.now() - started} ms`);
  return applied;
}

/** The migration scripts on disk by folder name, in Prisma's order (by name). */
function readScripts(dir: string): Map<string, string> {
  const scripts = new Map<string, string>();
  for (const name of migrationNames(dir)) {
    const file = path.join(dir, name, "migration.sql");
    if (!fs.existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql in ${dir}.`, name);
    scripts.set(name, fs.readFileSync(file, "utf8"));
  }
  return scripts;
}

/**
 * The migrations to apply, in order, once the recorded history is known to be sound. Rows
 * marked rolled back are ignored, as Prisma ignores them.
 */
export function checkHistory(rows: MigrationRow[], scripts: Map<string, string>): string[] {
  const applied = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    const name = row.migration_name;
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${name} failed (started ${row.started_at.toISOString()}) and is not resolved: repair the database, then mark it with \`prisma migrate resolve --rolled-back ${name}\` or \`--applied ${name}\`.`,
        name,
      );
    }
    const script = scripts.get(name);
    if (script === undefined) {
      throw new MigrationError(`Migration ${name} is applied to the database but missing from prisma/migrations: this code is older than the database.`, name);
    }
    if (!checksumMatches(script, row.checksum)) {
      throw new MigrationError(`Migration ${name} was changed after it was applied (its checksum differs): restore the applied file and put the change in a new migration.`, name);
    }
    applied.add(name);
  }
  return [...scripts.keys()].filter((name) => !applied.has(name));
}

/**
 * One migration in one transaction with its row, so it is applied and recorded, or neither.
 * Returns false when another runner applied it meanwhile (possible only on the embedded
 * database, where the lock cannot tell two connections apart).
 */
async function applyOne(client: pg.Client, name: string, script: string): Promise<boolean> {
  const { rows: now } = await client.query<{ at: Date }>("SELECT clock_timestamp() AS at");
  const startedAt = now[0].at;
  await client.query("BEGIN");
  try {
    const { rowCount } = await client.query(
      "SELECT 1 FROM _prisma_migrations WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL",
      [name],
    );
    if (rowCount) {
      await client.query("ROLLBACK");
      return false;
    }
    // Sent as one simple query, as Prisma's engine sends it: the whole file, dollar-quoted
    // bodies included, runs as the transaction's statements.
    await client.query(script);
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)`,
      [randomUUID(), migrationChecksum(script), name, startedAt],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    await recordRolledBack(client, name, script, startedAt, reason);
    throw new MigrationError(`Migration ${name} failed and was rolled back, nothing of it applied: ${reason.split("\n")[0]}`, name);
  }
}

/**
 * Keeps a trace of the failure in the history. The transaction undid the migration, so the row
 * says so (rolled_back_at): Prisma ignores such rows, and the next start tries again.
 */
async function recordRolledBack(client: pg.Client, name: string, script: string, startedAt: Date, reason: string) {
  await client
    .query(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, NULL, $3, $4, clock_timestamp(), $5, 0)`,
      [randomUUID(), migrationChecksum(script), name, `Migration ${name} failed and its transaction was rolled back.\n\n${reason}`, startedAt],
    )
    .catch(() => {}); // the connection may be what failed; the error thrown says what matters
}
