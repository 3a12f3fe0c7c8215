import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { Actor } from "../actor";
import { authorize } from "../authorize";
import type { RemoveMemberInput } from "../schemas";

/** Removes a member from the programme (and from its teams). The last manager stays. */
export async function removeMember(actor: Actor, programmeSlug: string, input: RemoveMemberInput): Promise<void> {
  const programme = await authorize(actor, programmeSlug, "people.manage");
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { userId_programmeId: { userId: input.userId, programmeId: programme.id } } });
    if (!membership) throw notFound("Member");
    if (membership.role === "manager" && (await tx.membership.count({ where: { programmeId: programme.id, role: "manager" } })) === 1) {
      throw new AppError("CONFLICT", "A programme needs at least one manager.");
    }
    await tx.teamMember.deleteMany({ where: { userId: input.userId, team: { programmeId: programme.id } } });
    await tx.membership.delete({ where: { userId_programmeId: { userId: input.userId, programmeId: programme.id } } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "membership", entityId: input.userId, action: "membership.removed", before: { role: membership.role } });
  });
}
