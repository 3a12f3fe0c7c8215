/** Events about the definition of done: templates and the checklist items of slices. */
import * as z from "zod";
import { APPLIES_TO, CHECKLIST_CATEGORIES } from "@/lib/checklists/default-template";
import { ITEM_STATES } from "@/lib/checklists/schemas";
import { count, defineEvent, id, stage, text } from "./kit";

const itemFields = { title: text, category: z.enum(CHECKLIST_CATEGORIES), appliesTo: z.enum(APPLIES_TO), gateStage: stage.nullable() };
// followUps and skipped since template syncs ask about items a slice had passed the gate of.
const syncCounts = { slices: count, added: count, updated: count, removed: count, kept: count, followUps: count.optional(), skipped: count.optional() };

// The tick writes the state as text; any other value than the three is refused when written.
const itemState = z.string().pipe(z.enum(ITEM_STATES));
/** An item's resolution; evidence and reason are left out when empty. */
const resolution = { state: itemState, evidenceUrl: text.optional(), reason: text.optional() };

export const checklistEvents = {
  /** A programme's own copy of the default template; a restore writes the backup's templates. */
  "checklist_template.created": defineEvent(
    "checklist_template",
    { after: z.strictObject({ name: text, items: count }) },
    { after: z.strictObject({ name: text, isDefault: z.boolean() }) },
  ),
  /** Written by a restore: the template's own fields, or one of its items. */
  "checklist_template.updated": defineEvent(
    "checklist_template",
    { after: z.strictObject({ name: text, isDefault: z.boolean() }) },
    { after: z.strictObject({ item: text, title: text }) },
  ),
  "checklist_template.item_added": defineEvent("checklist_template", { after: z.strictObject({ key: text, ...itemFields }) }),
  "checklist_template.item_edited": defineEvent("checklist_template", { before: z.strictObject(itemFields), after: z.strictObject({ key: text, ...itemFields }) }),
  "checklist_template.item_removed": defineEvent("checklist_template", { before: z.strictObject({ key: text, title: text }) }),
  "checklist_template.synced": defineEvent("checklist_template", { after: z.strictObject({ name: text, ...syncCounts }) }),

  /** A tick (done, not applicable, or reopened). The after names the item and its slice, so history reads without a lookup. */
  "checklist_item.ticked": defineEvent("checklist_item", {
    before: z.strictObject(resolution),
    after: z.strictObject({ ...resolution, title: text, sliceId: id }),
  }),
  /** Written by a restore. */
  "checklist_item.created": defineEvent("checklist_item", { after: z.strictObject({ key: text, state: z.enum(ITEM_STATES) }) }),
  "checklist_item.updated": defineEvent("checklist_item", { after: z.strictObject({ key: text, state: z.enum(ITEM_STATES) }) }),
};
