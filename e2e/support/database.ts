// The database the server under test uses, for fixtures that create and remove test data and
// for specs that check what a request wrote.
import fs from "node:fs";
import path from "node:path";
import { createDb, type Db } from "../../lib/db";

/**
 * DATABASE_URL when the runner set one, else the embedded database's URL, which `npm start`
 * writes into its data directory.
 */
export function e2eDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const file = path.join(process.env.FERRY_DATA_DIR ?? ".data", "database-url");
  return fs.readFileSync(file, "utf8").trim();
}

/** A small client of the e2e database; the caller disconnects it. */
export function openE2eDb(): Db {
  return createDb(e2eDatabaseUrl(), { max: 2 });
}

/** Runs `fn` with a client of its own, disconnected afterwards. */
export async function withE2eDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openE2eDb();
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

/** The database's clock, which stamps every row's createdAt (the runner's clock may differ). */
export async function databaseNow(db: Db): Promise<Date> {
  const [{ now }] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return now;
}
