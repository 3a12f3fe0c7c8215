import { apiRoute } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/authorize";
import { exportResponse, readExportRequest } from "@/lib/reports/export-request";
import { getWeeklyReportExport } from "@/lib/reports/queries";

// The weekly report of one ISO week in JSON, Markdown, CSV or PDF; any reader of the programme may fetch it.
export const GET = apiRoute<{ slug: string }>(async ({ request, params, actor }) => {
  const programme = await authorize(actor, params.slug, "programme.read");
  const query = request.nextUrl.searchParams;
  const { format, week } = readExportRequest({ format: query.get("format"), week: query.get("week") });
  return exportResponse(await getWeeklyReportExport(programme.id, week, format), format);
});
