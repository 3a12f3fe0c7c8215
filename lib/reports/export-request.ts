/**
 * What a request for a report file asks (its week and format) and the response that carries
 * the file: one reading for the REST route and the report page's download route, so the two
 * refuse the same input with the same words and send the same bytes.
 */
import { AppError } from "@/lib/errors";
import type { ReportExport } from "./export";
import { REPORT_FORMATS, type ReportFormat } from "./schemas";
import type { WeekKey } from "./types";
import { parseWeek, WeekFormatError } from "./weeks";

/** The format (JSON when absent) and week (the current one when absent); INVALID names the expected spelling. */
export function readExportRequest(query: { format: string | null; week: string | null }): { format: ReportFormat; week: WeekKey | undefined } {
  const format = query.format ?? "json";
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    const message = `Expected format to be one of ${REPORT_FORMATS.join(", ")}.`;
    throw new AppError("INVALID", message, [{ path: "format", message }]);
  }
  try {
    return { format: format as ReportFormat, week: query.week === null ? undefined : parseWeek(query.week).key };
  } catch (error) {
    if (error instanceof WeekFormatError) throw new AppError("INVALID", error.message, [{ path: "week", message: error.message }]);
    throw error;
  }
}

/** The file as a response; JSON reads inline, every other format downloads. */
export function exportResponse(file: ReportExport, format: ReportFormat): Response {
  const disposition = format === "json" ? "inline" : "attachment";
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `${disposition}; filename="${file.filename}"` },
  });
}
