/**
 * The latest rollout reading against Ferry's record, in words for the slice page: whether the
 * weight the routing served agrees with the slice's traffic stage (by the same rule the reader
 * proposes moves with, stageForWeight) and, when it does not, which way and what to do.
 */
import { stageIndex, stageLabel, type Stage } from "@/lib/slices/stages";
import { stageForWeight } from "./propose";

export type StoredReading = { sourceKind: string; weight: number; phase: string | null; healthy: boolean; createdAt: Date };

export type ReadingComparison = {
  /** Whether the reading and the record tell the same story. */
  agrees: boolean;
  /** The stage the reading's weight stands for. */
  readingStage: Stage;
  /** One plain sentence for the page. */
  text: string;
};

/**
 * Compares a stored reading with the slice's stage now. `stageChangedAt` (the last stage move
 * or rollback) says whether the reading came before it, so a disagreement names the likelier
 * cause: an old reading, or routing that moved outside Ferry.
 */
export function compareReading(reading: StoredReading, stage: Stage, stageChangedAt: Date | null = null): ReadingComparison {
  const readingStage = stageForWeight(reading.weight, stage);
  const served = `${reading.weight}% of traffic on the new path`;
  const since = stageChangedAt && stageChangedAt > reading.createdAt ? " The stage has changed since this reading: read the rollout again." : "";
  if (!reading.healthy) {
    return { agrees: false, readingStage, text: `The ${reading.sourceKind} reported itself unhealthy${reading.phase ? ` (${reading.phase})` : ""} with ${served}, while Ferry records ${stageLabel(stage)}.${since}` };
  }
  if (readingStage === stage) return { agrees: true, readingStage, text: `The ${reading.sourceKind} agrees with Ferry's record: ${served}, recorded at ${stageLabel(stage)}.` };
  const ahead = stageIndex(readingStage) > stageIndex(stage);
  const what = ahead
    ? `The ${reading.sourceKind} serves more than Ferry records: ${served}, but the slice is recorded at ${stageLabel(stage)}. Move the slice to ${stageLabel(readingStage)} (its gates apply), or turn the rollout back.`
    : `The ${reading.sourceKind} serves less than Ferry records: ${served}, but the slice is recorded at ${stageLabel(stage)}. If traffic was turned back outside Ferry, record the rollback.`;
  return { agrees: false, readingStage, text: `${what}${since}` };
}
