import { apiRoute, readJson } from "@/lib/api/handler";
import { tickChecklistItem } from "@/lib/checklists/mutations/tick-checklist-item";
import { tickItemBodySchema } from "@/lib/checklists/schemas";

type Params = { slug: string; id: string; itemId: string };

export const PATCH = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = await readJson(request, tickItemBodySchema);
  return tickChecklistItem(actor, params.slug, { ...input, sliceId: params.id, itemId: params.itemId });
});
