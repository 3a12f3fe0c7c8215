/**
 * Every export of the weekly report, by format: the body, its Content-Type and a file name.
 * Pure functions of the report: the same report gives the same bytes.
 */
import type { ReportFormat } from "../schemas";
import type { WeeklyReport } from "../types";
import { reportToCsv } from "./csv";
import { exportFilename } from "./format";
import { reportToJson } from "./json";
import { reportToMarkdown } from "./markdown";
import { reportToPdf } from "./pdf";

export { reportToCsv, reportToJson, reportToMarkdown, reportToPdf };

export type ReportExport = { body: string | Buffer; contentType: string; filename: string };

const TYPES: Record<ReportFormat, string> = {
  json: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
};

/** The report in one format, ready to send. */
export async function renderReport(r: WeeklyReport, format: ReportFormat): Promise<ReportExport> {
  const body = format === "json" ? reportToJson(r) : format === "md" ? reportToMarkdown(r) : format === "csv" ? reportToCsv(r) : await reportToPdf(r);
  return { body, contentType: TYPES[format], filename: exportFilename(r, format) };
}
