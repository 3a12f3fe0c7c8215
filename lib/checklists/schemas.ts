/**
 * Validation at every checklist boundary (REST bodies, server actions, template forms).
 * Strict objects: an unknown field is INVALID, never silently ignored.
 */
import { z } from "zod";
import { STAGES } from "@/lib/slices/stages";
import { textSchema } from "@/lib/validation/text";
import { httpUrlSchema } from "@/lib/validation/url";
import { APPLIES_TO, CHECKLIST_CATEGORIES } from "./default-template";

export const ITEM_STATES = ["open", "done", "na"] as const;
export type ItemStateName = (typeof ITEM_STATES)[number];

const idSchema = textSchema().trim().min(1, "an id is required").max(64);

export { isHttpUrl } from "@/lib/validation/url";

const evidenceUrlSchema = httpUrlSchema({ max: 2000 });
const reasonSchema = textSchema({ multiline: true }).trim().max(500, "keep the reason under 500 characters");

const tickShape = {
  state: z.enum(ITEM_STATES, { message: `use one of ${ITEM_STATES.join(", ")}` }),
  evidenceUrl: evidenceUrlSchema.optional(),
  reason: reasonSchema.optional(),
};

/** Not applicable needs a reason: "n/a" without one is a gate skipped silently. */
function requireReasonForNa(value: { state: ItemStateName; reason?: string }, ctx: z.RefinementCtx) {
  if (value.state === "na" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "say why the item does not apply" });
}

/** The PATCH body of `/slices/{id}/checklist/{itemId}`. */
export const tickItemBodySchema = z.strictObject(tickShape).superRefine(requireReasonForNa);
export type TickItemBody = z.infer<typeof tickItemBodySchema>;

/** Ticking as a mutation input: the body plus which item of which slice. */
export const tickChecklistItemSchema = z.strictObject({ sliceId: idSchema, itemId: idSchema, ...tickShape }).superRefine(requireReasonForNa);
export type TickChecklistItemInput = z.infer<typeof tickChecklistItemSchema>;

/** Most ticks one bulk request may carry. */
export const MAX_BULK_TICKS = 1000;

/** The POST body of `/checklist/ticks`: each entry is validated as a single tick is. */
export const tickChecklistItemsSchema = z.strictObject({
  ticks: z
    .array(tickChecklistItemSchema)
    .min(1, "send at least one tick")
    .max(MAX_BULK_TICKS, `send at most ${MAX_BULK_TICKS.toLocaleString("en")} ticks per request`),
});
export type TickChecklistItemsInput = z.infer<typeof tickChecklistItemsSchema>;

/** Why one entry of a bulk tick was refused; `path` names the field of an invalid entry. */
export const tickEntryFailureSchema = z.object({
  index: z.int().nonnegative().describe("The entry's position in `ticks`, from 0"),
  code: z.enum(["INVALID", "NOT_FOUND", "FORBIDDEN"]),
  message: z.string(),
  path: z.string().optional(),
});
export type TickEntryFailure = z.infer<typeof tickEntryFailureSchema>;

/** A checklist item as the API returns it. */
export const checklistItemSchema = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  category: z.enum(CHECKLIST_CATEGORIES),
  gate: z.enum(STAGES).nullable().describe("The traffic stage this item gates"),
  state: z.enum(ITEM_STATES),
  // Beyond API.md's listed fields (its contract allows more): a client must not read an open follow-up as holding the gate.
  followUp: z.boolean().describe("Added by a template change after the slice had passed this item's gate: listed and counted, but it gates nothing"),
  evidenceUrl: z.string().nullable(),
  reason: z.string().nullable(),
  by: z.string().nullable().describe("Who last set the state (done or not applicable)"),
  at: z.string().nullable().describe("When, ISO 8601"),
});
export type ChecklistItemView = z.infer<typeof checklistItemSchema>;

// ---------------------------------------------------------------- templates

const templateItemShape = {
  title: textSchema().trim().min(1, "a title is required").max(200),
  guidance: textSchema({ multiline: true }).trim().max(2000).optional(),
  category: z.enum(CHECKLIST_CATEGORIES, { message: `use one of ${CHECKLIST_CATEGORIES.join(", ")}` }),
  appliesTo: z.enum(APPLIES_TO, { message: `use one of ${APPLIES_TO.join(", ")}` }),
  // "none" from a select means the item gates no stage.
  gateStage: z.enum([...STAGES, "none"]).transform((s) => (s === "none" ? null : s)),
};

/** Creates (no itemId) or edits (itemId) one template item. */
export const saveTemplateItemSchema = z.strictObject({ templateId: idSchema, itemId: idSchema.optional(), ...templateItemShape });
export type SaveTemplateItemInput = z.infer<typeof saveTemplateItemSchema>;

export const deleteTemplateItemSchema = z.strictObject({ templateId: idSchema, itemId: idSchema });
export type DeleteTemplateItemInput = z.infer<typeof deleteTemplateItemSchema>;

export const createTemplateSchema = z.strictObject({ fromDefault: z.literal("yes").optional() });
export type CreateTemplateInput = z.infer<typeof createTemplateSchema>;

export const applyTemplateSchema = z.strictObject({ templateId: idSchema, sliceId: idSchema });
export type ApplyTemplateInput = z.infer<typeof applyTemplateSchema>;

/**
 * `late`: what to do with new items that live or done slices have already passed the gate of:
 * add them as follow-ups (they gate nothing) or leave those slices out. Needed only when the
 * sync has such items.
 */
export const syncTemplateSchema = z.strictObject({ templateId: idSchema, late: z.enum(["follow_up", "skip"], { message: "Choose to add them as follow-ups or to skip those slices." }).optional() });
export type SyncTemplateInput = z.infer<typeof syncTemplateSchema>;
