import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { UpdateFacilityInput } from "../schemas";

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
