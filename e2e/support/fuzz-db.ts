/**
 * Row counts of every table of the e2e database, read directly with `pg`, so the fuzzer can
 * tell that refused requests wrote nothing. The same code reads a real PostgreSQL server and
 * the embedded PGlite, which start.ts serves over the wire protocol at the URL it writes to
 * `$FERRY_DATA_DIR/database-url` (e2eDatabaseUrl finds it).
 */
import pg from "pg";

export type Counts = Record<string, number>;

export type RowCounter = { snapshot: () => Promise<Counts>; close: () => Promise<void> };

export async function openRowCounter(url: string): Promise<RowCounter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  if (rows.length === 0) throw new Error(`no tables in the current schema of the e2e database`);
  // One statement (the simple query protocol, no prepared statement: the embedded database
  // shares prepared statements between connections). The Event table also gets its highest
  // id, so a delete plus an insert cannot hide behind an unchanged count.
  const sql = [...rows.map((r) => `SELECT '${r.name}' AS t, count(*)::bigint AS n FROM "${r.name}"`), `SELECT 'Event.max(id)' AS t, coalesce(max(id), 0)::bigint AS n FROM "Event"`].join(" UNION ALL ");
  return {
    snapshot: async () => Object.fromEntries((await client.query<{ t: string; n: string }>(sql)).rows.map((r) => [r.t, Number(r.n)])),
    close: () => client.end(),
  };
}

/** The tables whose counts differ, as "Table: before → after". */
export function diffCounts(before: Counts, after: Counts): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t}: ${before[t]} → ${after[t]}`);
}
