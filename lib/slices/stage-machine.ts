/**
 * The traffic-stage state machine: decides whether a requested move is allowed, what kind
 * of move it is, the slice status that follows, and the audit event to write. Pure: the
 * mutation loads the slice and its items, calls planStageMove, and throws an AppError from
 * a refusal. Team ownership is the caller's check (a lead acting outside their teams is
 * FORBIDDEN before this is reached); actorRole is the effective role on this slice.
 */
import type { Role, SliceStatus } from "@/lib/generated/prisma/enums";
import type { ErrorCode } from "@/lib/errors";
import type { PayloadInput } from "@/lib/events/catalogue";
import { isRetired, openGatingItems, toBlockingItems, type BlockingItem, type GateItem } from "@/lib/checklists/gates";
import { STAGES, isStage, stageIndex, stageLabel, type Stage } from "@/lib/slices/stages";

export const ROLLBACK_SIGNALS = ["error_rate", "latency", "other"] as const;
/** What tripped a rollback. */
export type RollbackSignal = (typeof ROLLBACK_SIGNALS)[number];

const SIGNAL_WORDS: Record<RollbackSignal, string> = { error_rate: "error rate", latency: "latency", other: "other signal" };

/** A rollback signal in words ("error rate"), for every page and export; an unknown one as recorded. */
export function signalLabel(signal: string): string {
  return (SIGNAL_WORDS as Record<string, string>)[signal] ?? signal;
}

export type MoveKind = "advance" | "skip" | "rollback";

export type MoveRequest = {
  from: Stage;
  to: Stage;
  reason?: string;
  signal?: RollbackSignal;
  /** The value that tripped the rollback, as the operator saw it ("5.2% 5xx", "p99 2.1 s"). */
  observed?: string;
  actorRole: Role;
  items: readonly GateItem[];
  currentStatus: SliceStatus;
};

/** The payloads of the two events a move writes (the event catalogue's); keys are omitted, never undefined. */
export type StageMovedEvent = PayloadInput<"slice.stage_moved">;
export type RolledBackEvent = PayloadInput<"slice.rolled_back">;

type Allowed = { ok: true; from: Stage; to: Stage; nextStatus: SliceStatus };
/** An allowed move with its event: the kind decides the action, and the action the payload's type. */
export type MoveAllowed =
  | (Allowed & { kind: "advance" | "skip"; eventAction: "slice.stage_moved"; eventBefore: StageMovedEvent["before"]; eventAfter: StageMovedEvent["after"] })
  | (Allowed & { kind: "rollback"; eventAction: "slice.rolled_back"; eventBefore: RolledBackEvent["before"]; eventAfter: RolledBackEvent["after"] });

/** INVALID details are per-field messages ({ reason: [...] }); GATE_BLOCKED's are the open items. */
export type MoveRefused =
  | { ok: false; code: Extract<ErrorCode, "INVALID">; message: string; details?: Record<string, string[]> }
  | { ok: false; code: Extract<ErrorCode, "FORBIDDEN">; message: string; details?: undefined }
  | { ok: false; code: Extract<ErrorCode, "GATE_BLOCKED">; message: string; details: BlockingItem[] };

export type MoveDecision = MoveAllowed | MoveRefused;

const refuse = (code: "INVALID" | "FORBIDDEN", message: string): MoveRefused => ({ ok: false, code, message });

const invalidField = (field: string, message: string): MoveRefused => ({ ok: false, code: "INVALID", message, details: { [field]: [message] } });

/** The non-blank, trimmed text, or undefined. */
const clean = (text: string | undefined): string | undefined => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * The status a slice has at `stage` after a move. Status is derived, never set by hand
 * (except on hold): 0 after a rollback is rolled_back, 0 otherwise keeps planned/preparing.
 */
export function statusForStage(stage: Stage, currentStatus: SliceStatus, opts: { rolledBack?: boolean } = {}): SliceStatus {
  // A hold is a human decision; no move or tick lifts it.
  if (currentStatus === "on_hold") return "on_hold";
  switch (stage) {
    case "0":
      return opts.rolledBack ? "rolled_back" : currentStatus;
    case "mirror":
      return "parallel_run";
    case "1":
    case "10":
    case "50":
      return "shifting";
    case "100":
      return "live";
  }
}

