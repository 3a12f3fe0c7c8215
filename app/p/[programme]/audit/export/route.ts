import { listAllAuditEvents } from "@/lib/audit/queries";
import { changeText, changesOf, describeLine, objectOf } from "@/lib/events/describe";
import { entityLabels } from "@/lib/events/labels";
import { auditFiltersSchema } from "@/lib/audit/schemas";
import { sessionRoute } from "@/lib/http/session-route";
import { toCsv } from "@/lib/inventory/csv-format";

// The audit log as CSV, with the page's filters: the stored columns (payloads as JSON, for
// programs), then the same words the audit page shows: what the event is about by name, the line
// saying what happened, and each changed field before and after. Cells a spreadsheet would run as
// formulas are neutralised by toCsv.
export const GET = sessionRoute(async ({ request, programme }) => {
  const filters = auditFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await listAllAuditEvents(programme.id, filters);
  const names = await entityLabels(rows);
  const csv = toCsv([
    ["id", "at", "actor", "entity_type", "entity_id", "action", "before", "after", "object", "summary", "changes"],
    ...rows.map((e) => {
      const { kind, name } = objectOf(e, names);
      return [
        e.id,
        e.at.toISOString(),
        e.actorName,
        e.entityType,
        e.entityId,
        e.action,
        e.before === null ? "" : JSON.stringify(e.before),
        e.after === null ? "" : JSON.stringify(e.after),
        `${kind} ${name ?? "(no longer in Ferry)"}`,
        describeLine(e, names),
        changesOf(e, names).map(changeText).join("; "),
      ];
    }),
  ]);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${programme.slug}-audit.csv"` },
  });
});
