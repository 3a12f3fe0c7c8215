import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { SetWaveFacilitiesInput, UpdateFacilityInput } from "./schemas";

/** Sets a facility's status, owner team and notes (manager only). */
export async function updateFacility(actor: Actor, programmeSlug: string, input: UpdateFacilityInput): Promise<{ key: string }> {
  const programme = await authorize(actor, programmeSlug, "facility.manage");
  return db.$transaction(async (tx) => {
    const facility = await tx.facility.findUnique({ where: { programmeId_key: { programmeId: programme.id, key: input.key } } });
    if (!facility) throw notFound("Facility");
    const ownerTeamId = input.ownerTeamId || null;
    if (ownerTeamId && !(await tx.team.findFirst({ where: { id: ownerTeamId, programmeId: programme.id }, select: { id: true } }))) {
      throw new AppError("INVALID", "That team is not in this programme.", [{ path: "ownerTeamId", message: "Choose a team of this programme." }]);
    }
    const next = { status: input.status, ownerTeamId, notes: input.notes || null };
    await tx.facility.update({ where: { id: facility.id }, data: next });
    await recordEvent(tx, actor, {
      programmeId: programme.id,
      entityType: "facility",
      entityId: facility.id,
      action: facility.status !== next.status ? "facility.status_changed" : "facility.updated",
      before: { key: facility.key, status: facility.status, ownerTeamId: facility.ownerTeamId, notes: facility.notes },
      after: { key: facility.key, ...next },
    });
    return { key: facility.key };
  });
}

/** Sets which facilities a wave requires (manager only); an unknown key is a field error. */
export async function setWaveFacilities(actor: Actor, programmeSlug: string, input: SetWaveFacilitiesInput): Promise<{ wave: number; facilityKeys: string[] }> {
  const programme = await authorize(actor, programmeSlug, "facility.manage");
  const keys = [...new Set(input.facilityKeys)].sort();
  return db.$transaction(async (tx) => {
    const wave = await tx.wave.findUnique({ where: { programmeId_number: { programmeId: programme.id, number: input.wave } }, select: { id: true, facilities: { select: { facility: { select: { key: true } } } } } });
    if (!wave) throw new AppError("INVALID", `Wave ${input.wave} does not exist.`, [{ path: "wave", message: `Wave ${input.wave} does not exist.` }]);
    const facilities = await tx.facility.findMany({ where: { programmeId: programme.id, key: { in: keys } }, select: { id: true, key: true } });
    const unknown = keys.filter((k) => !facilities.some((f) => f.key === k));
    if (unknown.length) throw new AppError("INVALID", `Unknown facilities: ${unknown.join(", ")}.`, [{ path: "facilityKeys", message: `Unknown facilities: ${unknown.join(", ")}.` }]);
    await tx.waveFacility.deleteMany({ where: { waveId: wave.id } });
    if (facilities.length) await tx.waveFacility.createMany({ data: facilities.map((f) => ({ waveId: wave.id, facilityId: f.id })) });
    await recordEvent(tx, actor, {
      programmeId: programme.id,
      entityType: "wave",
      entityId: wave.id,
      action: "wave.facilities_changed",
      before: { number: input.wave, facilities: wave.facilities.map((l) => l.facility.key).sort() },
      after: { number: input.wave, facilities: keys },
    });
    return { wave: input.wave, facilityKeys: keys };
  });
}