/** The status after a checklist change: done at 100% once retired, live again if reopened. */
export function statusAfterTicks(stage: Stage, items: readonly GateItem[], currentStatus: SliceStatus): SliceStatus {
  if (currentStatus === "on_hold") return "on_hold";
  if (stage === "100") return isRetired(items) ? "done" : "live";
  return statusForStage(stage, currentStatus);
}

/** Decide a stage move: allowed (with status and event) or refused (with an AppError code). */
export function planStageMove(input: MoveRequest): MoveDecision {
  const { from, to, actorRole, currentStatus } = input;
  const reason = clean(input.reason);
  const observed = clean(input.observed);

  if (actorRole === "viewer") return refuse("FORBIDDEN", "Viewers cannot move a slice's traffic stage.");
  // The route's schema validates too; these guard callers that skip it (scripts, jobs).
  if (!isStage(to)) return invalidField("to", `Unknown stage; use one of ${STAGES.join(", ")}.`);
  if (!isStage(from)) return invalidField("from", `Unknown current stage; expected one of ${STAGES.join(", ")}.`);
  if (input.signal !== undefined && !(ROLLBACK_SIGNALS as readonly string[]).includes(input.signal)) {
    return invalidField("signal", `Unknown signal; use one of ${ROLLBACK_SIGNALS.join(", ")}.`);
  }
  if (from === to) return invalidField("to", `The slice is already at ${stageLabel(to)}.`);

  const steps = stageIndex(to) - stageIndex(from);
  const before = { stage: from, status: currentStatus };

  if (steps < 0) {
    if (currentStatus === "done") {
      // Done means the old path is retired: there is nothing left to roll back to until a
      // retirement item is reopened (which returns the slice to live, on the record).
      return refuse("INVALID", "The slice is done and its old path is retired; reopen a retirement item before rolling back.");
    }
    if (!reason) return invalidField("reason", "A rollback needs a reason.");
    const nextStatus = statusForStage(to, currentStatus, { rolledBack: true });
    const after: RolledBackEvent["after"] = { stage: to, status: nextStatus, kind: "rollback", reason };
    if (input.signal) after.signal = input.signal;
    if (observed) after.observed = observed;
    // Never gate-checked: the way back must always be open.
    return { ok: true, kind: "rollback", from, to, nextStatus, eventAction: "slice.rolled_back", eventBefore: before, eventAfter: after };
  }

  // Moving up from here on.
  if (currentStatus === "on_hold") {
    return refuse("INVALID", "The slice is on hold: it cannot move up until the hold is lifted (rolling back is still allowed).");
  }
  // A signal or an observed value only describes a rollback; recording one on an advance
  // would put a false alarm in the history.
  if (input.signal) return invalidField("signal", "A signal is recorded only when rolling back.");
  if (observed) return invalidField("observed", "An observed value is recorded only when rolling back.");

  const kind = steps > 1 ? "skip" : "advance";
  if (kind === "skip") {
    if (actorRole !== "manager") {
      return refuse("FORBIDDEN", `Only a programme manager may skip stages; move to ${stageLabel(STAGES[stageIndex(from) + 1])} first.`);
    }
    if (!reason) return invalidField("reason", "Skipping stages needs a reason.");
  }

  // The target's gates include every earlier stage's, so a skip cannot bypass a gate.
  const open = openGatingItems(input.items, to);
  if (open.length > 0) {
    const n = open.length;
    return { ok: false, code: "GATE_BLOCKED", message: `${n} checklist item${n === 1 ? "" : "s"} must be done (or not applicable) before ${stageLabel(to)}.`, details: toBlockingItems(open) };
  }

  // Retirement items may already be ticked when the slice reaches 100%: then it is done at once.
  const nextStatus = to === "100" ? statusAfterTicks(to, input.items, currentStatus) : statusForStage(to, currentStatus);
  const after: StageMovedEvent["after"] = { stage: to, status: nextStatus, kind };
  if (reason) after.reason = reason;
  if (kind === "skip") after.skipped = STAGES.slice(stageIndex(from) + 1, stageIndex(to));
  return { ok: true, kind, from, to, nextStatus, eventAction: "slice.stage_moved", eventBefore: before, eventAfter: after };
}
