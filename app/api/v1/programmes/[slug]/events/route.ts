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
  return rows.map((e) => ({ id: e.id, at: e.at.toISOString(), actor: e.actorName, actorId: e.actorId, entityType: e.entityType, entityId: e.entityId, action: e.action, before: e.before, after: e.after }));
});
