import { apiRoute, readJson } from "@/lib/api/handler";
import { tickChecklistItem } from "@/lib/checklists/mutations";
import { tickItemBodySchema } from "@/lib/checklists/schemas";

export const PATCH = apiRoute<{ slug: string; id: string; itemId: string }>(async ({ request, params, actor }) => {
  const body = await readJson(request, tickItemBodySchema);
  return tickChecklistItem(actor, params.slug, { ...body, sliceId: params.id, itemId: params.itemId });
});
