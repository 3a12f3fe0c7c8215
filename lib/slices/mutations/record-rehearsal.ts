import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { dateToDb } from "@/lib/validation/date";
import type { RecordRehearsalInput } from "../schemas";
import { lockForEdit } from "./editor-shared";
import { authorizeOnSlice, SLICE_TX_OPTIONS } from "./shared";

/**
 * Records that the slice's rollback was rehearsed (managers, and leads of the owning team): on
 * the day given, or now. A rehearsal needs a plan to rehearse, and cannot be in the future. An
 * earlier day than the one on record is kept as history but does not move "last rehearsed" back.
 */
export async function recordRehearsal(actor: Actor, programmeSlug: string, input: RecordRehearsalInput): Promise<{ rehearsedAt: Date; version: number }> {
  const { programme } = await authorizeOnSlice(actor, programmeSlug, "slice.edit", input.sliceId);
  const now = new Date();
  const at = input.rehearsedOn ? dateToDb(input.rehearsedOn) : now;
  // A day is the rehearser's own calendar day, which may already be tomorrow in UTC.
  if (at.getTime() > now.getTime() + 14 * 3_600_000) throw new AppError("INVALID", "A rehearsal cannot be in the future.", [{ path: "rehearsedOn", message: "Use today or an earlier day." }]);
  return db.$transaction(async (tx) => {
    const slice = await lockForEdit(tx, programme.id, input.sliceId, input.expectedVersion);
    const row = await tx.slice.findUniqueOrThrow({ where: { id: slice.id }, select: { rollbackPlan: true, rollbackRehearsedAt: true } });
    if (!row.rollbackPlan) throw new AppError("CONFLICT", "Write the rollback plan first: a rehearsal rehearses a plan.");
    const latest = row.rollbackRehearsedAt && row.rollbackRehearsedAt > at ? row.rollbackRehearsedAt : at;
    const updated = await tx.slice.update({ where: { id: slice.id }, data: { rollbackRehearsedAt: latest, version: { increment: 1 } }, select: { version: true } });
    await recordEvent(tx, actor, {
      programmeId: programme.id,
      entityType: "slice",
      entityId: slice.id,
      action: "slice.rollback_rehearsed",
      before: { rehearsedAt: row.rollbackRehearsedAt?.toISOString() ?? null },
      after: { rehearsedAt: at.toISOString(), ...(input.notes ? { notes: input.notes } : {}) },
    });
    return { rehearsedAt: latest, version: updated.version };
  }, SLICE_TX_OPTIONS);
}
