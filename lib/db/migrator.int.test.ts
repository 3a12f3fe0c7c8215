import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { freshDatabases } from "@/lib/testing/fresh-database";
import { startEmbeddedPostgres } from "./embedded";
import { migrationChecksum } from "./migration-checksum";
import { migrationNames, pendingMigrations } from "./migration-status";
import { deployMigrations, MIGRATION_LOCK_KEY, type MigrationRow } from "./migrator";

const names = migrationNames();
const quiet = { log: () => {} };
const databases = freshDatabases();
afterEach(() => databases.dropAll());

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const history = (url: string) => withClient(url, async (c) => (await c.query<MigrationRow>("SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name")).rows);
const tableExists = (url: string, table: string) => withClient(url, async (c) => (await c.query("SELECT to_regclass($1) AS t", [table])).rows[0].t !== null);

/** A copy of the real migrations folder that a test may change. */
function migrationsCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-migrations-"));
  fs.cpSync(path.resolve("prisma/migrations"), dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string) {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

describe("deploying migrations with the plain runner", () => {
  it("applies every migration to a fresh database, in order, recorded as Prisma records them", async () => {
    const url = await databases.create();
    expect(await deployMigrations(url, quiet)).toEqual(names);
    const rows = await history(url);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const script = fs.readFileSync(path.join("prisma/migrations", row.migration_name, "migration.sql"), "utf8");
      expect(row).toMatchObject({ checksum: migrationChecksum(script), logs: null, rolled_back_at: null, applied_steps_count: 1 });
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
    // Prisma's DDL for the table (sql-schema-connector, Postgres flavour).
    const columns = await withClient(url, async (c) =>
      (
        await c.query(
          `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
             FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
        )
      ).rows,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", len: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", len: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", len: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", len: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", len: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", len: null, is_nullable: "NO", column_default: "0" },
    ]);
    await withClient(url, async (c) => expect(await pendingMigrations(c)).toEqual([]));
  });

  it("applies nothing on a second run and leaves the history as it was", async () => {
    const url = await databases.create();
    await deployMigrations(url, quiet);
    const before = await history(url);
    const logged: string[] = [];
    expect(await deployMigrations(url, { log: (m) => logged.push(m) })).toEqual([]);
    expect(await history(url)).toEqual(before);
    expect(logged).toEqual([]);
  });

  it("refuses an applied migration whose file changed, naming it, and applies nothing more", async () => {
    const url = await databases.create();
    const dir = migrationsCopy();
    await deployMigrations(url, { ...quiet, migrationsDir: dir });
    fs.appendFileSync(path.join(dir, names[1], "migration.sql"), "\n-- edited after it was applied\n");
    addMigration(dir, "29991231000000_later", `CREATE TABLE "LaterProbe" (id int);`);
    await expect(deployMigrations(url, { ...quiet, migrationsDir: dir })).rejects.toThrow(`Migration ${names[1]} was changed after it was applied`);
    expect(await tableExists(url, `"LaterProbe"`)).toBe(false);
  });

  it("accepts an applied migration whose line endings changed, as Prisma does", async () => {
    const url = await databases.create();
    const dir = migrationsCopy();
    await deployMigrations(url, { ...quiet, migrationsDir: dir });
    const file = path.join(dir, names[0], "migration.sql");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replaceAll("\n", "\r\n"));
    expect(await deployMigrations(url, { ...quiet, migrationsDir: dir })).toEqual([]);
  });

  it("refuses when an applied migration is missing from disk", async () => {
    const url = await databases.create();
    const dir = migrationsCopy();
    addMigration(dir, "29991231000000_later", `CREATE TABLE "LaterProbe" (id int);`);
    await deployMigrations(url, { ...quiet, migrationsDir: dir });
    fs.rmSync(path.join(dir, "29991231000000_later"), { recursive: true });
    await expect(deployMigrations(url, { ...quiet, migrationsDir: dir })).rejects.toThrow(
      "Migration 29991231000000_later is applied to the database but missing from prisma/migrations",
    );
  });

  it("refuses while a migration failed and is not resolved, until it is marked rolled back", async () => {
    const url = await databases.create();
    const dir = migrationsCopy();
    await deployMigrations(url, { ...quiet, migrationsDir: dir });
    addMigration(dir, "29991231000000_later", `CREATE TABLE "LaterProbe" (id int);`);
    // What Prisma's engine leaves when a migration fails: started, never finished, not rolled back.
    await withClient(url, (c) =>
      c.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES ('00000000-0000-4000-8000-000000000001', 'x', '29991231000000_later', 'boom')`),
    );
    await expect(deployMigrations(url, { ...quiet, migrationsDir: dir })).rejects.toThrow(/^Migration 29991231000000_later failed \(started .*\) and is not resolved/);
    expect(await tableExists(url, `"LaterProbe"`)).toBe(false);
    await withClient(url, (c) => c.query(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '29991231000000_later'`));
    expect(await deployMigrations(url, { ...quiet, migrationsDir: dir })).toEqual(["29991231000000_later"]);
  });

  it("rolls a failing migration back, reports it, and applies it once fixed", async () => {
    const url = await databases.create();
    const dir = migrationsCopy();
    addMigration(dir, "29991231000000_broken", `CREATE TABLE "BrokenProbe" (id int);\nSELECT 1 / 0;`);
    addMigration(dir, "29991231000001_after", `CREATE TABLE "AfterProbe" (id int);`);
    await expect(deployMigrations(url, { ...quiet, migrationsDir: dir })).rejects.toThrow(
      /^Migration 29991231000000_broken failed and was rolled back, nothing of it applied: division by zero$/,
    );
    expect(await tableExists(url, `"BrokenProbe"`)).toBe(false);
    expect(await tableExists(url, `"AfterProbe"`)).toBe(false);
    const rows = await history(url);
    expect(rows.filter((r) => r.finished_at).map((r) => r.migration_name)).toEqual(names);
    const failed = rows.find((r) => r.migration_name === "29991231000000_broken")!;
    expect(failed).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(failed.rolled_back_at).toBeInstanceOf(Date);
    expect(failed.logs).toContain("division by zero");

    fs.writeFileSync(path.join(dir, "29991231000000_broken", "migration.sql"), `CREATE TABLE "BrokenProbe" (id int);`);
    expect(await deployMigrations(url, { ...quiet, migrationsDir: dir })).toEqual(["29991231000000_broken", "29991231000001_after"]);
    expect(await tableExists(url, `"BrokenProbe"`)).toBe(true);
  });

  it("lets concurrent runners on a fresh database apply each migration once, and all succeed", async () => {
    const url = await databases.create();
    const results = await Promise.all([1, 2, 3].map(() => deployMigrations(url, quiet)));
    expect(results.flat().sort()).toEqual(names);
    const rows = await history(url);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
  });

  it.skipIf(!inject("testServerUrl"))("waits for the advisory lock Prisma Migrate also takes", async () => {
    const url = await databases.create();
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      const logged: string[] = [];
      let done = false;
      const deploying = deployMigrations(url, { log: (m) => logged.push(m) }).finally(() => (done = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(done).toBe(false);
      expect(logged).toEqual(["another process is applying migrations: waiting for it to finish..."]);
      expect(await tableExists(url, "_prisma_migrations")).toBe(false);
      await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      expect(await deploying).toEqual(names);
    } finally {
      await holder.end();
    }
  });

  it("is cheap when nothing is pending", async () => {
    const url = await databases.create();
    await deployMigrations(url, quiet);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await deployMigrations(url, quiet);
      times.push(performance.now() - started);
    }
    // Measured here at a few milliseconds (one connection, four small queries); the bound is
    // loose so a busy machine does not fail it, tight enough to catch loading an engine.
    expect(times.sort((a, b) => a - b)[2]).toBeLessThan(250);
  });
});

// The embedded database serves every connection from one session: advisory locks cannot
// exclude two connections there, so correctness rests on its transactions, which it runs one
// at a time, and on the runner re-checking the history inside each migration's transaction.
describe("deploying to the embedded database", () => {
  it("applies once under concurrent runners, leaves no lock held, and survives a failure", async () => {
    const embedded = await startEmbeddedPostgres();
    try {
      const results = await Promise.all([1, 2].map(() => deployMigrations(embedded.url, quiet)));
      expect(results.flat().sort()).toEqual(names);
      expect((await history(embedded.url)).map((r) => r.migration_name)).toEqual(names);
      expect(await deployMigrations(embedded.url, quiet)).toEqual([]);

      const dir = migrationsCopy();
      addMigration(dir, "29991231000000_broken", `CREATE TABLE "BrokenProbe" (id int);\nSELECT 1 / 0;`);
      await expect(deployMigrations(embedded.url, { ...quiet, migrationsDir: dir })).rejects.toThrow("Migration 29991231000000_broken failed and was rolled back");
      await withClient(embedded.url, async (c) => {
        expect((await c.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`)).rows[0].n).toBe(0);
        // Not left inside an aborted transaction: the shared session takes new work.
        expect((await c.query(`SELECT to_regclass('"BrokenProbe"') AS t, now() = statement_timestamp() AS fresh_tx`)).rows[0]).toEqual({ t: null, fresh_tx: true });
      });
    } finally {
      await embedded.stop();
    }
  });
});
