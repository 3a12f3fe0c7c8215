/**
 * Turns a rollout reading into the stage move Ferry proposes. The proposal is advice for a
 * person (or a pipeline) to submit through the stage machine, which still applies roles,
 * skip rules and gates: reading a 50% rollout never moves a slice past an open gate.
 */
import type { RollbackSignal } from "@/lib/slices/stage-machine";
import { stageIndex, stageLabel, type Stage } from "@/lib/slices/stages";
import type { RolloutReading } from "./types";

export type StageProposal = {
  to: Stage;
  kind: "advance" | "rollback" | "none";
  reason: string;
  /** Set on rollbacks: the reading cannot tell error rate from latency, so "other". */
  signal?: RollbackSignal;
};

/** Stage reasons are stored in events; a tool's message is cut to keep them readable. */
const MAX_REASON = 500;
const clip = (text: string) => (text.length <= MAX_REASON ? text : `${text.slice(0, MAX_REASON - 1)}…`);

/**
 * The highest stage whose share does not exceed the weight: the record must never claim
 * more traffic than the routing serves. Zero is "mirror" when mirroring is under way.
 */
export function stageForWeight(weight: number, currentStage: Stage, mirrored = false): Stage {
  if (weight <= 0) return mirrored || currentStage === "mirror" ? "mirror" : "0";
  if (weight < 10) return "1";
  if (weight < 50) return "10";
  if (weight < 100) return "50";
  return "100";
}

/** The stage move that would make the slice's record match the reading. */
export function proposeStageMove(reading: RolloutReading, currentStage: Stage): StageProposal {
  const source = `${reading.sourceKind} ${reading.name}`;
  if (!reading.healthy) {
    const what = reading.aborted ? `was aborted (${reading.phase})` : `is ${reading.phase}`;
    if (currentStage === "0") return { to: "0", kind: "none", reason: clip(`${source} ${what}; the slice is already at 0%. ${reading.message}`) };
    return { to: "0", kind: "rollback", reason: clip(`${source} ${what}: ${reading.message}`), signal: "other" };
  }
  const to = stageForWeight(reading.weight, currentStage, reading.mirrored === true);
  const seen = `${source} serves ${reading.weight}% on the new path${reading.mirrored ? " (mirrored)" : ""}, phase ${reading.phase}`;
  const diff = stageIndex(to) - stageIndex(currentStage);
  if (diff === 0) return { to, kind: "none", reason: clip(`${seen}: matches ${stageLabel(currentStage)}.`) };
  if (diff > 0) return { to, kind: "advance", reason: clip(`${seen}: ahead of the recorded ${stageLabel(currentStage)}.`) };
  // Healthy but behind the record: the routing was turned back outside Ferry, and the record
  // must follow reality, which is a rollback and needs its reason.
  return { to, kind: "rollback", reason: clip(`${seen}: below the recorded ${stageLabel(currentStage)}.`), signal: "other" };
}
