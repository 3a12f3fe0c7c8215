import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { addDependencySchema, type AddDependencyInput } from "../schemas";
import { ownerTeamOf } from "./shared";

/**
 * `fromId` now depends on the service named `to`. Self-dependencies are INVALID; a repeat is
 * CONFLICT. Cycles are allowed: they are facts about the estate, and the planner groups them.
 */
export async function addDependency(actor: Actor, programmeSlug: string, input: AddDependencyInput): Promise<{ id: string }> {
  const { fromId, to, kind } = addDependencySchema.parse(input);
  const programme = await authorize(actor, programmeSlug, "dependency.edit", [await ownerTeamOf(fromId, programmeSlug)]);
  try {
    return await db.$transaction(async (tx) => {
      const from = await tx.service.findFirst({ where: { id: fromId, programmeId: programme.id }, select: { id: true, name: true } });
      if (!from) throw notFound("Service");
      const target = await tx.service.findUnique({ where: { programmeId_name: { programmeId: programme.id, name: to } }, select: { id: true, name: true } });
      if (!target) throw new AppError("INVALID", `There is no service called "${to}".`, [{ path: "to", message: `There is no service called "${to}"` }]);
      if (target.id === from.id) throw new AppError("INVALID", "A service cannot depend on itself.", [{ path: "to", message: "A service cannot depend on itself" }]);
      const dep = await tx.dependency.create({ data: { programmeId: programme.id, fromId: from.id, toId: target.id, kind }, select: { id: true } });
      await recordEvent(tx, actor, { programmeId: programme.id, entityType: "dependency", entityId: dep.id, action: "dependency.created", after: { from: from.name, to: target.name, kind } });
      return dep;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `This service already depends on "${to}".`, [{ path: "to", message: "Already a dependency" }]);
    throw error;
  }
}
