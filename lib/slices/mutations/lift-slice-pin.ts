import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { LiftSlicePinInput } from "../schemas";
import { lockForEdit } from "./editor-shared";
import { SLICE_TX_OPTIONS } from "./shared";

/**
 * Lifts a manager's pin (managers only): the slice stays in its wave for now, and the next plan
 * places it by the dependency order again.
 */
export async function liftSlicePin(actor: Actor, programmeSlug: string, input: LiftSlicePinInput): Promise<{ version: number }> {
  const programme = await authorize(actor, programmeSlug, "slice.pin");
  return db.$transaction(async (tx) => {
    const slice = await lockForEdit(tx, programme.id, input.sliceId, input.expectedVersion);
    const row = await tx.slice.findUnique({ where: { id: slice.id }, select: { pinnedWave: true, pinReason: true, wave: { select: { number: true } } } });
    if (!row) throw notFound("Slice");
    if (row.pinnedWave === null) throw new AppError("CONFLICT", "This slice is not pinned.");
    const updated = await tx.slice.update({ where: { id: slice.id }, data: { pinnedWave: null, pinReason: null, version: { increment: 1 } }, select: { version: true } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "slice", entityId: slice.id, action: "slice.pin_lifted", before: { pinnedWave: row.pinnedWave, pinReason: row.pinReason }, after: { wave: row.wave?.number ?? null } });
    return { version: updated.version };
  }, SLICE_TX_OPTIONS);
}
