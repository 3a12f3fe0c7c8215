/**
 * The report as CSV: one row per slice with its state at the end of the week. Written by
 * the inventory's CSV writer (RFC 4180, CRLF), which neutralises formula-looking cells, so a
 * slice named "=HYPERLINK(...)" opens in a spreadsheet as text.
 */
import { toCsv, type Cell } from "@/lib/inventory/csv-format";
import type { WeeklyReport } from "../types";
import { reasonText } from "../words";

export const REPORT_CSV_COLUMNS = [
  "week",
  "slice",
  "team",
  "wave",
  "status",
  "stage",
  "services",
  "service_count",
  "checklist_done",
  "checklist_na",
  "checklist_open",
  "checklist_total",
  "rollbacks",
  "planned_start",
  "planned_end",
  "last_progress_at",
  "attention",
] as const;

/** The slices of the report's week as CSV text, header first. */
export function reportToCsv(r: WeeklyReport): string {
  const attention = new Map(r.attention.map((a) => [a.sliceId, a.reasons.map(reasonText).join("; ")]));
  const rows: Cell[][] = (r.slices ?? []).map((s) => [
    r.range.week,
    s.name,
    s.team,
    s.wave,
    s.status,
    s.stage,
    s.services.join("; "),
    s.services.length,
    s.checklist.done,
    s.checklist.na,
    s.checklist.open,
    s.checklist.total,
    s.rollbacks,
    s.plannedStart,
    s.plannedEnd,
    s.lastProgressAt,
    attention.get(s.id) ?? "",
  ]);
  return toCsv([[...REPORT_CSV_COLUMNS], ...rows]);
}
