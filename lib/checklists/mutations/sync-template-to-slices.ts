import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { SyncTemplateInput } from "../schemas";
import { isEmptySync } from "../sync";
import { getTemplateOrThrow, planSlices, syncTotals, TEMPLATE_SYNC_TX, writePlan, type SyncResult } from "../template-data";
import { followChecklistChange, lockSlicesForChecklistChange } from "./slice-status-sync";

/**
 * Brings every slice of the programme that has a checklist in line with the template. New items
 * that a live or done slice has already passed the gate of are never added silently: the manager
 * chooses (`late`) to add them as follow-ups, which gate nothing, or to leave those slices out;
 * without a choice such a sync is refused, saying how many slices it concerns.
 */
export async function syncTemplateToSlices(actor: Actor, programmeSlug: string, input: SyncTemplateInput): Promise<SyncResult> {
  const programme = await authorize(actor, programmeSlug, "template.manage");
  return db.$transaction(async (tx) => {
    const template = await getTemplateOrThrow(tx, programme.id, input.templateId);
    const withItems = await tx.checklistItem.findMany({ where: { programmeId: programme.id }, distinct: ["sliceId"], select: { sliceId: true } });
    const plans = await planSlices(tx, programme.id, template.items, withItems.map((r) => r.sliceId));
    const changing = plans.filter((p) => !isEmptySync(p.plan));
    const passed = changing.filter((p) => p.plan.late.length > 0);
    if (passed.length > 0 && !input.late) {
      throw new AppError(
        "CONFLICT",
        `${passed.length} live or done slice${passed.length === 1 ? " has" : "s have"} already passed the gate of items this sync would add (${passed.map((p) => p.name).slice(0, 5).join(", ")}${passed.length > 5 ? ", …" : ""}). Choose to add them as follow-ups or to skip those slices.`,
        [{ path: "late", message: "Choose what happens to those slices." }],
      );
    }
    const writing = input.late === "skip" ? changing.filter((p) => p.plan.late.length === 0) : changing;
    // Only the slices that change are locked (writePlan re-checks that a removed item is still
    // open, so a tick between the plan and the lock is never undone).
    const locked = await lockSlicesForChecklistChange(tx, programme.id, writing.map((p) => p.sliceId));
    for (const p of writing) await writePlan(tx, programme.id, p.sliceId, p.plan);
    const result = syncTotals(writing, changing.length - writing.length);
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "checklist_template", entityId: template.id, action: "checklist_template.synced", after: { name: template.name, ...result } });
    await followChecklistChange(tx, actor, programme.id, locked, `Checklist template "${template.name}" synced`);
    return result;
  }, TEMPLATE_SYNC_TX);
}
