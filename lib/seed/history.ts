/**
 * Seeded history: turns a slice's journey (status changes, stage moves, a rollback) into the
 * audit events a live programme would have written, and decides which checklist items were
 * ticked when. Pure, shared by the demo and the large seed, so both obey the same rule: a
 * slice never entered a stage while an item gating it was open, and replaying its stage
 * events ends at its stored stage.
 */
import type { SliceStatus } from "@/lib/generated/prisma/enums";
import type { EventInputWithout } from "@/lib/events/catalogue";
import type { ChecklistCategoryName } from "@/lib/checklists/default-template";
import { statusForStage, type RollbackSignal, type RolledBackEvent, type StageMovedEvent } from "@/lib/slices/stage-machine";
import { STAGES, stageIndex, type Stage } from "@/lib/slices/stages";
import type { Rng } from "./prng";

export type Move =
  | { kind: "status"; at: Date; to: Extract<SliceStatus, "preparing" | "done" | "on_hold"> }
  | { kind: "stage"; at: Date; to: Stage; reason?: string }
  | { kind: "rollback"; at: Date; to: Stage; reason: string; signal: RollbackSignal; observed?: string };

export type Replayed = {
  /** Events without programme and actor: the caller knows both. */
  events: EventInputWithout<"programmeId">[];
  stage: Stage;
  status: SliceStatus;
  /** The highest stage the slice ever reached (a rollback does not lower it). */
  maxStage: Stage;
  /** When the slice first reached each stage it reached. */
  reachedAt: Partial<Record<Stage, Date>>;
  startedAt: Date | null;
  doneAt: Date | null;
  lastMoveAt: Date | null;
};

/**
 * Why a seeded status changed, as slice.status_changed records it. Done follows the last
 * retirement item's tick, as it does live; no live mutation starts or holds a slice yet.
 */
const STATUS_REASONS: Record<Extract<Move, { kind: "status" }>["to"], string> = {
  preparing: "Preparation started",
  done: "a checklist item was ticked",
  on_hold: "Put on hold",
};

/** Replays a journey from planned at 0%, producing its events and the final state. */
export function replayMoves(sliceId: string, moves: readonly Move[]): Replayed {
  let stage: Stage = "0";
  let status: SliceStatus = "planned";
  let maxStage: Stage = "0";
  const reachedAt: Partial<Record<Stage, Date>> = {};
  let startedAt: Date | null = null;
  let doneAt: Date | null = null;
  const events: Replayed["events"] = [];
  const base = { entityType: "slice" as const, entityId: sliceId };

  for (const move of moves) {
    const before = { stage, status };
    if (move.kind === "status") {
      status = move.to;
      if (move.to === "preparing") startedAt ??= move.at;
      if (move.to === "done") doneAt = move.at;
      events.push({ ...base, action: "slice.status_changed", at: move.at, before, after: { stage, status, reason: STATUS_REASONS[move.to] } });
      continue;
    }
    if (move.kind === "rollback") {
      if (stageIndex(move.to) >= stageIndex(stage)) throw new Error(`rollback of ${sliceId} must go down from ${stage}`);
      stage = move.to;
      status = statusForStage(stage, status, { rolledBack: true });
      const after: RolledBackEvent["after"] = { stage, status, kind: "rollback", reason: move.reason, signal: move.signal };
      if (move.observed) after.observed = move.observed;
      events.push({ ...base, action: "slice.rolled_back", at: move.at, before, after });
      continue;
    }
    const steps = stageIndex(move.to) - stageIndex(stage);
    if (steps <= 0) throw new Error(`stage move of ${sliceId} must go up from ${stage} (use a rollback)`);
    stage = move.to;
    status = statusForStage(stage, status);
    const after: StageMovedEvent["after"] = { stage, status, kind: steps > 1 ? "skip" : "advance" };
    if (move.reason) after.reason = move.reason;
    if (steps > 1) after.skipped = STAGES.slice(stageIndex(before.stage) + 1, stageIndex(stage));
    events.push({ ...base, action: "slice.stage_moved", at: move.at, before, after });
    if (stageIndex(stage) > stageIndex(maxStage)) maxStage = stage;
    for (const s of STAGES.slice(1, stageIndex(stage) + 1)) reachedAt[s] ??= move.at;
  }
  const lastMoveAt = moves.length ? moves[moves.length - 1].at : null;
  return { events, stage, status, maxStage, reachedAt, startedAt, doneAt, lastMoveAt };
}

