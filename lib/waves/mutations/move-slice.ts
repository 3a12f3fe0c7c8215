import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/rules";
import { AppError, notFound, type OrderBreak } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { moveBreaks, type OrderLink } from "@/lib/planning";
import { orderBreakSentence } from "../move-check";
import { loadPlanningData } from "../planning-data";
import type { MoveSliceInput } from "../schemas";
import { lockProgramme } from "./shared";

export type MoveSliceResult = { sliceId: string; wave: number; isPinned: boolean; version: number; breaks: OrderLink[] };

/**
 * Moves a slice to another existing wave. A move that keeps the order is a plain move (a pin
 * the slice already had follows it). A move that breaks the order needs a manager, an explicit
 * confirmation and a reason, and becomes a pin, so the planner keeps it and reports it.
 * The programme row lock makes the check and the write atomic against other moves and applies.
 */
export async function moveSlice(actor: Actor, programmeSlug: string, input: MoveSliceInput): Promise<MoveSliceResult> {
  const target = await db.slice.findFirst({ where: { id: input.sliceId, programme: { slug: programmeSlug } }, select: { teamId: true } });
  const programme = await authorize(actor, programmeSlug, "slice.edit", [target?.teamId ?? null]);
  if (!target) throw notFound("Slice");
  return db.$transaction(
    async (tx) => {
      await lockProgramme(tx, programme.id);
      const data = await loadPlanningData(tx, programme.id);
      const slice = data.slices.find((s) => s.id === input.sliceId);
      if (!slice) throw notFound("Slice");
      const wave = data.waves.find((w) => w.number === input.toWave);
      if (!wave) throw new AppError("INVALID", `Wave ${input.toWave} does not exist.`, [{ path: "toWave", message: `Wave ${input.toWave} does not exist.` }]);
      if (input.expectedVersion !== undefined && input.expectedVersion !== slice.version) {
        throw new AppError("CONFLICT", `${slice.name} was changed by someone else since you loaded the board. Reload and try again.`, { currentVersion: slice.version, expectedVersion: input.expectedVersion });
      }
      if (slice.wave === input.toWave) throw new AppError("INVALID", `${slice.name} is already in wave ${input.toWave}.`, [{ path: "toWave", message: "Choose a different wave." }]);
      const { mustFollow, mustPrecede } = moveBreaks(data, slice.id, input.toWave);
      const breaks = [...mustFollow, ...mustPrecede];
      let pin = { pinnedWave: slice.pinnedWave === null ? null : input.toWave, pinReason: slice.pinReason };
      if (breaks.length > 0) {
        // The refusals carry the broken links, so the board asks for a pin without reading the message.
        const refusal: OrderBreak = { toWave: input.toWave, mustFollow, mustPrecede };
        const message = orderBreakSentence(slice.name, refusal);
        const decision = can(programme.role, "wave.edit");
        if (!decision.allowed) throw new AppError("FORBIDDEN", `${message} Only a programme manager can pin a slice against the order.`, refusal);
        if (!input.confirmBreak) throw new AppError("CONFLICT", `${message} Confirm to pin it there.`, refusal);
        if (!input.reason) throw new AppError("INVALID", "Say why this slice must break the order.", [{ path: "reason", message: "Say why this slice must break the order." }]);
        pin = { pinnedWave: input.toWave, pinReason: input.reason };
      }
      const updated = await tx.slice.update({ where: { id: slice.id }, data: { waveId: wave.id, ...pin, version: { increment: 1 } }, select: { version: true } });
      await recordEvent(tx, actor, {
        programmeId: programme.id,
        entityType: "slice",
        entityId: slice.id,
        action: "slice.wave_changed",
        before: { wave: slice.wave, pinnedWave: slice.pinnedWave, pinReason: slice.pinReason },
        after: { wave: input.toWave, ...pin, ...(breaks.length ? { breaks: breaks.map((b) => b.slice) } : {}) },
      });
      return { sliceId: slice.id, wave: input.toWave, isPinned: pin.pinnedWave !== null, version: updated.version, breaks };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}
