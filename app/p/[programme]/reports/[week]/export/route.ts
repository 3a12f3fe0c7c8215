import { sessionRoute } from "@/lib/http/session-route";
import { exportResponse, readExportRequest } from "@/lib/reports/export-request";
import { getWeeklyReportExport } from "@/lib/reports/queries";

// The report page's download buttons: the same files as GET /api/v1/programmes/{slug}/reports/weekly
// (one reading of the request, one renderer, one cache), for the signed-in reader's session instead of a bearer token.
export const GET = sessionRoute<{ programme: string; week: string }>(async ({ request, params, programme }) => {
  const { format, week } = readExportRequest({ format: new URL(request.url).searchParams.get("format"), week: params.week });
  return exportResponse(await getWeeklyReportExport(programme.id, week, format), format);
});
