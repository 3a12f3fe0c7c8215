/**
 * Which migrations the database lacks, read with one plain query. Used by start-up (to skip
 * loading the schema engine when nothing is pending) and by /api/ready.
 */
import fs from "node:fs";
import path from "node:path";

type Queryable = { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> } | { $queryRawUnsafe: (sql: string) => Promise<unknown> };

/** The migration folder names, in order. */
export function migrationNames(dir = path.join(process.cwd(), "prisma", "migrations")): string[] {
  // The folder is read at run time on purpose: it is what "migrations applied" is measured against.
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

const APPLIED_SQL = `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/** Migrations present on disk but not applied; every one of them when the table is missing. */
export async function pendingMigrations(client: Queryable, dir?: string): Promise<string[]> {
  const expected = migrationNames(dir);
  let applied: string[];
  try {
    const rows = "query" in client ? (await client.query(APPLIED_SQL)).rows : ((await client.$queryRawUnsafe(APPLIED_SQL)) as Record<string, unknown>[]);
    applied = rows.map((r) => String(r.migration_name));
  } catch (error) {
    if (/_prisma_migrations.*does not exist/.test(String(error))) return expected;
    throw error;
  }
  const done = new Set(applied);
  return expected.filter((name) => !done.has(name));
}
