/**
 * Validation at every slice boundary (REST bodies, server actions, list filters), and the
 * API's response shapes for the OpenAPI document. Strict objects throughout.
 */
import { z } from "zod";
import { checklistItemSchema } from "@/lib/checklists/schemas";
import { dateSchema } from "@/lib/validation/date";
import { intFromTextSchema } from "@/lib/validation/number";
import { firstSearchValue } from "@/lib/validation/search";
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

// The slice editor's inputs (create, rename, services, rollback plan and rehearsal, pin).
const sliceName = textSchema().trim().min(1, "Give the slice a name.").max(120, "Keep the name under 120 characters.");
// A form sends a checkbox group as nothing, one value or several.
const idList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(idSchema).max(500));
const editorVersion = intFromTextSchema({ error: "use the slice's version number" }).optional();

/** A new slice from chosen services that are in no slice yet, owned by a team, in a wave or none. */
export const createSliceSchema = z.strictObject({
  name: sliceName,
  teamId: idSchema.describe("the owner team"),
  serviceIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(idSchema).min(1, "Choose at least one service.").max(500)),
  wave: intFromTextSchema({ min: 1, max: 10_000, error: "Choose a wave." }).optional(),
});
export type CreateSliceInput = z.infer<typeof createSliceSchema>;

export const renameSliceSchema = z.strictObject({ sliceId: idSchema, name: sliceName, expectedVersion: editorVersion });
export type RenameSliceInput = z.infer<typeof renameSliceSchema>;

/** Services to add to a slice (from those in no slice) and to take out of it. */
export const changeSliceServicesSchema = z
  .strictObject({ sliceId: idSchema, addServiceIds: idList, removeServiceIds: idList, expectedVersion: editorVersion })
  .refine((c) => c.addServiceIds.length + c.removeServiceIds.length > 0, { message: "Choose services to add or to take out." });
export type ChangeSliceServicesInput = z.infer<typeof changeSliceServicesSchema>;

/** The rollback plan; empty clears it. */
export const updateRollbackPlanSchema = z.strictObject({
  sliceId: idSchema,
  rollbackPlan: textSchema({ multiline: true }).trim().max(5_000, "Keep the plan under 5,000 characters.").optional(),
  expectedVersion: editorVersion,
});
export type UpdateRollbackPlanInput = z.infer<typeof updateRollbackPlanSchema>;

/** A rollback rehearsal: the day it happened (today by default) and what was learnt. */
export const recordRehearsalSchema = z.strictObject({
  sliceId: idSchema,
  rehearsedOn: dateSchema({ error: "Use a date like 2026-03-31." }).optional(),
  notes: textSchema({ multiline: true }).trim().max(1_000, "Keep the notes under 1,000 characters.").optional(),
  expectedVersion: editorVersion,
});
export type RecordRehearsalInput = z.infer<typeof recordRehearsalSchema>;

export const liftSlicePinSchema = z.strictObject({ sliceId: idSchema, expectedVersion: editorVersion });
export type LiftSlicePinInput = z.infer<typeof liftSlicePinSchema>;

/**
 * The slice page's editor opened by its address (`?edit=services`, `?edit=merge`): those two
 * choose from long lists (every service in no slice, every slice not started), loaded only then.
 */
export const slicePageSearchSchema = z.object({
  edit: z.preprocess(firstSearchValue, z.enum(["services", "merge"]).optional()).catch(undefined),
});
