/**
 * Prisma migrations without Prisma's native schema engine: drives the WASM schema engine
 * through adapter-pg. Writes Prisma's own migration folders and `_prisma_migrations` table,
 * so the official CLI agrees wherever it can run. See docs/adr/0002-migrations-without-native-engine.md.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { startEmbeddedPostgres } from "./embedded";

const require = createRequire(import.meta.url);
type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let enginePromise: Promise<EngineModule> | undefined;

/** The package is built for bundlers (an ESM wasm import): instantiate it by hand, once per process. */
function loadEngine(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    patchPgCharType();
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (m: string) => console.error("schema engine panic:", m),
    };
    const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as EngineModule;
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    (bg as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(instance.exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return enginePromise;
}

/**
 * adapter-pg rejects Postgres' internal "char" type (OID 18), which the engine's catalog
 * queries return (contype, relkind). Read such columns as text and re-tag them as Character.
 */
function patchPgCharType() {
  const Result = require("pg/lib/result.js") as { prototype: { addFields: (f: pg.FieldDef[]) => void } };
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function (fields) {
    for (const f of fields as (pg.FieldDef & { wasPgChar?: boolean })[]) {
      if (f.dataTypeID === 18) {
        f.dataTypeID = 25;
        f.wasPgChar = true;
      }
    }
    return addFields.call(this, fields);
  };
}

type Queryable = {
  performIO: (q: unknown) => Promise<{ fields?: { wasPgChar?: boolean }[] }>;
  queryRaw: (q: unknown) => Promise<{ columnTypes: number[] }>;
  __charPatched?: boolean;
  __charCols?: number[];
};

function patchQueryable(adapter: object) {
  // adapter-pg splits scripts on every ";", which breaks dollar-quoted function bodies.
  // Send the whole script as one simple query, as Prisma's native engine does: Postgres
  // runs it as one implicit transaction, so a failed migration leaves nothing half-applied.
  const client = (adapter as { client: pg.Pool | pg.PoolClient }).client;
  (adapter as { executeScript: (s: string) => Promise<void> }).executeScript = async (script: string) => {
    await client.query(script);
  };
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as Queryable;
  if (proto.__charPatched) return;
  proto.__charPatched = true;
  const { performIO, queryRaw } = proto;
  proto.performIO = async function (this: Queryable, q) {
    const r = await performIO.call(this, q);
    this.__charCols = (r?.fields ?? []).flatMap((f, i) => (f.wasPgChar ? [i] : []));
    return r;
  };
  proto.queryRaw = async function (this: Queryable, q) {
    const res = await queryRaw.call(this, q);
    for (const i of this.__charCols ?? []) res.columnTypes[i] = 6; // ColumnTypeEnum.Character
    return res;
  };
}

function pgConfigFromUrl(url: string): pg.PoolConfig {
  // Discrete fields, not connectionString: adapter-pg builds the shadow pool as {...config, database},
  // and a connectionString would win over that database.
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1) || "postgres",
    allowExitOnIdle: true,
  };
}

export type MigratorPaths = { schemaPath: string; migrationsDir: string };

const defaultPaths = (): MigratorPaths => ({
  schemaPath: path.resolve("prisma/schema.prisma"),
  migrationsDir: path.resolve("prisma/migrations"),
});

function migrationsList(dir: string) {
  const dirs = fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lock = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lock) ? fs.readFileSync(lock, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => {
      const f = path.join(dir, d, "migration.sql");
      return {
        path: d,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(f) ? { tag: "ok" as const, value: fs.readFileSync(f, "utf8") } : { tag: "error" as const, value: "missing" },
        },
      };
    }),
  };
}

const filters = { externalTables: [], externalEnums: [] };

