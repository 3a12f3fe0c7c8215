import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/events/record";
import type { UpdateRollbackPlanInput } from "../schemas";
import { lockForEdit } from "./editor-shared";
import { authorizeOnSlice, SLICE_TX_OPTIONS } from "./shared";

/** Writes (or clears) a slice's rollback plan: managers, and leads of the owning team. */
export async function updateRollbackPlan(actor: Actor, programmeSlug: string, input: UpdateRollbackPlanInput): Promise<{ version: number }> {
  const { programme } = await authorizeOnSlice(actor, programmeSlug, "slice.edit", input.sliceId);
  const rollbackPlan = input.rollbackPlan || null;
  return db.$transaction(async (tx) => {
    const slice = await lockForEdit(tx, programme.id, input.sliceId, input.expectedVersion);
    const { rollbackPlan: before } = await tx.slice.findUniqueOrThrow({ where: { id: slice.id }, select: { rollbackPlan: true } });
    if (before === rollbackPlan) return { version: slice.version };
    const updated = await tx.slice.update({ where: { id: slice.id }, data: { rollbackPlan, version: { increment: 1 } }, select: { version: true } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "slice", entityId: slice.id, action: "slice.rollback_plan_changed", before: { rollbackPlan: before }, after: { rollbackPlan } });
    return { version: updated.version };
  }, SLICE_TX_OPTIONS);
}
