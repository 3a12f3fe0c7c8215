import { exportProgramme } from "@/lib/inventory/export-programme";
import { pageRoute } from "@/lib/inventory/page-routes";

// The export button: the same canonical Ferry JSON as GET /api/v1/programmes/{slug}/export.
export async function GET(request: Request, { params }: { params: Promise<{ programme: string }> }) {
  return pageRoute(request, async (actor) => {
    const { filename, text } = await exportProgramme(actor, (await params).programme);
    return new Response(text, { headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" } });
  });
}
