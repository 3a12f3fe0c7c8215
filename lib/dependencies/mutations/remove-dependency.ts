import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordEvent } from "@/lib/events/record";
import { removeDependencySchema, type RemoveDependencyInput } from "../schemas";
import { getDependencyOrThrow } from "./shared";

/** Removes a dependency. */
export async function removeDependency(actor: Actor, programmeSlug: string, input: RemoveDependencyInput): Promise<{ id: string }> {
  const { id } = removeDependencySchema.parse(input);
  const dep = await getDependencyOrThrow(programmeSlug, id);
  const programme = await authorize(actor, programmeSlug, "dependency.edit", [dep.from.teamId]);
  return db.$transaction(async (tx) => {
    await tx.dependency.delete({ where: { id } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "dependency", entityId: id, action: "dependency.deleted", before: { from: dep.from.name, to: dep.to.name, kind: dep.kind } });
    return { id };
  });
}
