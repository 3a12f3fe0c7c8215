import { db } from "@/lib/db";
import { requireActionActor } from "@/lib/auth/current";
import { errorResponse } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/authorize";
import { servicesToCsv } from "@/lib/inventory/csv";
import { loadInventory } from "@/lib/inventory/load-inventory";
import { serviceFiltersSchema } from "@/lib/services/schemas";
import { serviceWhere } from "@/lib/services/queries";

// The services list as CSV, honouring the same URL filters as the page (every page of them).
export async function GET(request: Request, { params }: { params: Promise<{ programme: string }> }) {
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  try {
    const actor = await requireActionActor();
    const programme = await authorize(actor, (await params).programme, "programme.read");
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
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${programme.slug}-services.csv"`, "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
