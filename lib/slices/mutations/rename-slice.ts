import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { RenameSliceInput } from "../schemas";
import { lockForEdit } from "./editor-shared";
import { authorizeOnSlice, SLICE_TX_OPTIONS } from "./shared";

/** Renames a slice: managers, and leads of the team that owns it. Names are unique in a programme. */
export async function renameSlice(actor: Actor, programmeSlug: string, input: RenameSliceInput): Promise<{ id: string; name: string; version: number }> {
  const { programme } = await authorizeOnSlice(actor, programmeSlug, "slice.edit", input.sliceId);
  try {
    return await db.$transaction(async (tx) => {
      const slice = await lockForEdit(tx, programme.id, input.sliceId, input.expectedVersion);
      const { name: before } = await tx.slice.findUniqueOrThrow({ where: { id: slice.id }, select: { name: true } });
      if (before === input.name) return { id: slice.id, name: before, version: slice.version };
      const updated = await tx.slice.update({ where: { id: slice.id }, data: { name: input.name, version: { increment: 1 } }, select: { version: true } });
      await recordEvent(tx, actor, { programmeId: programme.id, entityType: "slice", entityId: slice.id, action: "slice.renamed", before: { name: before }, after: { name: input.name } });
      return { id: slice.id, name: input.name, version: updated.version };
    }, SLICE_TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `Another slice is already called "${input.name}".`, [{ path: "name", message: "That name is taken." }]);
    throw error;
  }
}
