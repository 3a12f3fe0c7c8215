import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { freshDatabases } from "@/lib/testing/fresh-database";
import { migrationNames } from "../migration-status";
import { deployMigrations, type MigrationRow } from "../migrator";
import { createMigration, diagnoseMigrationHistory, engineApplyMigrations, pendingSchemaChange } from "./schema-engine";

const quiet = { log: () => {} };
// On the PostgreSQL server when the suite has one (the engine's shadow databases then go there
// too, as with Prisma's CLI), else embedded ones.
const databases = freshDatabases();
afterAll(() => databases.dropAll());
const fresh = () => databases.create();

async function select<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The engine's shadow databases left on the suite's server (none when it has none). */
async function shadowsLeft(): Promise<string[]> {
  const serverUrl = inject("testServerUrl");
  if (!serverUrl) return [];
  return (await select<{ datname: string }>(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE 'ferry_shadow_%'")).map((r) => r.datname);
}

const rows = (url: string) => select<MigrationRow>(url, "SELECT * FROM _prisma_migrations ORDER BY started_at");

function migrationsWith(name: string, sql: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-migrations-"));
  fs.cpSync(path.resolve("prisma/migrations"), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  return dir;
}

const schemaPath = path.resolve("prisma/schema.prisma");

// Drift is checked against a database of its own: the deploy runner applies every migration
// from zero, then the schema engine says what schema.prisma still needs.
describe("migrations", () => {
  it("a fresh database migrated from zero matches schema.prisma", async () => {
    expect(await pendingSchemaChange(await fresh())).toBeNull();
    // On a server the shadow is a scratch database there, dropped once the engine is done.
    expect(await shadowsLeft()).toEqual([]);
  });

  it("reports drift when schema.prisma has a change no migration holds", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-drift-"));
    const driftSchema = path.join(dir, "schema.prisma");
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    fs.writeFileSync(driftSchema, schema.replace("model Team {\n", "model Team {\n  driftProbe String?\n"));
    const sql = await pendingSchemaChange(await fresh(), { schemaPath: driftSchema, migrationsDir: path.resolve("prisma/migrations") });
    expect(sql).toContain('"driftProbe"');
  });

  it("db:migrate writes a migration for a schema change and applies it; unchanged, writes none", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-author-"));
    const migrationsDir = path.join(dir, "migrations");
    fs.cpSync(path.resolve("prisma/migrations"), migrationsDir, { recursive: true });
    const changed = path.join(dir, "schema.prisma");
    fs.writeFileSync(changed, fs.readFileSync(schemaPath, "utf8").replace("model Team {\n", "model Team {\n  authorProbe String?\n"));
    const url = await fresh();
    expect(await createMigration(url, "unchanged", { schemaPath, migrationsDir })).toBeNull();
    const created = await createMigration(url, "author_probe", { schemaPath: changed, migrationsDir });
    expect(created).toMatch(/^\d{14}_author_probe$/);
    expect(fs.readFileSync(path.join(migrationsDir, created!, "migration.sql"), "utf8")).toContain('"authorProbe"');
    expect((await rows(url)).map((r) => r.migration_name)).toEqual([...migrationNames(), created]);
    expect(await pendingSchemaChange(url, { schemaPath: changed, migrationsDir })).toBeNull();
    expect(await shadowsLeft()).toEqual([]);
  }, 120_000); // three shadow-database replays: slow on a busy two-core machine
});

// The Prisma CLI cannot run on machines without its native engine; its WASM build is the same
// engine, so what it reads and writes stands for what `prisma migrate status|deploy` would.
describe("Prisma's engine and the deploy runner agree", () => {
  it("after the runner applied everything, migrate status finds the database up to date", async () => {
    const url = await fresh();
    await deployMigrations(url, quiet);
    expect(await diagnoseMigrationHistory(url)).toEqual({ history: null, failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true });
    expect(await engineApplyMigrations(url)).toEqual([]);
  });

  it("the runner writes the rows the engine writes on a fresh database", async () => {
    const [byEngine, byRunner] = [await fresh(), await fresh()];
    expect(await engineApplyMigrations(byEngine)).toEqual(migrationNames());
    await deployMigrations(byRunner, quiet);
    const comparable = (r: MigrationRow) => ({ ...r, id: r.id.length, started_at: 0, finished_at: r.finished_at ? 0 : null });
    expect((await rows(byRunner)).map(comparable)).toEqual((await rows(byEngine)).map(comparable));
    // And each reads the other's history as its own.
    expect(await deployMigrations(byEngine, quiet)).toEqual([]);
  });

  it("the runner refuses a failure the engine recorded", async () => {
    const url = await fresh();
    const migrationsDir = migrationsWith("29991231000000_broken", "SELECT 1 / 0;");
    await expect(engineApplyMigrations(url, { schemaPath, migrationsDir })).rejects.toThrow();
    await expect(deployMigrations(url, { ...quiet, migrationsDir })).rejects.toThrow(/^Migration 29991231000000_broken failed \(started .*\) and is not resolved/);
  });

  it("the engine reads a failure the runner rolled back as not applied, not as failed", async () => {
    const url = await fresh();
    const migrationsDir = migrationsWith("29991231000000_broken", "SELECT 1 / 0;");
    await expect(deployMigrations(url, { ...quiet, migrationsDir })).rejects.toThrow("failed and was rolled back");
    const status = await diagnoseMigrationHistory(url, { schemaPath, migrationsDir });
    expect(status).toMatchObject({
      failedMigrationNames: [],
      editedMigrationNames: [],
      history: { diagnostic: "databaseIsBehind", unappliedMigrationNames: ["29991231000000_broken"] },
    });
  });

  it("the engine sees a file changed after the runner applied it as edited", async () => {
    const url = await fresh();
    const migrationsDir = migrationsWith("29991231000000_later", "SELECT 1;");
    await deployMigrations(url, { ...quiet, migrationsDir });
    fs.appendFileSync(path.join(migrationsDir, "29991231000000_later", "migration.sql"), "\n-- edited\n");
    expect((await diagnoseMigrationHistory(url, { schemaPath, migrationsDir })).editedMigrationNames).toEqual(["29991231000000_later"]);
  });
});
