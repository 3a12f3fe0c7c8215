import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { Actor } from "./actor";
import { authorize } from "./authorize";
import type { CreateUserInput } from "./schemas";

/**
 * Adds a person (or a service account) to a programme with a role, creating the user when
 * the email is new. Leads are made leads of the named teams. Managers only.
 */
export async function createUser(actor: Actor, programmeSlug: string, input: CreateUserInput & { isServiceAccount?: boolean }): Promise<{ id: string; email: string }> {
  const programme = await authorize(actor, programmeSlug, "people.manage");
  const teams = input.teams?.length ? await db.team.findMany({ where: { programmeId: programme.id, name: { in: input.teams } }, select: { id: true, name: true } }) : [];
  const missing = (input.teams ?? []).filter((name) => !teams.some((t) => t.name === name));
  if (missing.length) throw new AppError("INVALID", `No team named ${missing.map((m) => `"${m}"`).join(", ")} in this programme.`, missing.map(() => ({ path: "teams", message: "unknown team" })));
  return db.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email: input.email },
      // A new service account belongs to this programme: only its managers mint its tokens.
      create: { email: input.email, name: input.name, isServiceAccount: input.isServiceAccount ?? false, homeProgrammeId: input.isServiceAccount ? programme.id : null },
      update: {},
      select: { id: true, email: true },
    });
    const existing = await tx.membership.findUnique({ where: { userId_programmeId: { userId: user.id, programmeId: programme.id } } });
    if (existing) throw new AppError("CONFLICT", `${input.email} is already a member of this programme.`);
    await tx.membership.create({ data: { userId: user.id, programmeId: programme.id, role: input.role } });
    for (const team of teams) await tx.teamMember.create({ data: { teamId: team.id, userId: user.id, isLead: input.role === "lead" } });
    await recordEvent(tx, actor, {
      programmeId: programme.id,
      entityType: "membership",
      entityId: user.id,
      action: "membership.created",
      after: { email: input.email, name: input.name, role: input.role, teams: teams.map((t) => t.name) },
    });
    return user;
  });
}

/** Changes a member's role. A programme keeps at least one manager. */
export async function setMemberRole(actor: Actor, programmeSlug: string, input: { userId: string; role: Role }): Promise<void> {
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

/** Removes a member from the programme (and from its teams). The last manager stays. */
export async function removeMember(actor: Actor, programmeSlug: string, input: { userId: string }): Promise<void> {
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

/** Sets which of the programme's teams a member belongs to, and which they lead. */
export async function setMemberTeams(actor: Actor, programmeSlug: string, input: { userId: string; teamIds: string[]; leadTeamIds: string[] }): Promise<void> {
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