/** Opens the engine on a database; the shadow database is always a throw-away in-memory PGlite. */
async function withEngine<T>(url: string, paths: MigratorPaths, fn: (engine: Awaited<ReturnType<EngineModule["SchemaEngine"]["new"]>>, schema: { files: { path: string; content: string }[] }) => Promise<T>): Promise<T> {
  const bg = await loadEngine();
  const schema = { files: [{ path: paths.schemaPath, content: fs.readFileSync(paths.schemaPath, "utf8") }] };
  const config = pgConfigFromUrl(url);
  const base = new PrismaPg(config);
  const connect = base.connect.bind(base);
  // The engine does not dispose what it connects; close the pools ourselves so no connection
  // outlives the call (a template database with a live connection cannot be cloned).
  const opened: { dispose: () => Promise<void> }[] = [];
  base.connect = async () => {
    const adapter = await connect();
    patchQueryable(adapter);
    opened.push(adapter);
    return adapter;
  };
  base.connectToShadowDb = async () => {
    const shadow = await startEmbeddedPostgres();
    const adapter = await new PrismaPg(pgConfigFromUrl(shadow.url)).connect();
    patchQueryable(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.stop();
    };
    return adapter;
  };
  const factory = bindMigrationAwareSqlAdapterFactory(base);
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new({ datamodels: schema.files.map((f) => [f.path, f.content]) }, (m: string) => logs.push(m), factory);
  try {
    return await fn(engine, schema);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((a) => a.dispose()));
  }
}

/**
 * The WASM engine's createMigration cannot open a shadow database by itself ("must be provided
 * through an external factory"); devDiagnostic on an up-to-date database opens one and the
 * engine keeps it. Call this after applying migrations and before createMigration.
 */
async function openShadow(engine: Awaited<ReturnType<EngineModule["SchemaEngine"]["new"]>>, list: ReturnType<typeof migrationsList>) {
  await engine.devDiagnostic({ migrationsList: list, filters });
}

/** Applies every pending migration; returns the names applied now. */
export async function deployMigrations(url: string, paths: MigratorPaths = defaultPaths()): Promise<string[]> {
  return withEngine(url, paths, async (engine) => {
    const r = await engine.applyMigrations({ migrationsList: migrationsList(paths.migrationsDir), filters });
    return r.appliedMigrationNames;
  });
}

/**
 * The SQL a new migration would need to bring the migrations up to `schema.prisma`,
 * or null when they already match (no drift).
 */
export async function pendingSchemaChange(url: string, paths: MigratorPaths = defaultPaths()): Promise<string | null> {
  return withEngine(url, paths, async (engine, schema) => {
    const list = migrationsList(paths.migrationsDir);
    await engine.applyMigrations({ migrationsList: list, filters });
    await openShadow(engine, list);
    const out = await engine.createMigration({ draft: false, migrationName: "drift", migrationsList: list, schema, filters });
    return out.migrationScript ?? null;
  });
}

/** Writes a new migration folder from schema changes and applies it; returns its name or null. */
export async function createMigration(url: string, name: string, paths: MigratorPaths = defaultPaths()): Promise<string | null> {
  return withEngine(url, paths, async (engine, schema) => {
    const diag = await engine.devDiagnostic({ migrationsList: migrationsList(paths.migrationsDir), filters });
    if (diag.action.tag === "reset") throw new Error(`The database needs a reset before a new migration: ${diag.action.reason}`);
    await engine.applyMigrations({ migrationsList: migrationsList(paths.migrationsDir), filters });
    await openShadow(engine, migrationsList(paths.migrationsDir));
    const out = await engine.createMigration({ draft: false, migrationName: name, migrationsList: migrationsList(paths.migrationsDir), schema, filters });
    if (!out.migrationScript) return null;
    const dir = path.join(paths.migrationsDir, out.generatedMigrationName);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `migration.${out.extension}`), out.migrationScript);
    fs.writeFileSync(path.join(paths.migrationsDir, "migration_lock.toml"), `# Please do not edit this file manually\nprovider = "${out.connectorType}"\n`);
    await engine.applyMigrations({ migrationsList: migrationsList(paths.migrationsDir), filters });
    return out.generatedMigrationName;
  });
}
