import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordEvent } from "@/lib/events/record";
import { retypeDependencySchema, type RetypeDependencyInput } from "../schemas";
import { getDependencyOrThrow } from "./shared";

/** Changes a dependency's kind (sync, async, data); the same kind changes nothing. */
export async function retypeDependency(actor: Actor, programmeSlug: string, input: RetypeDependencyInput): Promise<{ id: string }> {
  const { id, kind } = retypeDependencySchema.parse(input);
  const dep = await getDependencyOrThrow(programmeSlug, id);
  const programme = await authorize(actor, programmeSlug, "dependency.edit", [dep.from.teamId]);
  if (dep.kind === kind) return { id };
  return db.$transaction(async (tx) => {
    await tx.dependency.update({ where: { id }, data: { kind } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "dependency", entityId: id, action: "dependency.updated", before: { from: dep.from.name, to: dep.to.name, kind: dep.kind }, after: { from: dep.from.name, to: dep.to.name, kind } });
    return { id };
  });
}
