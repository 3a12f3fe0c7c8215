/**
 * The CPU-heavy part of an import (reading the file, diffing it against the programme, the
 * preview's report), as one pure function of plain data, so that it can run on a worker
 * thread (import-thread.ts) while the web process keeps answering other requests.
 */
import { diffInventory, type InventoryDiff } from "./diff";
import type { Inventory } from "./model";
import { parseImport, type ImportParse } from "./parse-import";
import { buildReport } from "./report";
import type { ImportFormat, ImportReport } from "./schemas";

/** A preview diffs against `current` and returns only the report; an apply returns the parse. */
export type ImportJob =
  | { mode: "preview"; format: ImportFormat; text: string; current: Inventory }
  | { mode: "parse"; format: ImportFormat; text: string; known: string[] };

export type ImportJobResult = { mode: "preview"; report: ImportReport } | { mode: "parse"; parsed: ImportParse };

export function runImportJob(job: ImportJob): ImportJobResult {
  if (job.mode === "parse") return { mode: "parse", parsed: parseImport(job.format, job.text, job.known) };
  const parsed = parseImport(job.format, job.text, job.current.services.map((s) => s.name));
  const opts = { errors: parsed.errors, warnings: parsed.warnings, applied: false };
  // The preview needs only the report: the parsed inventory and the diff stay on the worker.
  const diff: InventoryDiff | null = parsed.errors.length ? null : diffInventory(job.current, parsed.inventory);
  return { mode: "preview", report: buildReport(diff, opts) };
}
