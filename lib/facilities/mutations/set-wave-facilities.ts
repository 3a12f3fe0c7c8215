import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { SetWaveFacilitiesInput } from "../schemas";

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
