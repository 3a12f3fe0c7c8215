import { apiRoute, readJson } from "@/lib/api/handler";
import { applyPlan } from "@/lib/waves/mutations/apply-plan";
import { getProposedPlan } from "@/lib/waves/queries";
import { planRequestSchema } from "@/lib/waves/schemas";

/** Preview (default) or apply a wave plan. */
export const POST = apiRoute<{ slug: string }>(async ({ request, params, actor }) => {
  const { apply = false, capacityPerTeam } = await readJson(request, planRequestSchema);
  return apply ? applyPlan(actor, params.slug, { capacityPerTeam }) : getProposedPlan(actor, params.slug, { capacityPerTeam });
});
