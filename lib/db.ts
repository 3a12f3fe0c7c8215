/**
 * The one Prisma client of the app. Both the embedded and a real Postgres are reached the
 * same way: adapter-pg over a postgresql:// URL.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/** A client for a given URL; the app uses `db` below, tests and scripts make their own. */
export function createDb(url: string, opts: { max?: number } = {}): PrismaClient {
  // A bounded connect timeout: an unreachable database must fail a request, not hang it.
  const adapter = new PrismaPg({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
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
