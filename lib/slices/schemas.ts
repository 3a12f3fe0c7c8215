/**
 * Validation at every slice boundary (REST bodies, server actions, list filters), and the
 * API's response shapes for the OpenAPI document. Strict objects throughout.
 */
import { z } from "zod";
import { checklistItemSchema } from "@/lib/checklists/schemas";
import { intFromTextSchema } from "@/lib/validation/number";
import { textSchema } from "@/lib/validation/text";
import { ROLLBACK_SIGNALS } from "./stage-machine";
import { SLICE_STATUSES, STAGES } from "./stages";

const idSchema = textSchema().trim().min(1, "an id is required").max(64);

const moveShape = {
  to: z.enum(STAGES, { message: `use one of ${STAGES.map((s) => `"${s}"`).join(", ")}` }),
  reason: textSchema({ multiline: true }).trim().max(500, "keep the reason under 500 characters").optional(),
  signal: z.enum(ROLLBACK_SIGNALS, { message: `use one of ${ROLLBACK_SIGNALS.join(", ")}` }).optional(),
  observed: textSchema().trim().max(200, "keep the observed value under 200 characters").optional().describe("Rollbacks: the value that tripped the signal, e.g. \"5.2% 5xx\""),
  // Forms send text; JSON must send a number (null is not a version).
  expectedVersion: intFromTextSchema({ error: "use the slice's version number" }).optional().describe("The slice version the caller saw; a stale one is CONFLICT"),
};

/** The POST body of `/slices/{id}/stage`. */
export const moveStageBodySchema = z.strictObject(moveShape);
export type MoveStageBody = z.infer<typeof moveStageBodySchema>;

/** A stage move as a mutation input. */
export const moveSliceStageSchema = z.strictObject({ sliceId: idSchema, ...moveShape });
export type MoveSliceStageInput = z.infer<typeof moveSliceStageSchema>;

/** Biggest YAML paste accepted by the form and the API (the reader refuses more too). */
export const MAX_ROLLOUT_PASTE = 512 * 1024;

/** A pasted Argo Rollout, Flagger Canary or Istio VirtualService to read on a slice. */
export const readSliceRolloutSchema = z.strictObject({
  sliceId: idSchema,
  yaml: textSchema({ multiline: true })
    .min(1, "paste the YAML of a Rollout, Canary or VirtualService")
    .max(MAX_ROLLOUT_PASTE, "the YAML is over 512 KB")
    // A form posts a textarea's line breaks as CRLF; the evidence kept is what was pasted.
    .transform((yaml) => yaml.replace(/\r\n/g, "\n")),
});
export type ReadSliceRolloutInput = z.infer<typeof readSliceRolloutSchema>;

/** Filters of the slices list, read from the URL; anything unknown is dropped, not an error. */
export const sliceListFiltersSchema = z.object({
  team: textSchema().max(64).optional().catch(undefined),
  stage: z.enum(STAGES).optional().catch(undefined),
  status: z.enum(SLICE_STATUSES).optional().catch(undefined),
  wave: intFromTextSchema({ min: 1 }).optional().catch(undefined),
  blocked: z.literal("1").optional().catch(undefined),
  q: textSchema().trim().max(100).optional().catch(undefined),
  /** "all" overrides a lead's default of their own teams' slices. */
  view: z.enum(["mine", "all"]).optional().catch(undefined),
});
export type SliceListFilters = z.infer<typeof sliceListFiltersSchema>;

/** A slice as the API returns it (GET and the answer to a stage move). */
export const sliceDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  team: z.string(),
  wave: z.number().int().nullable(),
  status: z.enum(SLICE_STATUSES),
  stage: z.enum(STAGES),
  version: z.number().int(),
  services: z.array(z.string()),
  checklist: z.array(checklistItemSchema),
});
export type SliceDetailView = z.infer<typeof sliceDetailSchema>;
