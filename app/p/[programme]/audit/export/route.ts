import type { NextRequest } from "next/server";
import { allAuditEvents } from "@/lib/audit/queries";
import { auditFiltersSchema } from "@/lib/audit/schemas";
import { getProgrammeAccessOrThrow } from "@/lib/auth/access";
import { currentActor } from "@/lib/auth/current";
import { toCsv } from "@/lib/inventory/csv-format";
import { isAppError } from "@/lib/errors";

// The audit log as CSV, with the page's filters. Signed-in people only; cells a spreadsheet
// would run as formulas are neutralised by toCsv.
export async function GET(request: NextRequest, { params }: { params: Promise<{ programme: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in first.", { status: 401 });
  let programme;
  try {
    programme = await getProgrammeAccessOrThrow(actor, (await params).programme);
  } catch (error) {
    if (isAppError(error)) return new Response("Not found.", { status: 404 });
    throw error;
  }
  const filters = auditFiltersSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const rows = await allAuditEvents(programme.id, filters);
  const csv = toCsv([
    ["id", "at", "actor", "entity_type", "entity_id", "action", "before", "after"],
    ...rows.map((e) => [e.id, e.at.toISOString(), e.actorName, e.entityType, e.entityId, e.action, e.before === null ? "" : JSON.stringify(e.before), e.after === null ? "" : JSON.stringify(e.after)]),
  ]);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${programme.slug}-audit.csv"`, "cache-control": "no-store" },
  });
}
