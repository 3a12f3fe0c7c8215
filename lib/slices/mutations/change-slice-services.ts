import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { assertNotStarted, lockProgramme } from "@/lib/waves/mutations/shared";
import type { ChangeSliceServicesInput } from "../schemas";
import { lockForEdit } from "./editor-shared";
import { authorizeOnSlice, SLICE_TX_OPTIONS } from "./shared";

/**
 * Adds services that are in no slice to a slice, and takes services out of it (managers only:
 * what moves together is the plan's shape, like merges and splits). Only a slice that has not
 * started changes its services, and at least one stays. A service taken out is in no slice
 * afterwards. The programme lock first, then the slice's, as merges and splits take them.
 */
export async function changeSliceServices(actor: Actor, programmeSlug: string, input: ChangeSliceServicesInput): Promise<{ services: string[]; version: number }> {
  const { programme } = await authorizeOnSlice(actor, programmeSlug, "slice.merge", input.sliceId);
  const adding = [...new Set(input.addServiceIds)];
  const removing = new Set(input.removeServiceIds);
  return db.$transaction(async (tx) => {
    await lockProgramme(tx, programme.id);
    const locked = await lockForEdit(tx, programme.id, input.sliceId, input.expectedVersion);
    const slice = await tx.slice.findUniqueOrThrow({
      where: { id: locked.id },
      select: { name: true, status: true, stage: true, services: { select: { id: true, name: true } }, _count: { select: { checklistItems: { where: { state: { not: "open" } } } } } },
    });
    assertNotStarted([{ ...slice, resolvedItems: slice._count.checklistItems }]);
    const foreign = [...removing].filter((id) => !slice.services.some((s) => s.id === id));
    if (foreign.length) throw new AppError("INVALID", `Only services of ${slice.name} can be taken out of it.`, [{ path: "removeServiceIds", message: "Not in this slice." }]);
    const added = adding.length ? await tx.service.findMany({ where: { programmeId: programme.id, id: { in: adding } }, select: { id: true, name: true, sliceId: true } }) : [];
    if (added.length !== adding.length) throw new AppError("INVALID", "Some of those services are not in this programme.", [{ path: "addServiceIds", message: "Unknown service." }]);
    const taken = added.filter((s) => s.sliceId !== null);
    if (taken.length) {
      throw new AppError("CONFLICT", `A service is in one slice at most: ${taken.map((s) => s.name).join(", ")} ${taken.length === 1 ? "is" : "are"} already in one. Take it out there first.`, [{ path: "addServiceIds", message: "Already in a slice." }]);
    }
    const kept = slice.services.filter((s) => !removing.has(s.id));
    if (kept.length + added.length === 0) throw new AppError("INVALID", "Leave at least one service in the slice.", [{ path: "removeServiceIds", message: "Leave at least one service." }]);

    if (removing.size) await tx.service.updateMany({ where: { id: { in: [...removing] }, sliceId: locked.id }, data: { sliceId: null } });
    if (added.length) await tx.service.updateMany({ where: { id: { in: adding }, sliceId: null }, data: { sliceId: locked.id } });
    const updated = await tx.slice.update({ where: { id: locked.id }, data: { version: { increment: 1 } }, select: { version: true } });
    const services = [...kept, ...added].map((s) => s.name).sort();
    await recordEvent(tx, actor, {
      programmeId: programme.id,
      entityType: "slice",
      entityId: locked.id,
      action: "slice.services_changed",
      before: { services: slice.services.map((s) => s.name).sort() },
      after: { services, added: added.map((s) => s.name).sort(), removed: slice.services.filter((s) => removing.has(s.id)).map((s) => s.name).sort() },
    });
    return { services, version: updated.version };
  }, SLICE_TX_OPTIONS);
}
