import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { Actor } from "../actor";
import { authorize } from "../authorize";
import type { SetMemberTeamsInput } from "../schemas";

/** Sets which of the programme's teams a member belongs to, and which they lead. */
export async function setMemberTeams(actor: Actor, programmeSlug: string, input: SetMemberTeamsInput): Promise<void> {
  const programme = await authorize(actor, programmeSlug, "people.manage");
  const wanted = new Set([...input.teamIds, ...input.leadTeamIds]);
  const teams = await db.team.findMany({ where: { programmeId: programme.id, id: { in: [...wanted] } }, select: { id: true, name: true } });
  if (teams.length !== wanted.size) throw new AppError("INVALID", "One of the teams is not in this programme.");
  await db.$transaction(async (tx) => {
    if (!(await tx.membership.findUnique({ where: { userId_programmeId: { userId: input.userId, programmeId: programme.id } } }))) throw notFound("Member");
    const before = await tx.teamMember.findMany({ where: { userId: input.userId, team: { programmeId: programme.id } }, select: { team: { select: { name: true } }, isLead: true } });
    await tx.teamMember.deleteMany({ where: { userId: input.userId, team: { programmeId: programme.id } } });
    if (teams.length) await tx.teamMember.createMany({ data: teams.map((t) => ({ teamId: t.id, userId: input.userId, isLead: input.leadTeamIds.includes(t.id) })) });
    await recordEvent(tx, actor, {
      programmeId: programme.id,
      entityType: "membership",
      entityId: input.userId,
      action: "membership.teams_changed",
      before: { teams: before.map((b) => ({ team: b.team.name, lead: b.isLead })) },
      after: { teams: teams.map((t) => ({ team: t.name, lead: input.leadTeamIds.includes(t.id) })) },
    });
  });
}
