import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { CreateTeamInput } from "../schemas";

/** Creates an owner team (managers only); names are unique in a programme. */
export async function createTeam(actor: Actor, programmeSlug: string, input: CreateTeamInput): Promise<{ id: string; name: string }> {
  const programme = await authorize(actor, programmeSlug, "team.manage");
  const contactChannel = input.contactChannel || null;
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.create({ data: { programmeId: programme.id, name: input.name, contactChannel }, select: { id: true, name: true } });
      await recordEvent(tx, actor, { programmeId: programme.id, entityType: "team", entityId: team.id, action: "team.created", after: { name: team.name, contactChannel } });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `There is already a team called "${input.name}".`, [{ path: "name", message: "That name is taken." }]);
    throw error;
  }
}
