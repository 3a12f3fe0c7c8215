import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import { recordEvent } from "@/lib/events/record";
import type { MergeSlicesInput } from "../schemas";
import { assertNotStarted, lockProgramme } from "./shared";

/**
 * Merges slices into the first one listed (manager only): it takes every service, the latest
 * wave among them and, optionally, a new name; the others are deleted. One transaction, events
 * for the merged slice and each removed one.
 */
export async function mergeSlices(actor: Actor, programmeSlug: string, input: MergeSlicesInput): Promise<{ sliceId: string; name: string }> {
  const programme = await authorize(actor, programmeSlug, "slice.merge");
  const ids = [...new Set(input.sliceIds)];
  if (ids.length < 2) throw new AppError("INVALID", "Choose at least two different slices to merge.", [{ path: "sliceIds", message: "Choose at least two different slices." }]);
  try {
    return await db.$transaction(async (tx) => {
      await lockProgramme(tx, programme.id);
      const rows = await tx.slice.findMany({
        where: { programmeId: programme.id, id: { in: ids } },
        select: { id: true, name: true, status: true, stage: true, waveId: true, wave: { select: { number: true } }, services: { select: { id: true, name: true } }, _count: { select: { checklistItems: { where: { state: { not: "open" } } } } } },
      });
      if (rows.length !== ids.length) throw new AppError("INVALID", "Some of those slices are not in this programme.", [{ path: "sliceIds", message: "Unknown slice." }]);
      const slices = ids.map((id) => rows.find((r) => r.id === id)!);
      assertNotStarted(slices.map((s) => ({ ...s, resolvedItems: s._count.checklistItems })));
      const [target, ...others] = slices;
      const latest = slices.filter((s) => s.wave).sort((a, b) => b.wave!.number - a.wave!.number)[0];
      const services = slices.flatMap((s) => s.services);
      await tx.service.updateMany({ where: { sliceId: { in: others.map((s) => s.id) } }, data: { sliceId: target.id } });
      await tx.slice.deleteMany({ where: { id: { in: others.map((s) => s.id) } } });
      const name = input.name ?? target.name;
      await tx.slice.update({ where: { id: target.id }, data: { name, waveId: latest?.waveId ?? null, version: { increment: 1 } } });
      for (const other of others) {
        await recordEvent(tx, actor, { programmeId: programme.id, entityType: "slice", entityId: other.id, action: "slice.deleted", before: { name: other.name, services: other.services.map((s) => s.name) }, after: { mergedInto: target.id } });
      }
      await recordEvent(tx, actor, {
        programmeId: programme.id,
        entityType: "slice",
        entityId: target.id,
        action: "slice.merged",
        before: { name: target.name, wave: target.wave?.number ?? null, services: target.services.map((s) => s.name).sort() },
        after: { name, wave: latest?.wave?.number ?? null, services: services.map((s) => s.name).sort(), merged: others.map((s) => s.name) },
      });
      return { sliceId: target.id, name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `Another slice is already called "${input.name}".`, [{ path: "name", message: "That name is taken." }]);
    throw error;
  }
}
