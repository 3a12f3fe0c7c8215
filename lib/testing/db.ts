/**
 * A real database for one integration test file. On a server: a fresh database cloned from
 * the migrated template, dropped on close. Embedded: the shared database (isolate by creating
 * your own programme with a unique slug).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { adminQuery, withDatabase } from "./global-setup";

export type TestDatabase = { db: Db; url: string; close: () => Promise<void> };

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("testServerUrl");
  const template = inject("testTemplate");
  if (serverUrl && template) {
    const name = `ferry_t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    await cloneTemplate(serverUrl, name, template);
    const url = withDatabase(serverUrl, name);
    const db = createDb(url);
    return {
      db,
      url,
      close: async () => {
        await db.$disconnect();
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const url = inject("testEmbeddedUrl");
  if (!url) throw new Error("The integration global setup did not run (use vitest.integration.config.ts).");
  // One connection: PGlite is one session, and interleaved statements of two connections
  // clobber each other (see scripts/start.ts).
  const db = createDb(url, { max: 1 });
  return { db, url, close: () => db.$disconnect() };
}

/** A slug no other test uses, for programmes created by a test. */
export const uniqueSlug = (prefix = "t") => `${prefix}-${randomUUID().slice(0, 8)}`;

// Postgres refuses to clone a template while another session touches it, which includes a
// parallel clone by another test file: retry briefly.
async function cloneTemplate(serverUrl: string, name: string, template: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    }
  }
}

/**
 * For tests of code that uses the app's own client (`db` in lib/db.ts): before the file's
 * other hooks, opens a test database and points DATABASE_URL at it (the client reads it on
 * first use); after the file, disconnects that client and closes the database. The embedded
 * database runs one transaction at a time, so there the app gets one connection, as npm
 * start gives it.
 */
export function withAppDatabase(opened: (t: TestDatabase) => void = () => {}): void {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    const onServer = Boolean(process.env.DATABASE_URL);
    t = await openTestDatabase();
    process.env.DATABASE_URL = t.url;
    if (!onServer) process.env.FERRY_DB_POOL = "1";
    opened(t);
  });
  afterAll(async () => {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    await t?.close();
  });
}
