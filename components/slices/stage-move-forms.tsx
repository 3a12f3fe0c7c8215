"use client";
import { useEffect, useRef } from "react";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { useActionForm, type FormAction } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import type { MovedSlice } from "@/lib/slices/actions";
import { capitalise } from "@/lib/format";
import { ROLLBACK_SIGNALS, signalLabel } from "@/lib/slices/stage-machine";
import { STAGES, stageIndex, stageLabel, type Stage } from "@/lib/slices/stages";
import { ActionFeedback } from "./action-feedback";

type Props = { sliceId: string; version: number; stage: Stage; canSkip: boolean; action: FormAction<MovedSlice> };
/** How many open items hold the next move: the gate summary's, which counts the reopened items of passed stages too. */
type AdvanceProps = Props & { openGateItems: number };

/**
 * What this form's last move did, while the slice still stands where it left it: once the
 * other form (or anyone else) has moved the slice on, "Moved to 50%" under a slice at 0% would
 * read as the present.
 */
function outcome(state: ActionResult<MovedSlice> | null, stage: Stage, verb: string): string {
  return state?.ok && state.data.stage === stage ? `${verb} ${stageLabel(stage)}.` : "";
}

/**
 * A form that has nothing left to offer (a slice at 100% has no stage above, one at 0% nothing
 * to roll back to) after its own move took it there: the outcome takes the focus the vanished
 * submit button held, so it is read out and the keyboard stays in place.
 */
function LastMove({ outcome, note }: { outcome: string; note: string }) {
  return (
    <div className="space-y-2 text-sm">
      {outcome ? <FocusedOutcome text={outcome} /> : null}
      <p className="text-slate-600">{note}</p>
    </div>
  );
}

function FocusedOutcome({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  // On mount only: a later render (a live update of the page) must not pull focus back here.
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} tabIndex={-1} role="status" className="text-emerald-800 outline-none focus-visible:outline-2 focus-visible:outline-solid focus-visible:outline-offset-2 focus-visible:outline-brand-600">
      {text}
    </p>
  );
}

/** Move up one stage (a manager may pick a later one, with a reason). Gates are checked by the server. */
export function AdvanceForm({ sliceId, version, stage, canSkip, openGateItems, action }: AdvanceProps) {
  const form = useActionForm(action);
  const ahead = STAGES.slice(stageIndex(stage) + 1);
  const moved = outcome(form.state, stage, "Moved to");
  if (ahead.length === 0) return <LastMove outcome={moved} note="The slice serves all its traffic from Kubernetes: no stage left to move up to." />;
  return (
    <form {...form.props} aria-label="Move up" className="space-y-3">
      <input type="hidden" name="sliceId" value={sliceId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {canSkip ? (
        <>
          <SelectField
            id="advance-to"
            label="Move to"
            name="to"
            errors={form.errorsOf("to")}
            defaultValue={form.valueOf("to", ahead[0])}
            choices={ahead.map((s, i) => [s, `${stageLabel(s)}${i > 0 ? " (skips stages: reason required)" : ""}`] as const)}
          />
          <Field id="advance-reason" label="Reason (required to skip stages)" name="reason" maxLength={500} errors={form.errorsOf("reason")} defaultValue={form.valueOf("reason", "")} />
        </>
      ) : (
        <input type="hidden" name="to" value={ahead[0]} />
      )}
      {/* Said before the click, not only in the refusal after it; the server still decides. */}
      {openGateItems > 0 ? (
        <p id="advance-held" className="text-xs text-amber-900">
          {openGateItems === 1 ? "1 open item holds" : `${openGateItems} open items hold`} the next stage: the move is refused until {openGateItems === 1 ? "it is" : "they are"} done or not applicable.
        </p>
      ) : null}
      <button type="submit" disabled={form.isPending} aria-describedby={openGateItems > 0 ? "advance-held" : undefined} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {form.isPending ? "Moving…" : canSkip ? "Move" : `Move to ${stageLabel(ahead[0])}`}
      </button>
      <ActionFeedback form={form} success={moved} label="Stage move result" />
    </form>
  );
}

/** Roll back to a lower stage with a reason, and the signal that tripped it. Never gate-checked. */
export function RollbackForm({ sliceId, version, stage, action }: Omit<Props, "canSkip">) {
  const form = useActionForm(action);
  const below = STAGES.slice(0, stageIndex(stage)).reverse();
  const rolledBack = outcome(form.state, stage, "Rolled back to");
  if (below.length === 0) return <LastMove outcome={rolledBack} note="The slice takes no traffic yet: nothing to roll back." />;
  return (
    <form {...form.props} aria-label="Roll back" className="space-y-3">
      <input type="hidden" name="sliceId" value={sliceId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id="rollback-to" label="Roll back to" name="to" errors={form.errorsOf("to")} defaultValue={form.valueOf("to", below[below.length - 1])} choices={below.map((s) => [s, stageLabel(s)] as const)} />
        <SelectField
          id="rollback-signal"
          label="Signal that tripped it"
          name="signal"
          errors={form.errorsOf("signal")}
          defaultValue={form.valueOf("signal", "")}
          choices={[["", "Not recorded"], ...ROLLBACK_SIGNALS.map((s) => [s, capitalise(signalLabel(s))] as const)]}
        />
      </div>
      <TextareaField id="rollback-reason" label="Reason (required)" name="reason" required maxLength={500} rows={2} errors={form.errorsOf("reason")} defaultValue={form.valueOf("reason", "")} />
      <Field id="rollback-observed" label="Observed value (optional)" name="observed" maxLength={200} placeholder="e.g. 4.1% 5xx, p99 2.3 s" errors={form.errorsOf("observed")} defaultValue={form.valueOf("observed", "")} />
      <button type="submit" disabled={form.isPending} className="rounded-md border border-rose-700 px-4 py-2 text-sm font-medium text-rose-800 hover:bg-rose-50 disabled:opacity-60">
        {form.isPending ? "Rolling back…" : "Roll back"}
      </button>
      <ActionFeedback form={form} success={rolledBack} label="Rollback result" />
    </form>
  );
}
