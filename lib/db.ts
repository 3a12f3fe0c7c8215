/**
 * The one Prisma client of the app. Both the embedded and a real Postgres are reached the
 * same way: adapter-pg over a postgresql:// URL, on a pg pool the app makes itself so that it
 * can bound the connect time and end the pool with the client.
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { forwardPoolNotifications } from "@/lib/live/listener";
import { observePool } from "@/lib/metrics";

export type Db = PrismaClient;

/** A client for a given URL; the app uses `db` below, tests and scripts make their own. */
export function createDb(url: string, opts: { max?: number } = {}): PrismaClient {
  // A bounded connect timeout: an unreachable database must fail a request, not hang it.
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle connection that breaks (database restarted) must not crash the process.
  pool.on("error", () => {});
  // Statement durations and the pool's use, for /api/metrics.
  observePool(pool, (error) => log.debug("database statement failed", { error }));
  // The embedded database sends change notifications to the committing connection (lib/live/listener.ts).
  forwardPoolNotifications(pool);
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  // The adapter leaves a pool it was given open; disconnecting the client ends it too.
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  return client;
}

const globalForDb = globalThis as unknown as { ferryDb?: PrismaClient };

function lazyDb(): PrismaClient {
  if (!globalForDb.ferryDb) {
    const { DATABASE_URL: url, FERRY_DB_POOL } = env();
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database).");
    globalForDb.ferryDb = createDb(url, { max: FERRY_DB_POOL });
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
