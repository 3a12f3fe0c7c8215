import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { UpdateTeamInput } from "../schemas";
import { findTeamOrThrow } from "./shared";

/**
 * Renames a team (managers) and sets its contact channel (managers, and the team's own leads:
 * team.edit). Only what changed is written, in one event; nothing changed writes nothing.
 */
export async function updateTeam(actor: Actor, programmeSlug: string, input: UpdateTeamInput): Promise<{ id: string; name: string }> {
  const team = await findTeamOrThrow(actor, programmeSlug, input.teamId);
  const name = input.name ?? team.name;
  const contactChannel = input.contactChannel || null;
  const renamed = name !== team.name;
  const rechannelled = contactChannel !== team.contactChannel;
  const programme = await authorize(actor, programmeSlug, renamed ? "team.manage" : "team.edit", [team.id]);
  if (!renamed && !rechannelled) return { id: team.id, name };
  try {
    return await db.$transaction(async (tx) => {
      // Compared against the row as it is now, so two editors' changes never overwrite silently.
      const updated = await tx.team.updateMany({ where: { id: team.id, name: team.name, contactChannel: team.contactChannel }, data: { name, contactChannel } });
      if (updated.count === 0) throw new AppError("CONFLICT", "Someone changed this team meanwhile. Reload the page and try again.");
      await recordEvent(tx, actor, {
        programmeId: programme.id,
        entityType: "team",
        entityId: team.id,
        action: "team.updated",
        before: { ...(renamed ? { name: team.name } : {}), ...(rechannelled ? { contactChannel: team.contactChannel } : {}) },
        after: { ...(renamed ? { name } : {}), ...(rechannelled ? { contactChannel } : {}) },
      });
      return { id: team.id, name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `There is already a team called "${name}".`, [{ path: "name", message: "That name is taken." }]);
    throw error;
  }
}
