import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { Actor } from "../actor";
import { authorize } from "../authorize";
import type { SetMemberRoleInput } from "../schemas";

/** Changes a member's role. A programme keeps at least one manager. */
export async function setMemberRole(actor: Actor, programmeSlug: string, input: SetMemberRoleInput): Promise<void> {
  const programme = await authorize(actor, programmeSlug, "people.manage");
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({ where: { userId_programmeId: { userId: input.userId, programmeId: programme.id } } });
    if (!membership) throw notFound("Member");
    if (membership.role === input.role) return;
    if (membership.role === "manager" && (await tx.membership.count({ where: { programmeId: programme.id, role: "manager" } })) === 1) {
      throw new AppError("CONFLICT", "A programme needs at least one manager: name another manager first.");
    }
    await tx.membership.update({ where: { userId_programmeId: { userId: input.userId, programmeId: programme.id } }, data: { role: input.role } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "membership", entityId: input.userId, action: "membership.role_changed", before: { role: membership.role }, after: { role: input.role } });
  });
}
