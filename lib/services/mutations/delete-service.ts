import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { rowToService } from "@/lib/inventory/queries/load-inventory";
import { deleteServiceSchema, type DeleteServiceInput } from "../schemas";
import { getServiceOrThrow } from "./shared";

/**
 * Deletes a service and its dependencies (managers). When other services depend on it, the
 * caller must confirm, having been told which: CONFLICT lists them otherwise.
 */
export async function deleteService(actor: Actor, programmeSlug: string, input: DeleteServiceInput): Promise<{ name: string }> {
  const programme = await authorize(actor, programmeSlug, "service.delete");
  const { id, confirmDependents } = deleteServiceSchema.parse(input);
  return db.$transaction(async (tx) => {
    const row = await getServiceOrThrow(tx, programme.id, id);
    const dependents = await tx.dependency.findMany({ where: { toId: id }, select: { from: { select: { name: true } } }, orderBy: { from: { name: "asc" } } });
    const names = dependents.map((d) => d.from.name);
    if (names.length && !confirmDependents) {
      throw new AppError("CONFLICT", `${names.length} service${names.length === 1 ? " depends" : "s depend"} on ${row.name}: ${names.join(", ")}. Confirm to delete it anyway.`, names.map((n) => ({ path: "dependents", message: n })));
    }
    await tx.service.delete({ where: { id } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "service", entityId: id, action: "service.deleted", before: { ...rowToService(row, () => null), dependents: names } });
    return { name: row.name };
  });
}
