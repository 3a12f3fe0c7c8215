import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/events/record";
import { authorizeOnSlice } from "@/lib/slices/mutations/shared";
import type { ApplyTemplateInput } from "../schemas";
import { getTemplateOrThrow, planSlices, syncTotals, TEMPLATE_SYNC_TX, writePlan, type SyncResult } from "../template-data";
import { followChecklistChange, lockSlicesForChecklistChange } from "./slice-status-sync";

/**
 * Applies a template to one slice: creates its items, or brings existing ones in line without
 * losing ticks. New items a live or done slice has already passed the gate of come as follow-ups
 * (they gate nothing), so applying never reopens a passed gate or "done" silently.
 */
export async function applyTemplateToSlice(actor: Actor, programmeSlug: string, input: ApplyTemplateInput): Promise<SyncResult> {
  const { programme } = await authorizeOnSlice(actor, programmeSlug, "slice.edit", input.sliceId);
  return db.$transaction(async (tx) => {
    const template = await getTemplateOrThrow(tx, programme.id, input.templateId);
    const locked = await lockSlicesForChecklistChange(tx, programme.id, [input.sliceId]);
    const plans = await planSlices(tx, programme.id, template.items, [input.sliceId]);
    for (const p of plans) await writePlan(tx, programme.id, p.sliceId, p.plan);
    const result = syncTotals(plans);
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "slice", entityId: input.sliceId, action: "slice.checklist_applied", after: { templateId: template.id, template: template.name, ...result } });
    await followChecklistChange(tx, actor, programme.id, locked, `Checklist template "${template.name}" applied`);
    return result;
  }, TEMPLATE_SYNC_TX);
}