/** A journey up to `target` with one move every `stepHours`, as most slices travel. */
export function straightJourney(start: Date, stepHours: number, target: Stage, finish?: "done"): Move[] {
  const hours = (n: number) => new Date(start.getTime() + n * stepHours * 3_600_000);
  const moves: Move[] = [{ kind: "status", at: start, to: "preparing" }];
  STAGES.slice(1, stageIndex(target) + 1).forEach((to, i) => moves.push({ kind: "stage", at: hours(i + 1), to }));
  if (finish === "done") moves.push({ kind: "status", at: hours(stageIndex(target) + 1), to: "done" });
  return moves;
}

export type TickableItem = { key: string; category: ChecklistCategoryName; gateStage: Stage | null };
export type PlannedTick = { key: string; state: "done" | "na"; at: Date; reason?: string };

export type TickOptions = {
  rng: Rng;
  now: Date;
  /** Items resolved as not applicable, by key, with the reason. */
  na?: Readonly<Record<string, string>>;
  /** Share of the items gating the next stage that are already done (work in progress). */
  aheadShare?: number;
};

const HOUR = 3_600_000;

/** A time in [from, to), never later than `to` minus a few minutes. */
function between(rng: Rng, from: Date, to: Date): Date {
  const span = Math.max(0, to.getTime() - from.getTime() - 10 * 60_000);
  return new Date(from.getTime() + Math.floor(rng.next() * span));
}

/**
 * Which items were resolved and when, given the slice's replayed journey. Every item gating
 * a stage the slice reached is resolved before it first got there; retirement items are done
 * before the slice was done; some items gating the next stage are done ahead of time.
 */
export function planTicks(items: readonly TickableItem[], history: Replayed, opts: TickOptions): PlannedTick[] {
  const { rng, now } = opts;
  const startedAt = history.startedAt;
  if (!startedAt) return [];
  const maxIdx = stageIndex(history.maxStage);
  const nextStage = STAGES[maxIdx + 1] ?? null;
  // The moment before which an item had to be resolved, and the window it was worked in.
  const deadlineFor = (item: TickableItem): Date | null => {
    if (item.gateStage !== null && stageIndex(item.gateStage) <= maxIdx) return history.reachedAt[item.gateStage] ?? null;
    if (item.category === "retired" && history.doneAt) return history.doneAt;
    return null;
  };
  const windowStart = (deadline: Date): Date => {
    const earlier = [startedAt, ...Object.values(history.reachedAt)].filter((d) => d.getTime() < deadline.getTime());
    return new Date(Math.max(...earlier.map((d) => d.getTime())));
  };
  const ticks: PlannedTick[] = [];
  for (const item of items) {
    const deadline = deadlineFor(item);
    const naReason = opts.na?.[item.key];
    if (naReason) {
      const by = Math.min(startedAt.getTime() + 24 * HOUR, deadline?.getTime() ?? Infinity);
      ticks.push({ key: item.key, state: "na", reason: naReason, at: between(rng, startedAt, new Date(by)) });
      continue;
    }
    if (deadline) {
      ticks.push({ key: item.key, state: "done", at: between(rng, windowStart(deadline), deadline) });
      continue;
    }
    const isNext = nextStage !== null ? item.gateStage === nextStage : item.category === "retired";
    if (isNext && history.status !== "done" && rng.chance(opts.aheadShare ?? 0.5)) {
      const from = history.lastMoveAt ?? startedAt;
      ticks.push({ key: item.key, state: "done", at: between(rng, from, new Date(Math.max(from.getTime() + HOUR, now.getTime() - HOUR))) });
    }
  }
  return ticks;
}

/** True when an item gating `gate` must be resolved for a slice to be at `stage`. */
export const gateHolds = (gate: Stage | null, stage: Stage): boolean => gate !== null && stageIndex(gate) <= stageIndex(stage);

/** An item's resolution as the seed knows it; empty evidence and reason count as none. */
export type SeedResolution = { state: "open" | "done" | "na"; evidenceUrl?: string | null; reason?: string | null };

const resolution = (r: SeedResolution) => ({ state: r.state, ...(r.evidenceUrl ? { evidenceUrl: r.evidenceUrl } : {}), ...(r.reason ? { reason: r.reason } : {}) });

/** The event of a seeded tick, shaped exactly as a live tick writes it (its after names the item and its slice). */
export function tickEvent(item: { id: string; title: string; sliceId: string }, from: SeedResolution, to: SeedResolution, at: Date): EventInputWithout<"programmeId"> {
  return { entityType: "checklist_item", entityId: item.id, action: "checklist_item.ticked", at, before: resolution(from), after: { ...resolution(to), title: item.title, sliceId: item.sliceId } };
}

/** A calendar date as events spell it (YYYY-MM-DD), as createProgramme's event writes the target date. */
export const isoDay = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);
