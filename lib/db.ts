/**
 * The one Prisma client of the app. Both the embedded and a real Postgres are reached the
 * same way: adapter-pg over a postgresql:// URL. The pg pool under it is the app's own, so
 * the tick hot path can send its one statement without Prisma's per-query work (ADR 16) over
 * the same connections (the embedded database takes one connection at a time).
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sharesOneSession } from "@/lib/db/shared-session";

export type Db = PrismaClient;

type AppPool = { pool: pg.Pool; namedStatements: boolean };
// On globalThis, like the client below: the server loads this module once per route bundle,
// and a client made by one copy must be found by every other.
const globalForPools = globalThis as unknown as { ferryPools?: WeakMap<PrismaClient, AppPool> };
const pools = (globalForPools.ferryPools ??= new WeakMap());

/** A client for a given URL; the app uses `db` below, tests and scripts make their own. */
export function createDb(url: string, opts: { max?: number } = {}): PrismaClient {
  // A bounded connect timeout: an unreachable database must fail a request, not hang it.
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle connection that breaks (database restarted) must not crash the process.
  pool.on("error", () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  // The adapter leaves a pool it was given open; disconnecting the client ends it too.
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  pools.set(client, { pool, namedStatements: !sharesOneSession(url) });
  return client;
}

/** The pg pool under a client made by createDb. */
function poolOf(client: PrismaClient): AppPool {
  const pool = pools.get(client);
  if (!pool) throw new Error("This client was not made by createDb.");
  return pool;
}

const globalForDb = globalThis as unknown as { ferryDb?: PrismaClient };

function lazyDb(): PrismaClient {
  if (!globalForDb.ferryDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database).");
    globalForDb.ferryDb = createDb(url, { max: Number(process.env.FERRY_DB_POOL ?? 10) });
  }
  return globalForDb.ferryDb;
}

/** Created on first use so that importing a module never needs a database. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, prop) => {
    const client = lazyDb();
    const value = Reflect.get(client, prop);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * Runs one statement on the app's pg pool, for the few on the hottest paths (ADR 16). The
 * name prepares it once per connection instead of planning it on every call; it is dropped
 * where connections share one session (the embedded database).
 */
export async function hotQuery<R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]): Promise<R[]> {
  const { pool, namedStatements } = poolOf(lazyDb());
  const result = await pool.query<R>(namedStatements ? { name, text, values } : { text, values });
  return result.rows;
}
