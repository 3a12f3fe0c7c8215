"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { MovedSlice } from "@/lib/slices/actions";
import { ROLLBACK_SIGNALS } from "@/lib/slices/stage-machine";
import { STAGES, stageIndex, stageLabel, type Stage } from "@/lib/slices/stages";
import { ActionFeedback, fieldError } from "./action-feedback";

type MoveAction = (previous: unknown, form: FormData) => Promise<ActionResult<MovedSlice>>;
type Props = { sliceId: string; version: number; stage: Stage; canSkip: boolean; action: MoveAction };

const signalLabel: Record<(typeof ROLLBACK_SIGNALS)[number], string> = { error_rate: "Error rate", latency: "Latency", other: "Other" };
const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const moved = (state: ActionResult<MovedSlice> | null) => (state?.ok ? `Moved to ${stageLabel(state.data.stage)}.` : "");

/** Move up one stage (a manager may pick a later one, with a reason). Gates are checked by the server. */
export function AdvanceForm({ sliceId, version, stage, canSkip, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const ahead = STAGES.slice(stageIndex(stage) + 1);
  if (ahead.length === 0) return <p className="text-sm text-slate-600">The slice serves all its traffic from Kubernetes: no stage left to move up to.</p>;
  const reasonError = fieldError(state, "reason");
  return (
    <form action={formAction} aria-label="Move up" className="space-y-3">
      <input type="hidden" name="sliceId" value={sliceId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {canSkip ? (
        <>
          <label className="block text-sm">
            <span className="font-medium text-slate-800">Move to</span>
            <select name="to" defaultValue={ahead[0]} className={input}>
              {ahead.map((s, i) => (
                <option key={s} value={s}>
                  {stageLabel(s)}
                  {i > 0 ? " (skips stages: reason required)" : ""}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            <span className="font-medium text-slate-800">Reason (required to skip)</span>
            <input name="reason" maxLength={500} aria-invalid={Boolean(reasonError)} aria-describedby={reasonError ? "advance-reason-error" : undefined} className={input} />
          </label>
          {reasonError ? <p id="advance-reason-error" className="text-sm text-rose-800">{reasonError}</p> : null}
        </>
      ) : (
        <input type="hidden" name="to" value={ahead[0]} />
      )}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Moving…" : canSkip ? "Move" : `Move to ${stageLabel(ahead[0])}`}
      </button>
      <ActionFeedback state={state} success={moved(state)} label="Stage move result" />
    </form>
  );
}

/** Roll back to a lower stage with a reason, and the signal that tripped it. Never gate-checked. */
export function RollbackForm({ sliceId, version, stage, action }: Omit<Props, "canSkip">) {
  const [state, formAction, pending] = useActionState(action, null);
  const below = STAGES.slice(0, stageIndex(stage)).reverse();
  if (below.length === 0) return <p className="text-sm text-slate-600">The slice takes no traffic yet: nothing to roll back.</p>;
  const reasonError = fieldError(state, "reason");
  return (
    <form action={formAction} aria-label="Roll back" className="space-y-3">
      <input type="hidden" name="sliceId" value={sliceId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="font-medium text-slate-800">Roll back to</span>
          <select name="to" defaultValue={below[below.length - 1]} className={input}>
            {below.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-800">Signal that tripped it</span>
          <select name="signal" defaultValue="" className={input}>
            <option value="">Not recorded</option>
            {ROLLBACK_SIGNALS.map((s) => (
              <option key={s} value={s}>
                {signalLabel[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="block text-sm">
        <span className="font-medium text-slate-800">Reason (required)</span>
        <textarea name="reason" required maxLength={500} rows={2} aria-invalid={Boolean(reasonError)} aria-describedby={reasonError ? "rollback-reason-error" : undefined} className={input} />
      </label>
      {reasonError ? <p id="rollback-reason-error" className="text-sm text-rose-800">{reasonError}</p> : null}
      <label className="block text-sm">
        <span className="font-medium text-slate-800">Observed value (optional)</span>
        <input name="observed" maxLength={200} placeholder="e.g. 4.1% 5xx, p99 2.3 s" className={input} />
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-rose-700 px-4 py-2 text-sm font-medium text-rose-800 hover:bg-rose-50 disabled:opacity-60">
        {pending ? "Rolling back…" : "Roll back"}
      </button>
      <ActionFeedback state={state} success={state?.ok ? `Rolled back to ${stageLabel(state.data.stage)}.` : ""} label="Rollback result" />
    </form>
  );
}
