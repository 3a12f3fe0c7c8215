import { apiRoute } from "@/lib/api/handler";
import { getProgrammeExport } from "@/lib/inventory/queries/export-programme";

export const GET = apiRoute<{ slug: string }>(async ({ params, actor }) => {
  const { filename, text } = await getProgrammeExport(actor, params.slug);
  return new Response(text, {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
});
