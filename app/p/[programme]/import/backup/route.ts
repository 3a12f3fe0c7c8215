import { sessionRoute } from "@/lib/http/session-route";
import { getProgrammeExport } from "@/lib/inventory/queries/export-programme";

// The export button: the same canonical Ferry JSON as GET /api/v1/programmes/{slug}/export.
export const GET = sessionRoute(async ({ actor, params }) => {
  const { filename, text } = await getProgrammeExport(actor, params.programme);
  return new Response(text, { headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` } });
});
