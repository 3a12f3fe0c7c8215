import { NextResponse } from "next/server";
import { apiRoute, zodDetails } from "@/lib/api/handler";
import { listEventsSince } from "@/lib/audit/queries";
import { eventsQuerySchema } from "@/lib/audit/schemas";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";

export const GET = apiRoute<{ slug: string }>(async ({ request, params, actor }) => {
  const programme = await authorize(actor, params.slug, "programme.read");
  const parsed = eventsQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw new AppError("INVALID", "The query is not valid.", zodDetails(parsed.error));
  const rows = await listEventsSince(programme.id, parsed.data);
  const body = rows.map((e) => ({ id: e.id, at: e.at.toISOString(), actor: e.actorName, actorId: e.actorId, entityType: e.entityType, entityId: e.entityId, action: e.action, before: e.before, after: e.after }));
  const response = NextResponse.json(body);
  // A full page says where the rest is (RFC 8288), so a script that reads the array alone can
  // tell it was cut at `limit`: the same query, continued after the last event sent.
  if (rows.length === parsed.data.limit) {
    const next = new URLSearchParams(request.nextUrl.searchParams);
    next.set("after", String(rows[rows.length - 1].id));
    response.headers.set("link", `<${request.nextUrl.pathname}?${next}>; rel="next"`);
  }
  return response;
});
