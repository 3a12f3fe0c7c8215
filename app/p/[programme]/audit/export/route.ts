import { listAllAuditEvents } from "@/lib/audit/queries";
import { auditFiltersSchema } from "@/lib/audit/schemas";
import { sessionRoute } from "@/lib/http/session-route";
import { toCsv } from "@/lib/inventory/csv-format";

// The audit log as CSV, with the page's filters. Cells a spreadsheet would run as formulas are
// neutralised by toCsv.
export const GET = sessionRoute(async ({ request, programme }) => {
  const filters = auditFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await listAllAuditEvents(programme.id, filters);
  const csv = toCsv([
    ["id", "at", "actor", "entity_type", "entity_id", "action", "before", "after"],
    ...rows.map((e) => [e.id, e.at.toISOString(), e.actorName, e.entityType, e.entityId, e.action, e.before === null ? "" : JSON.stringify(e.before), e.after === null ? "" : JSON.stringify(e.after)]),
  ]);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${programme.slug}-audit.csv"` },
  });
});
