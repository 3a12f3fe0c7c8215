import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { Actor } from "../actor";
import { authorize } from "../authorize";
import type { CreateUserInput } from "../schemas";

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
