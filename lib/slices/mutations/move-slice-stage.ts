import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, type FieldIssue } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { authorizeOnSlice, lockSlice, SLICE_TX_OPTIONS } from "./shared";
import { getSliceViewOrThrow } from "../queries/slice";
import { planStageMove } from "../stage-machine";
import { stageToDb } from "../stages";
import type { MoveSliceStageInput, SliceDetailView } from "../schemas";
import { gateItemOf } from "../views";

/** planStageMove's INVALID details ({ field: [message] }) in the API's per-field shape. */
function fieldDetails(details: Record<string, string[]> | undefined): FieldIssue[] | undefined {
  return details && Object.entries(details).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
}

/**
 * Moves a slice's traffic stage (advance, a manager's skip, or a rollback), checking roles,
 * gates and the caller's expected version under the slice's row lock, and records the move.
 */
export async function moveSliceStage(actor: Actor, programmeSlug: string, input: MoveSliceStageInput): Promise<SliceDetailView> {
  const { programme } = await authorizeOnSlice(actor, programmeSlug, "slice.move", input.sliceId);
  await db.$transaction(async (tx) => {
    const slice = await lockSlice(tx, programme.id, input.sliceId);
    if (input.expectedVersion !== undefined && input.expectedVersion !== slice.version) {
      throw new AppError("CONFLICT", `The slice changed since you loaded it (it is at version ${slice.version}, you expected ${input.expectedVersion}). Reload it and decide again.`, {
        currentVersion: slice.version,
        expectedVersion: input.expectedVersion,
      });
    }
    const items = await tx.checklistItem.findMany({ where: { sliceId: slice.id }, select: { id: true, title: true, category: true, gateStage: true, state: true, followUp: true }, orderBy: [{ position: "asc" }, { key: "asc" }] });
    const decision = planStageMove({
      from: slice.stage,
      to: input.to,
      reason: input.reason,
      signal: input.signal,
      observed: input.observed,
      // authorize answers "manager" for administrators too.
      actorRole: programme.role,
      items: items.map(gateItemOf),
      currentStatus: slice.status,
    });
    if (!decision.ok) throw decision.code === "INVALID" ? new AppError("INVALID", decision.message, fieldDetails(decision.details)) : new AppError(decision.code, decision.message, decision.details);

    const now = new Date();
    await tx.slice.update({
      where: { id: slice.id },
      data: {
        stage: stageToDb(decision.to),
        status: decision.nextStatus,
        version: { increment: 1 },
        // The first real move starts the migration; reaching done ends it.
        ...(slice.actualStart === null && decision.kind !== "rollback" ? { actualStart: now } : {}),
        ...(decision.nextStatus === "done" ? { actualEnd: now } : {}),
      },
    });
    // Narrowed by kind, so each action is written with its own payload type.
    const event =
      decision.kind === "rollback"
        ? { action: decision.eventAction, before: decision.eventBefore, after: decision.eventAfter }
        : { action: decision.eventAction, before: decision.eventBefore, after: decision.eventAfter };
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "slice", entityId: slice.id, ...event });
  }, SLICE_TX_OPTIONS);
  return getSliceViewOrThrow(programme.id, input.sliceId);
}
