import { db } from "@/lib/db";
import { sessionRoute } from "@/lib/http/session-route";
import { servicesToCsv } from "@/lib/inventory/csv";
import { loadInventory } from "@/lib/inventory/queries/load-inventory";
import { serviceFiltersSchema } from "@/lib/services/schemas";
import { serviceWhere } from "@/lib/services/queries";

// The services list as CSV, honouring the same URL filters as the page (every page of them).
export const GET = sessionRoute(async ({ request, programme }) => {
  const url = new URL(request.url);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key).filter(Boolean);
    if (values.length) query[key] = values.length === 1 ? values[0] : values;
  }
  const filters = serviceFiltersSchema.parse(query);
  const [matching, inventory] = await Promise.all([
    db.service.findMany({ where: serviceWhere(programme.id, filters), select: { name: true } }),
    loadInventory(db, programme.id),
  ]);
  const names = new Set(matching.map((s) => s.name));
  const csv = servicesToCsv(
    inventory.services.filter((s) => names.has(s.name)),
    inventory.dependencies.filter((d) => names.has(d.from)),
  );
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${programme.slug}-services.csv"` },
  });
});
