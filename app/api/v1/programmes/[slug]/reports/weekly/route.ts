import { apiRoute } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { getWeeklyReportExport } from "@/lib/reports/queries";
import { REPORT_FORMATS, type ReportFormat } from "@/lib/reports/schemas";
import { parseWeek, WeekFormatError } from "@/lib/reports/weeks";

// The weekly report of one ISO week in JSON, Markdown, CSV or PDF; any reader of the programme may fetch it.
export const GET = apiRoute<{ slug: string }>(async ({ request, params, actor }) => {
  const programme = await authorize(actor, params.slug, "programme.read");
  const query = request.nextUrl.searchParams;
  const format = query.get("format") ?? "json";
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    const message = `Expected format to be one of ${REPORT_FORMATS.join(", ")}.`;
    throw new AppError("INVALID", message, [{ path: "format", message }]);
  }
  const weekText = query.get("week");
  let week;
  try {
    week = weekText === null ? undefined : parseWeek(weekText).key;
  } catch (error) {
    if (error instanceof WeekFormatError) throw new AppError("INVALID", error.message, [{ path: "week", message: error.message }]);
    throw error;
  }
  const out = await getWeeklyReportExport(programme.id, week, format as ReportFormat);
  const disposition = format === "json" ? "inline" : "attachment";
  return new Response(typeof out.body === "string" ? out.body : new Uint8Array(out.body), {
    headers: { "content-type": out.contentType, "content-disposition": `${disposition}; filename="${out.filename}"` },
  });
});
