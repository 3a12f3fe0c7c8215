import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordEvent } from "@/lib/events/record";
import type { SyncTemplateInput } from "../schemas";
import { isEmptySync } from "../sync";
import { getTemplateOrThrow, planSlices, syncTotals, TEMPLATE_SYNC_TX, writePlan, type SyncResult } from "../template-data";
import { followChecklistChange, lockSlicesForChecklistChange } from "./slice-status-sync";

/** Brings every slice of the programme that has a checklist in line with the template. */
export async function syncTemplateToSlices(actor: Actor, programmeSlug: string, input: SyncTemplateInput): Promise<SyncResult> {
  const programme = await authorize(actor, programmeSlug, "template.manage");
  return db.$transaction(async (tx) => {
    const template = await getTemplateOrThrow(tx, programme.id, input.templateId);
    const withItems = await tx.checklistItem.findMany({ where: { programmeId: programme.id }, distinct: ["sliceId"], select: { sliceId: true } });
    const plans = await planSlices(tx, programme.id, template.items, withItems.map((r) => r.sliceId));
    const changing = plans.filter((p) => !isEmptySync(p.plan));
    // Only the slices that change are locked (writePlan re-checks that a removed item is still
    // open, so a tick between the plan and the lock is never undone).
    const locked = await lockSlicesForChecklistChange(tx, programme.id, changing.map((p) => p.sliceId));
    for (const p of changing) await writePlan(tx, programme.id, p.sliceId, p.plan);
    const result = syncTotals(plans);
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "checklist_template", entityId: template.id, action: "checklist_template.synced", after: { name: template.name, ...result } });
    await followChecklistChange(tx, actor, programme.id, locked, `Checklist template "${template.name}" synced`);
    return result;
  }, TEMPLATE_SYNC_TX);
}
