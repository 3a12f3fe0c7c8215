import { apiRoute, readJson } from "@/lib/api/handler";
import { moveSliceStage } from "@/lib/slices/mutations/move-slice-stage";
import { moveStageBodySchema } from "@/lib/slices/schemas";

export const POST = apiRoute<{ slug: string; id: string }>(async ({ request, params, actor }) => {
  const body = await readJson(request, moveStageBodySchema);
  return moveSliceStage(actor, params.slug, { ...body, sliceId: params.id });
});
