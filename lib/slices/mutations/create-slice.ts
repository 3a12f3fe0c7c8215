import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { giveChecklists } from "@/lib/checklists/mutations/new-slice-items";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { lockProgramme } from "@/lib/waves/mutations/shared";
import type { CreateSliceInput } from "../schemas";

/**
 * Makes a slice from chosen services that are in no slice yet (managers only), owned by a team
 * of the programme and, optionally, in one of its waves. It gets the programme's definition of
 * done, as a planned slice does. Under the programme lock, like every change to which services
 * a slice holds, so two slices can never take the same service.
 */
export async function createSlice(actor: Actor, programmeSlug: string, input: CreateSliceInput): Promise<{ id: string; name: string }> {
  const programme = await authorize(actor, programmeSlug, "slice.create");
  const serviceIds = [...new Set(input.serviceIds)];
  try {
    return await db.$transaction(async (tx) => {
      await lockProgramme(tx, programme.id);
      const team = await tx.team.findFirst({ where: { id: input.teamId, programmeId: programme.id }, select: { id: true, name: true } });
      if (!team) throw new AppError("INVALID", "Choose a team of this programme.", [{ path: "teamId", message: "Choose a team of this programme." }]);
      const wave = input.wave === undefined ? null : await tx.wave.findFirst({ where: { programmeId: programme.id, number: input.wave }, select: { id: true, number: true } });
      if (input.wave !== undefined && !wave) throw new AppError("INVALID", `There is no wave ${input.wave}.`, [{ path: "wave", message: "Choose a wave of this programme." }]);
      const services = await tx.service.findMany({ where: { programmeId: programme.id, id: { in: serviceIds } }, select: { id: true, name: true, sliceId: true } });
      if (services.length !== serviceIds.length) throw new AppError("INVALID", "Some of those services are not in this programme.", [{ path: "serviceIds", message: "Unknown service." }]);
      const taken = services.filter((s) => s.sliceId !== null);
      if (taken.length) {
        throw new AppError("CONFLICT", `A service is in one slice at most: ${taken.map((s) => s.name).join(", ")} ${taken.length === 1 ? "is" : "are"} already in one.`, [{ path: "serviceIds", message: "Already in a slice." }]);
      }
      const id = randomUUID();
      await tx.slice.create({ data: { id, programmeId: programme.id, name: input.name, teamId: team.id, waveId: wave?.id ?? null } });
      await tx.service.updateMany({ where: { id: { in: serviceIds }, sliceId: null }, data: { sliceId: id } });
      await giveChecklists(tx, programme.id, [id]);
      await recordEvent(tx, actor, {
        programmeId: programme.id,
        entityType: "slice",
        entityId: id,
        action: "slice.created",
        after: { name: input.name, team: team.name, wave: wave?.number ?? null, services: services.map((s) => s.name).sort(), by: "form" },
      });
      return { id, name: input.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `Another slice is already called "${input.name}".`, [{ path: "name", message: "That name is taken." }]);
    throw error;
  }
}
