import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { isUniqueViolation } from "@/lib/db/errors";
import type { ServiceChanges } from "@/lib/events/catalogue";
import { recordEvent } from "@/lib/events/record";
import { rowToService } from "@/lib/inventory/queries/load-inventory";
import { updateServiceSchema, type UpdateServiceInput } from "../schemas";
import { changedFields, formToData, getServiceOrThrow, nameTaken, teamIdOrThrow } from "./shared";

/** Edits every field of a service; a lead may edit their teams' services and keep them in their teams. */
export async function updateService(actor: Actor, programmeSlug: string, input: UpdateServiceInput): Promise<{ id: string; name: string; changed: boolean }> {
  const { id, ...form } = updateServiceSchema.parse(input);
  const current = await db.service.findUnique({ where: { id }, select: { teamId: true, programme: { select: { slug: true } } } });
  const newTeam = form.team ? await db.team.findFirst({ where: { name: form.team, programme: { slug: programmeSlug } }, select: { id: true } }) : null;
  // Both the current owner and the new one must be the lead's: a lead cannot give a service away
  // to a team they are not in, take one from another team, nor leave it with no team (null),
  // which disowned it. A team name that does not exist is the team field's INVALID below.
  const newOwner = form.team === null ? [null] : newTeam ? [newTeam.id] : [];
  const programme = await authorize(actor, programmeSlug, "service.edit", [current?.programme.slug === programmeSlug ? current.teamId : null, ...newOwner]);
  try {
    return await db.$transaction(async (tx) => {
      const row = await getServiceOrThrow(tx, programme.id, id);
      const teamId = await teamIdOrThrow(tx, programme.id, form.team);
      const teamName = row.teamId ? ((await tx.team.findUnique({ where: { id: row.teamId }, select: { name: true } }))?.name ?? null) : null;
      const diff = changedFields(rowToService(row, () => teamName), form);
      if (!diff) return { id, name: row.name, changed: false };
      await tx.service.update({ where: { id }, data: formToData(form, teamId) });
      await recordEvent(tx, actor, {
        programmeId: programme.id,
        entityType: "service",
        entityId: id,
        action: "service.updated",
        before: diff.before as ServiceChanges,
        after: diff.after as ServiceChanges,
      });
      return { id, name: form.name, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(form.name);
    throw error;
  }
}
