/**
 * Dependency writes. Editing a dependency is editing the service that has it (the `from`
 * side): a lead may change the dependencies of their teams' services. Cycles are allowed:
 * they are facts about the estate, and the planner groups them.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import {
  addDependencySchema,
  removeDependencySchema,
  retypeDependencySchema,
  type AddDependencyInput,
  type RemoveDependencyInput,
  type RetypeDependencyInput,
} from "./schemas";

const ownerOf = async (serviceId: string, programmeSlug: string) =>
  (await db.service.findFirst({ where: { id: serviceId, programme: { slug: programmeSlug } }, select: { teamId: true } }))?.teamId ?? null;

/** `fromId` now depends on the service named `to`. Self-dependencies are INVALID; a repeat is CONFLICT. */
export async function addDependency(actor: Actor, programmeSlug: string, input: AddDependencyInput): Promise<{ id: string }> {
  const { fromId, to, kind } = addDependencySchema.parse(input);
  const programme = await authorize(actor, programmeSlug, "dependency.edit", [await ownerOf(fromId, programmeSlug)]);
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

async function dependencyOrThrow(programmeSlug: string, id: string) {
  const dep = await db.dependency.findFirst({
    where: { id, programme: { slug: programmeSlug } },
    select: { id: true, kind: true, from: { select: { name: true, teamId: true } }, to: { select: { name: true } } },
  });
  if (!dep) throw notFound("Dependency");
  return dep;
}

/** Changes a dependency's kind (sync, async, data). */
export async function retypeDependency(actor: Actor, programmeSlug: string, input: RetypeDependencyInput): Promise<{ id: string }> {
  const { id, kind } = retypeDependencySchema.parse(input);
  const dep = await dependencyOrThrow(programmeSlug, id);
  const programme = await authorize(actor, programmeSlug, "dependency.edit", [dep.from.teamId]);
  if (dep.kind === kind) return { id };
  return db.$transaction(async (tx) => {
    await tx.dependency.update({ where: { id }, data: { kind } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "dependency", entityId: id, action: "dependency.updated", before: { from: dep.from.name, to: dep.to.name, kind: dep.kind }, after: { from: dep.from.name, to: dep.to.name, kind } });
    return { id };
  });
}

/** Removes a dependency. */
export async function removeDependency(actor: Actor, programmeSlug: string, input: RemoveDependencyInput): Promise<{ id: string }> {
  const { id } = removeDependencySchema.parse(input);
  const dep = await dependencyOrThrow(programmeSlug, id);
  const programme = await authorize(actor, programmeSlug, "dependency.edit", [dep.from.teamId]);
  return db.$transaction(async (tx) => {
    await tx.dependency.delete({ where: { id } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "dependency", entityId: id, action: "dependency.deleted", before: { from: dep.from.name, to: dep.to.name, kind: dep.kind } });
    return { id };
  });
}
