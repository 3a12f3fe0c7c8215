// Prepares the database the integration suite runs on, once per run.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { deployMigrations } from "@/lib/db/migrator";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    /** Server mode: the admin URL and the migrated template each test file clones. */
    testServerUrl: string | null;
    testTemplate: string | null;
    /** Embedded mode: the one shared database. */
    testEmbeddedUrl: string | null;
  }
}

let embedded: EmbeddedPostgres | undefined;
let template: string | undefined;

export async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    template = `ferry_tpl_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${template}"`);
    await deployMigrations(withDatabase(serverUrl, template));
    project.provide("testServerUrl", serverUrl);
    project.provide("testTemplate", template);
    project.provide("testEmbeddedUrl", null);
  } else {
    embedded = await startEmbeddedPostgres();
    // The app's own client (lib/db.ts) in the test files: one connection, as npm start does.
    process.env.FERRY_DB_POOL = "1";
    await deployMigrations(embedded.url);
    project.provide("testServerUrl", null);
    project.provide("testTemplate", null);
    project.provide("testEmbeddedUrl", embedded.url);
  }
}

export async function teardown() {
  if (template && process.env.DATABASE_URL) {
    await adminQuery(process.env.DATABASE_URL, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  }
  await embedded?.stop();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
