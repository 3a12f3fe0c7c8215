"use client";
import { useRef, useState, type ChangeEvent } from "react";
import { Field, TextareaField } from "@/components/ui/field";
import { useActionForm, type FormAction } from "@/components/ui/form";
import type { MovedSlice } from "@/lib/slices/actions";
import type { RolloutReadingResult } from "@/lib/slices/mutations/read-slice-rollout";
import { MAX_ROLLOUT_PASTE } from "@/lib/slices/schemas";
import { stageLabel } from "@/lib/slices/stages";
import { ActionFeedback } from "./action-feedback";

type MoveAction = FormAction<MovedSlice>;

type Props = {
  sliceId: string;
  /** Where the kept YAML of a reading is served: `${sourceHref}/${readingId}`. */
  sourceHref: string;
  readAction: FormAction<RolloutReadingResult>;
  moveAction: MoveAction;
  canMove: boolean;
};

/**
 * Paste or upload an Argo Rollout, Flagger Canary or Istio VirtualService: Ferry reads its
 * weight and health, keeps the YAML as evidence and proposes a move, which still goes
 * through the gates.
 */
export function RolloutReader({ sliceId, sourceHref, readAction, moveAction, canMove }: Props) {
  const form = useActionForm(readAction);
  const yaml = useRef<HTMLTextAreaElement>(null);
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string } | null>(null);
  const result = form.state?.ok ? form.state.data : null;

  // An upload fills the text box rather than posting the file: the person sees (and may trim)
  // exactly what is read and kept, and there is one way in for both.
  const loadFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file || !yaml.current) return;
    if (file.size > MAX_ROLLOUT_PASTE) {
      setFileNote({ ok: false, text: `${file.name} is over 512 KB: export the one object (kubectl get … -o yaml).` });
      return;
    }
    yaml.current.value = await file.text();
    setFileNote({ ok: true, text: `Loaded ${file.name}: read it below.` });
  };

  return (
    <div className="space-y-4">
      <form {...form.props} aria-label="Read rollout state" className="space-y-2">
        <input type="hidden" name="sliceId" value={sliceId} />
        <TextareaField
          ref={yaml}
          id="rollout-yaml"
          label="Rollout YAML"
          hint="The live object: kubectl get rollout|canary|virtualservice NAME -o yaml"
          name="yaml"
          required
          rows={6}
          spellCheck={false}
          errors={form.errorsOf("yaml")}
          defaultValue={form.valueOf("yaml", "")}
          controlClassName="font-mono text-xs"
        />
        <label className="block text-xs">
          <span className="font-medium text-slate-800">Or upload a YAML file</span>
          <input type="file" accept=".yaml,.yml,.json,.txt,application/yaml,text/yaml,text/plain" onChange={loadFile} className="mt-1 block w-full text-xs text-slate-700" />
        </label>
        <p role="status" aria-label="Uploaded file" className={`min-h-4 text-xs ${fileNote?.ok === false ? "text-rose-800" : "text-slate-700"}`}>
          {fileNote?.text}
        </p>
        <button type="submit" disabled={form.isPending} className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60">
          {form.isPending ? "Reading…" : "Read rollout"}
        </button>
        <ActionFeedback form={form} success="" label="Rollout reading result" />
      </form>
      {result ? (
        <section aria-label="Rollout reading" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" aria-live="polite">
          <p className="font-medium text-slate-900">
            {result.reading.sourceKind} {result.reading.name}: {result.reading.weight}% on the new path, phase {result.reading.phase}, {result.reading.healthy ? "healthy" : "unhealthy"}
          </p>
          <p className="mt-1 text-xs text-slate-700">{result.reading.message}</p>
          <p className="mt-1 text-xs">
            <a className="text-brand-700 underline" href={`${sourceHref}/${result.readingId}`} target="_blank" rel="noopener">
              YAML kept as evidence<span className="sr-only"> (opens in a new tab)</span>
            </a>
          </p>
          <p className="mt-2 text-slate-800">
            {result.proposal.kind === "none"
              ? `The record matches: stay at ${stageLabel(result.proposal.to)}.`
              : `Proposed: ${result.proposal.kind === "rollback" ? "roll back" : "move"} to ${stageLabel(result.proposal.to)}.`}
          </p>
          {/* Keyed by reading: each reading starts with a fresh form and no earlier outcome. */}
          {result.proposal.kind !== "none" && canMove ? <ProposedMove key={result.readingId} sliceId={sliceId} result={result} action={moveAction} /> : null}
        </section>
      ) : null}
    </div>
  );
}

/** Submits the proposed move through the ordinary stage move (roles, skips and gates apply). */
function ProposedMove({ sliceId, result, action }: { sliceId: string; result: RolloutReadingResult; action: MoveAction }) {
  const form = useActionForm(action);
  const { state } = form;
  const { proposal } = result;
  return (
    <form {...form.props} aria-label="Apply the proposed move" className="mt-2 space-y-2">
      <input type="hidden" name="sliceId" value={sliceId} />
      <input type="hidden" name="to" value={proposal.to} />
      <input type="hidden" name="expectedVersion" value={result.version} />
      {proposal.signal ? <input type="hidden" name="signal" value={proposal.signal} /> : null}
      <Field id={`proposed-reason-${result.readingId}`} label="Reason" name="reason" maxLength={500} errors={form.errorsOf("reason")} defaultValue={form.valueOf("reason", proposal.reason)} />
      {/* Once applied, the slice's version has moved on: a second submit could only be refused. */}
      {state?.ok ? null : (
        <button type="submit" disabled={form.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {proposal.kind === "rollback" ? "Roll back as proposed" : "Move as proposed"}
        </button>
      )}
      <ActionFeedback form={form} success={state?.ok ? `${proposal.kind === "rollback" ? "Rolled back" : "Moved"} to ${stageLabel(state.data.stage)}.` : ""} label="Proposed move result" />
    </form>
  );
}
