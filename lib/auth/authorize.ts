import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { getProgrammeAccessOrThrow, type ProgrammeAccess } from "./access";
import { can, type Action } from "./rules";

/**
 * The authorization every mutation calls first, inside the mutation: the programme must be
 * visible to the actor (else NOT_FOUND, leaking nothing), and the action allowed for their
 * role and, for scoped actions, their teams (else FORBIDDEN).
 */
export async function authorize(actor: Actor, programmeSlug: string, action: Action, ownerTeamIds: (string | null)[] = []): Promise<ProgrammeAccess> {
  const programme = await getProgrammeAccessOrThrow(actor, programmeSlug);
  const memberTeamIds = programme.role === "lead" && actor.userId ? await teamIdsOf(actor.userId, programme.id) : [];
  assertAllowed(programme, action, { memberTeamIds, ownerTeamIds });
  return programme;
}

/** The decision step of authorize, for a caller that loaded the programme access and the actor's teams itself. */
export function assertAllowed(programme: ProgrammeAccess, action: Action, scope: { memberTeamIds: readonly string[]; ownerTeamIds: readonly (string | null)[] }): void {
  const decision = can(programme.role, action, scope);
  if (!decision.allowed) throw new AppError("FORBIDDEN", decision.reason);
}

/** The teams of a programme the user belongs to. */
export async function teamIdsOf(userId: string, programmeId: string): Promise<string[]> {
  const rows = await db.teamMember.findMany({ where: { userId, team: { programmeId } }, select: { teamId: true } });
  return rows.map((r) => r.teamId);
}
