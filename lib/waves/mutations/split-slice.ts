import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { recordEvent } from "@/lib/events/record";
import type { SplitSliceInput } from "../schemas";
import { assertNotStarted, lockProgramme } from "./shared";

/**
 * Splits services off a slice into a new slice of the same team and wave (manager only). The
 * new slice starts with the parent's definition-of-done items, all open. At least one service
 * stays behind; only a slice that has not started can be split.
 */
export async function splitSlice(actor: Actor, programmeSlug: string, input: SplitSliceInput): Promise<{ sliceId: string; name: string }> {
  const programme = await authorize(actor, programmeSlug, "slice.merge");
  try {
    return await db.$transaction(async (tx) => {
      await lockProgramme(tx, programme.id);
      const slice = await tx.slice.findFirst({
        where: { id: input.sliceId, programmeId: programme.id },
        select: { id: true, name: true, teamId: true, waveId: true, status: true, stage: true, services: { select: { id: true, name: true } }, checklistItems: { select: { key: true, title: true, guidance: true, category: true, gateStage: true, position: true, state: true } } },
      });
      if (!slice) throw notFound("Slice");
      assertNotStarted([{ ...slice, resolvedItems: slice.checklistItems.filter((i) => i.state !== "open").length }]);
      const moving = new Set(input.serviceIds);
      const foreign = input.serviceIds.filter((id) => !slice.services.some((s) => s.id === id));
      if (foreign.length) throw new AppError("INVALID", `Only services of ${slice.name} can be split off.`, [{ path: "serviceIds", message: "Choose services of this slice." }]);
      if (slice.services.every((s) => moving.has(s.id))) throw new AppError("INVALID", "Leave at least one service in the slice.", [{ path: "serviceIds", message: "Leave at least one service behind." }]);
      const id = randomUUID();
      await tx.slice.create({ data: { id, programmeId: programme.id, name: input.name, teamId: slice.teamId, waveId: slice.waveId } });
      await tx.service.updateMany({ where: { id: { in: [...moving] }, sliceId: slice.id }, data: { sliceId: id } });
      if (slice.checklistItems.length) {
        await tx.checklistItem.createMany({ data: slice.checklistItems.map(({ state: _state, ...item }) => ({ ...item, programmeId: programme.id, sliceId: id })) });
      }
      await tx.slice.update({ where: { id: slice.id }, data: { version: { increment: 1 } } });
      const names = (keep: boolean) => slice.services.filter((s) => moving.has(s.id) !== keep).map((s) => s.name).sort();
      await recordEvent(tx, actor, { programmeId: programme.id, entityType: "slice", entityId: id, action: "slice.created", after: { name: input.name, services: names(false), splitFrom: slice.id } });
      await recordEvent(tx, actor, { programmeId: programme.id, entityType: "slice", entityId: slice.id, action: "slice.split", before: { services: slice.services.map((s) => s.name).sort() }, after: { services: names(true), splitOff: input.name } });
      return { sliceId: id, name: input.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `Another slice is already called "${input.name}".`, [{ path: "name", message: "That name is taken." }]);
    throw error;
  }
}
