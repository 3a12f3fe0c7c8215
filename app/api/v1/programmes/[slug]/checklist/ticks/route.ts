import { apiRoute } from "@/lib/api/handler";
import { readBodyCapped } from "@/lib/http/read-body";
import { MAX_TICKS_BODY_BYTES, parseTicksBody } from "@/lib/checklists/bulk-ticks";
import { tickChecklistItems } from "@/lib/checklists/mutations/tick-checklist-items";

type Params = { slug: string };

export const POST = apiRoute<Params>(async ({ request, params, actor }) => {
  const input = parseTicksBody(await readBodyCapped(request, MAX_TICKS_BODY_BYTES));
  return { items: await tickChecklistItems(actor, params.slug, input) };
});
