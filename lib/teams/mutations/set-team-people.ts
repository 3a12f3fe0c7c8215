import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { SetTeamPeopleInput } from "../schemas";
import { findTeamOrThrow } from "./shared";

/**
 * Sets who leads a team and who else is in it (managers only: belonging to a team is what lets
 * a lead change what it owns). Everyone named must be a member of the programme.
 */
export async function setTeamPeople(actor: Actor, programmeSlug: string, input: SetTeamPeopleInput): Promise<void> {
  const team = await findTeamOrThrow(actor, programmeSlug, input.teamId);
  const programme = await authorize(actor, programmeSlug, "team.manage");
  const leads = new Set(input.leadIds);
  const wanted = [...new Set([...input.leadIds, ...input.memberIds])];
  const members = await db.membership.findMany({ where: { programmeId: programme.id, userId: { in: wanted } }, select: { userId: true } });
  if (members.length !== wanted.length) throw new AppError("INVALID", "Everyone in a team must be a member of the programme.", [{ path: "memberIds", message: "Not a member of this programme." }]);
  await db.$transaction(async (tx) => {
    const before = await tx.teamMember.findMany({ where: { teamId: team.id }, select: { isLead: true, user: { select: { name: true, email: true } } }, orderBy: { user: { name: "asc" } } });
    await tx.teamMember.deleteMany({ where: { teamId: team.id } });
    if (wanted.length) await tx.teamMember.createMany({ data: wanted.map((userId) => ({ teamId: team.id, userId, isLead: leads.has(userId) })) });
    const after = await tx.teamMember.findMany({ where: { teamId: team.id }, select: { isLead: true, user: { select: { name: true, email: true } } }, orderBy: { user: { name: "asc" } } });
    const split = (rows: typeof before) => ({ leads: rows.filter((r) => r.isLead).map((r) => r.user), members: rows.filter((r) => !r.isLead).map((r) => r.user) });
    if (JSON.stringify(split(before)) === JSON.stringify(split(after))) return;
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "team", entityId: team.id, action: "team.people_changed", before: split(before), after: split(after) });
  });
}
