/**
 * Development only: Prisma's WASM schema engine, to write new migrations from schema.prisma
 * (`npm run db:migrate -- --name x`) and to check for drift in tests. Deploying never loads
 * it (lib/db/migrator.ts does that with plain pg); no process that serves requests imports
 * this module, because it patches pg and adapter-pg for the whole process.
 * See docs/adr/0002-migrations-without-native-engine.md and 0024-plain-migration-runner.md.
 *
 * Every patch below was checked against pg 8.23.1, @prisma/adapter-pg 7.10.1,
 * @prisma/driver-adapter-utils 7.10.1 and @prisma/schema-engine-wasm
 * 8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323. Moving any of them: run
 * lib/db/dev/schema-engine.int.test.ts, and drop the patches no longer needed.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { startEmbeddedPostgres } from "../embedded";
import { deployMigrations } from "../migrator";

const require = createRequire(import.meta.url);
type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type Engine = Awaited<ReturnType<EngineModule["SchemaEngine"]["new"]>>;

let enginePromise: Promise<EngineModule> | undefined;

/**
 * Patch (schema-engine-wasm 8.1.0-2.59be4fd): the package is built for bundlers (an ESM wasm
 * import) and expects a panic registry global; in Node it is instantiated by hand, once.
 */
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
 * Patch (pg 8.23.1, adapter-pg 7.10.1): adapter-pg rejects Postgres' internal "char" type
 * (OID 18), which the engine's catalog queries return (contype, relkind). pg's Result is
 * patched, process-wide, to read such columns as text; patchQueryable re-tags them.
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
  // Patch (adapter-pg 7.10.1): executeScript splits scripts on every ";", which breaks
  // dollar-quoted function bodies when the engine replays migrations on the shadow database.
  // Send the whole script as one simple query, as Prisma's native engine does.
  const client = (adapter as { client: pg.Pool | pg.PoolClient }).client;
  (adapter as { executeScript: (s: string) => Promise<void> }).executeScript = async (script: string) => {
    await client.query(script);
  };
  // Patch (adapter-pg 7.10.1, driver-adapter-utils 7.10.1): the "char" columns read as text
  // by patchPgCharType are reported to the engine as ColumnTypeEnum.Character (6).
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
    for (const i of this.__charCols ?? []) res.columnTypes[i] = 6;
    return res;
  };
}

