/**
 * Bulk inserts for the large seed. Prisma 7's createMany measured about 3,000 rows/s on this
 * machine (the query interpreter is CPU-bound per row), which put the benchmark seed near two
 * minutes; one INSERT ... SELECT FROM unnest() per chunk binds one array per column instead
 * and is an order of magnitude faster. Rows are still the Prisma create inputs the rest of
 * the code builds (events through eventData), so only the last step differs. Table and
 * column names come from code, never from input.
 */
import type { TrafficStage } from "@/lib/generated/prisma/enums";
import { stageFromDb } from "@/lib/slices/stages";
import type { Client } from "./factories";

export type ColumnType =
  | "text"
  | "int"
  | "bool"
  | "timestamp"
  | "date"
  | "jsonb"
  | "text[]"
  /** A TrafficStage given by its Prisma name ("pct10"), stored under its mapped value ("10"). */
  | "stage"
  | { enum: string }
  | { enumArray: string };

const CHUNK = 5000;

/** The value as unnest receives it: dates as UTC ISO strings, JSON and lists as JSON text. */
function encode(value: unknown, type: ColumnType): unknown {
  if (value === undefined || value === null) return type === "text[]" || (typeof type === "object" && "enumArray" in type) ? "[]" : null;
  if (type === "stage") return stageFromDb(value as TrafficStage);
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (type === "jsonb" || type === "text[]" || (typeof type === "object" && "enumArray" in type)) return JSON.stringify(value);
  return value;
}

function arrayType(type: ColumnType): string {
  if (typeof type === "object" || type === "stage") return "text[]";
  return { text: "text[]", int: "int[]", bool: "boolean[]", timestamp: "timestamp(3)[]", date: "date[]", jsonb: "jsonb[]", "text[]": "text[]" }[type];
}

function selectExpr(column: string, type: ColumnType): string {
  const col = `u."${column}"`;
  if (type === "text[]") return `ARRAY(SELECT jsonb_array_elements_text(${col}::jsonb))`;
  if (typeof type === "object" && "enumArray" in type) return `ARRAY(SELECT jsonb_array_elements_text(${col}::jsonb))::"${type.enumArray}"[]`;
  if (type === "stage") return `${col}::"TrafficStage"`;
  if (typeof type === "object") return `${col}::"${type.enum}"`;
  return col;
}

/** Inserts rows into a table, one statement per chunk of 5,000, binding one array per column. */
export async function bulkInsert<T extends object>(db: Client, table: string, rows: readonly T[], columns: { [K in keyof T]?: ColumnType }): Promise<void> {
  const cols = Object.entries(columns) as [string, ColumnType][];
  const names = cols.map(([c]) => `"${c}"`).join(", ");
  const unnest = cols.map(([, t], i) => `$${i + 1}::${arrayType(t)}`).join(", ");
  const alias = cols.map(([c]) => `"${c}"`).join(", ");
  const select = cols.map(([c, t]) => selectExpr(c, t)).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${unnest}) AS u(${alias})`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK) as Record<string, unknown>[];
    await db.$executeRawUnsafe(sql, ...cols.map(([c, t]) => chunk.map((row) => encode(row[c], t))));
  }
}
