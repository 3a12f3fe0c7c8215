import { AppError } from "@/lib/errors";
import { sessionRoute } from "@/lib/http/session-route";
import { renderReport } from "@/lib/reports/export";
import { getWeeklyReport } from "@/lib/reports/queries";
import { REPORT_FORMATS, type ReportFormat } from "@/lib/reports/schemas";
import { isWeekKey, WEEK_FORMAT } from "@/lib/reports/weeks";

// The report page's download buttons: the same files as GET /api/v1/programmes/{slug}/reports/weekly
// (one renderer), for the signed-in reader's session instead of a bearer token.
export const GET = sessionRoute<{ programme: string; week: string }>(async ({ request, params, programme }) => {
  if (!isWeekKey(params.week)) throw new AppError("INVALID", `The week must be ${WEEK_FORMAT}.`);
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new AppError("INVALID", `The format must be one of ${REPORT_FORMATS.join(", ")}.`);
  const file = await renderReport(await getWeeklyReport(programme.id, params.week), format as ReportFormat);
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"` },
  });
});
