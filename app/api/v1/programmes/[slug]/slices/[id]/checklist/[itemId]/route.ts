import type { Actor } from "@/lib/auth/actor";
import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/envelope";
import { pathPattern, registerDirectRoute } from "@/lib/api/direct";
import { tickChecklistItem } from "@/lib/checklists/mutations";
import { tickItemBodySchema } from "@/lib/checklists/schemas";

type Params = { slug: string; id: string; itemId: string };

function tick(actor: Actor, params: Params, body: string) {
  const input = parseJsonBody(body, tickItemBodySchema);
  return tickChecklistItem(actor, params.slug, { ...input, sliceId: params.id, itemId: params.itemId });
}

export const PATCH = apiRoute<Params>(async ({ request, params, actor }) => tick(actor, params, await request.text()));

// Ticks arrive from pipelines in bulk: once Next has loaded this module, Ferry's web server
// answers them directly, with this same code (ADR 16).
registerDirectRoute("checklist.tick", {
  method: "PATCH",
  match: pathPattern("/api/v1/programmes/:slug/slices/:id/checklist/:itemId"),
  run: ({ actor, params, body }) => tick(actor, params as Params, body),
});
