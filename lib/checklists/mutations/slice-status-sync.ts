import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SliceStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/events/record";
import { statusAfterTicks } from "@/lib/slices/stage-machine";
import { isStage, type Stage } from "@/lib/slices/stages";
import { gateItemOf } from "@/lib/slices/views";

type Tx = Prisma.TransactionClient;

export type LockedSliceStatus = { id: string; stage: Stage; status: SliceStatus };

/**
 * Locks the slices whose checklist is about to change, in id order (so two template syncs
 * never deadlock), the way every tick and move locks its one slice (ADR 15): a concurrent
 * move to 100% cannot derive its status from the checklist before this change commits.
 */
export async function lockSlicesForChecklistChange(tx: Tx, programmeId: string, sliceIds: readonly string[]): Promise<LockedSliceStatus[]> {
  if (sliceIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string; stage: string; status: SliceStatus }[]>`
    SELECT id, stage::text AS stage, status::text AS status FROM "Slice"
    WHERE "programmeId" = ${programmeId} AND id = ANY(${[...sliceIds]}::text[])
    ORDER BY id FOR UPDATE`;
  return rows.filter((r): r is LockedSliceStatus => isStage(r.stage));
}

/**
 * Reapplies the status rule after items were added, removed or recategorised on locked
 * slices (the same rule a tick applies: at 100% done exactly when every retirement item is
 * resolved). Below 100% the checklist does not decide the status, so those slices are left
 * alone. A changed status bumps the version and writes one "slice.status_changed" event.
 * Returns how many slices changed status.
 */
export async function followChecklistChange(tx: Tx, actor: Actor, programmeId: string, slices: readonly LockedSliceStatus[], cause: string): Promise<number> {
  const atFull = slices.filter((s) => s.stage === "100");
  if (atFull.length === 0) return 0;
  const items = await tx.checklistItem.findMany({
    where: { sliceId: { in: atFull.map((s) => s.id) } },
    select: { sliceId: true, id: true, title: true, category: true, gateStage: true, state: true, followUp: true },
  });
  const bySlice = new Map<string, typeof items>();
  for (const item of items) {
    const list = bySlice.get(item.sliceId);
    if (list) list.push(item);
    else bySlice.set(item.sliceId, [item]);
  }
  const now = new Date();
  let changed = 0;
  for (const slice of atFull) {
    const status = statusAfterTicks(slice.stage, (bySlice.get(slice.id) ?? []).map(gateItemOf), slice.status);
    if (status === slice.status) continue;
    changed++;
    await tx.slice.update({ where: { id: slice.id }, data: { status, actualEnd: status === "done" ? now : null, version: { increment: 1 } } });
    await recordEvent(tx, actor, {
      programmeId,
      entityType: "slice",
      entityId: slice.id,
      action: "slice.status_changed",
      before: { stage: slice.stage, status: slice.status },
      after: { stage: slice.stage, status, reason: cause },
    });
  }
  return changed;
}
