/**
 * Upsert of many rows in a few statements, for restoring a Ferry backup: the rows are bulk
 * inserted into a temporary copy of the table, then moved with INSERT ... ON CONFLICT DO
 * UPDATE. Rows that would not change are skipped (IS DISTINCT FROM), so re-importing the
 * same file writes nothing and records no events. Table and column names come from code.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { bulkInsert, type ColumnType } from "@/lib/seed/bulk";

type Tx = Prisma.TransactionClient;

export type UpsertSpec<T> = {
  table: string;
  columns: { [K in keyof T]?: ColumnType };
  /** The unique key an existing row is found by. */
  conflict: (keyof T & string)[];
  /** Columns that never make a row "changed" on their own (timestamps). */
  ignoreInComparison?: (keyof T & string)[];
  /** Extra assignments on update, e.g. a version bump. */
  onUpdate?: string;
};

export type UpsertOutcome = { id: string; inserted: boolean; index: number };

/** Inserts new rows and updates changed ones; returns what was written (unchanged rows are left out). */
export async function bulkUpsert<T extends { id: string }>(tx: Tx, rows: readonly T[], spec: UpsertSpec<T>): Promise<UpsertOutcome[]> {
  if (!rows.length) return [];
  const temp = `_ferry_upsert_${spec.table.toLowerCase()}`;
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE IF NOT EXISTS "${temp}" (LIKE "${spec.table}" INCLUDING DEFAULTS) ON COMMIT DROP`);
  await tx.$executeRawUnsafe(`TRUNCATE "${temp}"`);
  await bulkInsert(tx, temp, rows, spec.columns);
  const cols = Object.keys(spec.columns);
  const q = (c: string) => `"${c}"`;
  const updatable = cols.filter((c) => c !== "id" && !spec.conflict.includes(c as keyof T & string));
  const compared = updatable.filter((c) => !(spec.ignoreInComparison ?? []).includes(c as keyof T & string));
  const set = [...updatable.map((c) => `${q(c)} = EXCLUDED.${q(c)}`), ...(spec.onUpdate ? [spec.onUpdate] : [])].join(", ");
  const changed = compared.length
    ? `WHERE (${compared.map((c) => `"${spec.table}".${q(c)}`).join(", ")}) IS DISTINCT FROM (${compared.map((c) => `EXCLUDED.${q(c)}`).join(", ")})`
    : "WHERE false";
  const sql =
    `INSERT INTO "${spec.table}" (${cols.map(q).join(", ")}) SELECT ${cols.map(q).join(", ")} FROM "${temp}" ` +
    `ON CONFLICT (${spec.conflict.map(q).join(", ")}) DO UPDATE SET ${set} ${changed} ` +
    // xmax is 0 only on a freshly inserted row version: the standard way to tell the two apart.
    `RETURNING "id", (xmax = 0) AS inserted, ${spec.conflict.map((c) => `"${spec.table}".${q(c)}`).join(", ")}`;
  const written = await tx.$queryRawUnsafe<Record<string, unknown>[]>(sql);
  // Map each written row back to its input by its unique key.
  const keyOf = (r: Record<string, unknown>) => spec.conflict.map((c) => String(r[c])).join("\u0000");
  const index = new Map(rows.map((r, i) => [keyOf(r as Record<string, unknown>), i]));
  return written.map((w) => ({ id: String(w.id), inserted: Boolean(w.inserted), index: index.get(keyOf(w))! }));
}
