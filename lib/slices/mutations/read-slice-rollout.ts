import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { proposeStageMove, type StageProposal } from "@/lib/rollouts/propose";
import { readRollout } from "@/lib/rollouts/read-rollout";
import { isRolloutReadError, type RolloutReading } from "@/lib/rollouts/types";
import { authorizeOnSlice } from "./shared";
import { stageFromDb, type Stage } from "../stages";
import { readSliceRolloutSchema, type ReadSliceRolloutInput } from "../schemas";

export type RolloutReadingResult = { readingId: string; reading: RolloutReading; currentStage: Stage; version: number; proposal: StageProposal };

/**
 * Reads a pasted Argo Rollout, Flagger Canary or Istio VirtualService on a slice, keeps the
 * source as a RolloutReading (evidence), and proposes the stage move that would make the
 * record match. Proposes only: the move itself goes through moveSliceStage and its gates.
 */
export async function readSliceRollout(actor: Actor, programmeSlug: string, raw: ReadSliceRolloutInput): Promise<RolloutReadingResult> {
  // Parsed here as well as in the form action: the REST route passes the raw body, which is kept as evidence.
  const input = readSliceRolloutSchema.parse(raw);
  const { programme } = await authorizeOnSlice(actor, programmeSlug, "rollout.read", input.sliceId);
  const reading = readRollout(input.yaml);
  if (isRolloutReadError(reading)) throw new AppError("INVALID", reading.error, [{ path: "yaml", message: reading.error }]);

  return db.$transaction(async (tx) => {
    const slice = await tx.slice.findUniqueOrThrow({ where: { id: input.sliceId }, select: { stage: true, version: true } });
    const currentStage = stageFromDb(slice.stage);
    const proposal = proposeStageMove(reading, currentStage);
    const row = await tx.rolloutReading.create({
      data: {
        sliceId: input.sliceId,
        sourceKind: reading.sourceKind,
        weight: reading.weight,
        phase: reading.phase,
        healthy: reading.healthy,
        message: reading.message,
        source: input.yaml,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordEvent(tx, actor, {
      programmeId: programme.id,
      entityType: "slice",
      entityId: input.sliceId,
      action: "slice.rollout_read",
      after: { readingId: row.id, sourceKind: reading.sourceKind, name: reading.name, weight: reading.weight, phase: reading.phase, healthy: reading.healthy, proposed: proposal.to, proposedKind: proposal.kind },
    });
    return { readingId: row.id, reading, currentStage, version: slice.version, proposal };
  });
}
