import { apiRoute, readJson } from "@/lib/api/handler";
import { applyPlan } from "@/lib/waves/mutations";
import { previewPlan } from "@/lib/waves/queries";
import { planRequestSchema } from "@/lib/waves/schemas";

/** Preview (default) or apply a wave plan. */
export const POST = apiRoute<{ slug: string }>(async ({ request, params, actor }) => {
  const { apply = false, capacityPerTeam } = await readJson(request, planRequestSchema);
  return apply ? applyPlan(actor, params.slug, { capacityPerTeam }) : previewPlan(actor, params.slug, { capacityPerTeam });
});
