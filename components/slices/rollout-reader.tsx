"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { MovedSlice } from "@/lib/slices/actions";
import type { RolloutReadingResult } from "@/lib/slices/mutations";
import { stageLabel } from "@/lib/slices/stages";
import { ActionFeedback, fieldError } from "./action-feedback";

type Props = {
  sliceId: string;
  readAction: (previous: unknown, form: FormData) => Promise<ActionResult<RolloutReadingResult>>;
  moveAction: (previous: unknown, form: FormData) => Promise<ActionResult<MovedSlice>>;
  canMove: boolean;
};

/**
 * Paste an Argo Rollout, Flagger Canary or Istio VirtualService: Ferry reads its weight and
 * health, keeps the YAML as evidence and proposes a move, which still goes through the gates.
 */
export function RolloutReader({ sliceId, readAction, moveAction, canMove }: Props) {
  const [state, formAction, pending] = useActionState(readAction, null);
  const [moveState, moveFormAction, moving] = useActionState(moveAction, null);
  const yamlError = fieldError(state, "yaml");
  const result = state?.ok ? state.data : null;
  return (
    <div className="space-y-4">
      <form action={formAction} aria-label="Read rollout state" className="space-y-2">
        <input type="hidden" name="sliceId" value={sliceId} />
        <label className="block text-sm">
          <span className="font-medium text-slate-800">Rollout YAML</span>
          <span className="block text-xs text-slate-600">The live object: kubectl get rollout|canary|virtualservice NAME -o yaml</span>
          <textarea name="yaml" required rows={6} spellCheck={false} aria-invalid={Boolean(yamlError)} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-xs" />
        </label>
        <button type="submit" disabled={pending} className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60">
          {pending ? "Reading…" : "Read rollout"}
        </button>
        <ActionFeedback state={state?.ok ? null : state} success="" label="Rollout reading result" />
      </form>
      {result ? (
        <section aria-label="Rollout reading" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" aria-live="polite">
          <p className="font-medium text-slate-900">
            {result.reading.sourceKind} {result.reading.name}: {result.reading.weight}% on the new path, phase {result.reading.phase}, {result.reading.healthy ? "healthy" : "unhealthy"}
          </p>
          <p className="mt-1 text-xs text-slate-700">{result.reading.message}</p>
          <p className="mt-2 text-slate-800">
            {result.proposal.kind === "none"
              ? `The record matches: stay at ${stageLabel(result.proposal.to)}.`
              : `Proposed: ${result.proposal.kind === "rollback" ? "roll back" : "move"} to ${stageLabel(result.proposal.to)}.`}
          </p>
          {result.proposal.kind !== "none" && canMove ? (
            <form action={moveFormAction} aria-label="Apply the proposed move" className="mt-2 space-y-2">
              <input type="hidden" name="sliceId" value={sliceId} />
              <input type="hidden" name="to" value={result.proposal.to} />
              <input type="hidden" name="expectedVersion" value={result.version} />
              {result.proposal.signal ? <input type="hidden" name="signal" value={result.proposal.signal} /> : null}
              <label className="block text-xs">
                <span className="font-medium text-slate-800">Reason</span>
                <input name="reason" defaultValue={result.proposal.reason} maxLength={500} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" />
              </label>
              <button type="submit" disabled={moving} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
                {result.proposal.kind === "rollback" ? "Roll back as proposed" : "Move as proposed"}
              </button>
              <ActionFeedback state={moveState} success={moveState?.ok ? `Moved to ${stageLabel(moveState.data.stage)}.` : ""} label="Proposed move result" />
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