function pgConfigFromUrl(url: string): pg.PoolConfig {
  // Patch-free workaround (adapter-pg 7.10.1): discrete fields, not connectionString, because
  // adapter-pg builds the shadow pool as {...config, database} and a connectionString would win.
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

export type EnginePaths = { schemaPath: string; migrationsDir: string };

const defaultPaths = (): EnginePaths => ({
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

async function onServer<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The engine's shadow database, made as Prisma's CLI makes it: a scratch database on the
 * target's server, dropped after (a replay there takes a second; starting an embedded server
 * for it took ten). The embedded server serves one database whatever name a client asks for,
 * so a "new" database on it would be the target itself: there, a throw-away embedded one.
 */
async function openShadow(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ferry_shadow_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const embedded = await onServer(url, async (client) => {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    if (rows[0].version.includes("PGlite")) return true;
    await client.query(`CREATE DATABASE "${name}"`);
    return false;
  });
  if (embedded) {
    const shadow = await startEmbeddedPostgres();
    return { url: shadow.url, drop: () => shadow.stop() };
  }
  const shadowUrl = new URL(url);
  shadowUrl.pathname = `/${name}`;
  return { url: shadowUrl.toString(), drop: () => onServer(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined) };
}

/** Opens the engine on a database, with a shadow database of its own (openShadow). */
async function withEngine<T>(url: string, paths: EnginePaths, fn: (engine: Engine, schema: { files: { path: string; content: string }[] }) => Promise<T>): Promise<T> {
  const bg = await loadEngine();
  const schema = { files: [{ path: paths.schemaPath, content: fs.readFileSync(paths.schemaPath, "utf8") }] };
  const base = new PrismaPg(pgConfigFromUrl(url));
  const connect = base.connect.bind(base);
  // The engine does not dispose what it connects (schema-engine-wasm 8.1.0-2.59be4fd): close
  // the pools here so no connection outlives the call (a template with one cannot be cloned).
  const opened: { dispose: () => Promise<void> }[] = [];
  base.connect = async () => {
    const adapter = await connect();
    patchQueryable(adapter);
    opened.push(adapter);
    return adapter;
  };
  base.connectToShadowDb = async () => {
    const shadow = await openShadow(url);
    const adapter = await new PrismaPg(pgConfigFromUrl(shadow.url)).connect();
    patchQueryable(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.drop();
    };
    return adapter;
  };
  const factory = bindMigrationAwareSqlAdapterFactory(base);
  const engine = await bg.SchemaEngine.new({ datamodels: schema.files.map((f) => [f.path, f.content]) }, () => {}, factory);
  try {
    return await fn(engine, schema);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((a) => a.dispose()));
  }
}

/**
 * Checks the history with the engine and, as a side effect the engine needs, opens its shadow
 * database: the WASM engine's createMigration cannot open one itself ("must be provided
 * through an external factory"), devDiagnostic on an up-to-date database does and keeps it.
 */
async function diagnoseAndOpenShadow(engine: Engine, list: ReturnType<typeof migrationsList>) {
  const diag = await engine.devDiagnostic({ migrationsList: list, filters });
  if (diag.action.tag === "reset") throw new Error(`The database needs a reset before a new migration: ${diag.action.reason}`);
}

/**
 * The SQL a new migration would need to bring the migrations up to `schema.prisma`, or null
 * when they already match (no drift). Applies the migrations first, with the deploy runner.
 */
export async function pendingSchemaChange(url: string, paths: EnginePaths = defaultPaths()): Promise<string | null> {
  await deployMigrations(url, { migrationsDir: paths.migrationsDir, log: () => {} });
  return withEngine(url, paths, async (engine, schema) => {
    const list = migrationsList(paths.migrationsDir);
    await diagnoseAndOpenShadow(engine, list);
    const out = await engine.createMigration({ draft: false, migrationName: "drift", migrationsList: list, schema, filters });
    return out.migrationScript ?? null;
  });
}

/** Writes a new migration folder from schema changes and applies it; returns its name or null. */
export async function createMigration(url: string, name: string, paths: EnginePaths = defaultPaths()): Promise<string | null> {
  await deployMigrations(url, { migrationsDir: paths.migrationsDir });
  const created = await withEngine(url, paths, async (engine, schema) => {
    const list = migrationsList(paths.migrationsDir);
    await diagnoseAndOpenShadow(engine, list);
    const out = await engine.createMigration({ draft: false, migrationName: name, migrationsList: list, schema, filters });
    if (!out.migrationScript) return null;
    const dir = path.join(paths.migrationsDir, out.generatedMigrationName);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `migration.${out.extension}`), out.migrationScript);
    fs.writeFileSync(path.join(paths.migrationsDir, "migration_lock.toml"), `# Please do not edit this file manually\nprovider = "${out.connectorType}"\n`);
    return out.generatedMigrationName;
  });
  if (created) await deployMigrations(url, { migrationsDir: paths.migrationsDir });
  return created;
}

/**
 * What `prisma migrate status` reads (the engine's diagnoseMigrationHistory, no shadow
 * database): tests use it to show the CLI agrees with the history the deploy runner wrote.
 */
export async function diagnoseMigrationHistory(url: string, paths: EnginePaths = defaultPaths()) {
  return withEngine(url, paths, (engine) => engine.diagnoseMigrationHistory({ migrationsList: migrationsList(paths.migrationsDir), optInToShadowDatabase: false, filters }));
}

/** `prisma migrate deploy` as the engine runs it; tests compare its rows with the runner's. */
export async function engineApplyMigrations(url: string, paths: EnginePaths = defaultPaths()): Promise<string[]> {
  return withEngine(url, paths, async (engine) => (await engine.applyMigrations({ migrationsList: migrationsList(paths.migrationsDir), filters })).appliedMigrationNames);
}
