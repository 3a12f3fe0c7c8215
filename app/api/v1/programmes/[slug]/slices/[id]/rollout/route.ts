import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { readSliceRollout } from "@/lib/slices/mutations/read-slice-rollout";
import { MAX_ROLLOUT_PASTE } from "@/lib/slices/schemas";

// The body is the YAML itself (kubectl get rollout x -o yaml | curl --data-binary @-), not JSON.
export const POST = apiRoute<{ slug: string; id: string }>(async ({ request, params, actor }) => {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_ROLLOUT_PASTE) throw new AppError("PAYLOAD_TOO_LARGE", "The YAML is over 512 KB.");
  const yaml = await request.text();
  if (yaml.length > MAX_ROLLOUT_PASTE) throw new AppError("PAYLOAD_TOO_LARGE", "The YAML is over 512 KB.");
  if (yaml.trim() === "") throw new AppError("INVALID", "Send the YAML of a Rollout, Canary or VirtualService as the request body.");
  const result = await readSliceRollout(actor, params.slug, { sliceId: params.id, yaml });
  return { readingId: result.readingId, reading: result.reading, currentStage: result.currentStage, version: result.version, proposal: result.proposal };
});
