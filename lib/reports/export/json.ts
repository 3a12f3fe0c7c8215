/**
 * The report as JSON: the WeeklyReport itself, keys in the report schema's order whatever
 * order they were stored in (PostgreSQL's jsonb keeps its own), so one week exports the same
 * bytes every time.
 */
import { weeklyReportSchema } from "../schemas";
import type { WeeklyReport } from "../types";

/** The report as pretty-printed JSON text, ending in a newline. */
export function reportToJson(r: WeeklyReport): string {
  return `${JSON.stringify(weeklyReportSchema.parse(r), null, 2)}\n`;
}
