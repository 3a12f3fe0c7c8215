"use client";
import { useId, useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { isRetirementItem } from "@/lib/checklists/gates";
import { formatDateTime } from "@/lib/format";
import type { SliceItem } from "@/lib/slices/queries/slice-page";
import { stageLabel } from "@/lib/slices/stages";
import type { TickChange } from "./checklist-panel";

/** One checklist item: its state in words, evidence, guidance, and the controls to change it. */
export function ChecklistItemRow({ item, canTick, onTick }: { item: SliceItem; canTick: boolean; onTick: (change: TickChange) => void }) {
  const id = useId();
  const [evidenceUrl, setEvidenceUrl] = useState("");
  const [reason, setReason] = useState("");
  // Reopening clears the evidence or the reason on record: asked first, never by a stray click.
  const [confirmingReopen, setConfirmingReopen] = useState(false);
  const [actionButton, setActionButton] = useState<HTMLButtonElement | null>(null);
  const hasRecord = Boolean(item.evidenceUrl || (item.state === "na" && item.reason));
  const reopen = () => (hasRecord ? setConfirmingReopen(true) : onTick({ id: item.id, state: "open" }));
  const submit = (state: "done" | "na") => (event: FormEvent) => {
    event.preventDefault();
    onTick(state === "done" ? { id: item.id, state, evidenceUrl: evidenceUrl.trim() || undefined } : { id: item.id, state, reason: reason.trim() });
    // The resolved item's form goes away with the focus in it: the row's own button (Reopen
    // now) keeps the keyboard on this item.
    actionButton?.focus();
  };
  const stateText =
    item.state === "open" ? "Open" : `${item.state === "done" ? "Done" : "Not applicable"}${item.by ? ` · ${item.by}` : ""}${item.at ? ` · ${formatDateTime(new Date(item.at))}` : ""}`;
  const badge = item.state === "open" ? "border-amber-300 bg-amber-50 text-amber-900" : item.state === "done" ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-slate-300 bg-slate-50 text-slate-700";
  return (
    <li className="py-3" aria-label={item.title}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-slate-900">{item.title}</p>
          <p className="mt-0.5 text-xs text-slate-600">
            <span className={`mr-2 inline-block rounded border px-1.5 py-0.5 ${badge}`}>{stateText}</span>
            {item.followUp ? <span className="mr-2 inline-block rounded border border-sky-300 bg-sky-50 px-1.5 py-0.5 text-sky-900">Follow-up</span> : null}
            {item.followUp ? "Gates nothing" : item.gate ? `Gates ${stageLabel(item.gate)}` : isRetirementItem(item) ? "Needed for done" : "Gates no stage"}
          </p>
          {item.followUp ? (
            <p className="mt-1 text-xs text-slate-700">Added by a template change after this slice had passed {item.gate ? stageLabel(item.gate) : "done"}: tracked as follow-up work, it does not reopen that gate.</p>
          ) : item.state === "open" && item.gatePassed && item.gate ? (
            <p className="mt-1 text-xs text-amber-900">This slice already passed {stageLabel(item.gate)}; the item is open again (reopened, or added since), so it holds the next move.</p>
          ) : null}
          {item.state === "na" && item.reason ? <p className="mt-1 text-xs text-slate-700">Reason: {item.reason}</p> : null}
          {item.evidenceUrl ? (
            <p className="mt-1 text-xs">
              <a className="text-brand-700 underline" href={item.evidenceUrl} rel="noreferrer noopener" target="_blank">
                Evidence<span className="sr-only"> for {item.title} (opens in a new tab)</span>
              </a>
            </p>
          ) : null}
          {item.guidance ? (
            <details className="mt-1 text-xs text-slate-700">
              <summary className="cursor-pointer text-slate-600">Guidance</summary>
              <p className="mt-1 max-w-prose">{item.guidance}</p>
            </details>
          ) : null}
        </div>
        {canTick ? (
          <div className="flex shrink-0 flex-col items-end gap-1">
            {/* One button whose action follows the state, so focus stays on it after a change. */}
            {item.state === "open" ? (
              <button ref={setActionButton} type="button" onClick={() => onTick({ id: item.id, state: "done" })} className="rounded-md bg-brand-600 px-3 py-1 text-xs font-medium text-white hover:bg-brand-700" aria-label={`Mark done: ${item.title}`}>
                Mark done
              </button>
            ) : (
              <button ref={setActionButton} type="button" onClick={reopen} className="rounded-md border border-slate-300 px-3 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50" aria-label={`Reopen: ${item.title}`}>
                Reopen
              </button>
            )}
            <ConfirmDialog
              open={confirmingReopen}
              title={`Reopen "${item.title}"?`}
              description={
                <>
                  <p>{item.evidenceUrl ? "Its evidence link is taken off the item" : "The reason it does not apply is taken off the item"}, and the item counts as open again: a stage it gates is closed to the slice until it is resolved again.</p>
                  {item.evidenceUrl ? <p className="break-all text-slate-600">Evidence now: {item.evidenceUrl}</p> : <p className="text-slate-600">Reason now: {item.reason}</p>}
                </>
              }
              confirmLabel="Reopen"
              returnFocusTo={actionButton}
              onCancel={() => setConfirmingReopen(false)}
              onConfirm={() => {
                setConfirmingReopen(false);
                onTick({ id: item.id, state: "open" });
              }}
            />
          </div>
        ) : null}
      </div>
      {canTick && item.state === "open" ? (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer text-slate-600">
            Evidence or not applicable<span className="sr-only"> for {item.title}</span>
          </summary>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <form onSubmit={submit("done")} className="flex flex-wrap items-end gap-2">
              <label className="min-w-40 flex-1">
                <span className="block text-slate-700">Evidence link (http or https)</span>
                <input id={`${id}-url`} type="url" value={evidenceUrl} onChange={(e) => setEvidenceUrl(e.target.value)} placeholder="https://…" className="mt-1 w-full rounded border border-slate-300 px-2 py-1" />
              </label>
              <button type="submit" className="rounded-md border border-brand-600 px-2 py-1 font-medium text-brand-700" aria-label={`Done with evidence: ${item.title}`}>
                Done with evidence
              </button>
            </form>
            <form onSubmit={submit("na")} className="flex flex-wrap items-end gap-2">
              <label className="min-w-40 flex-1">
                <span className="block text-slate-700">Why it does not apply</span>
                <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} className="mt-1 w-full rounded border border-slate-300 px-2 py-1" />
              </label>
              <button type="submit" className="rounded-md border border-slate-400 px-2 py-1 font-medium text-slate-800" aria-label={`Not applicable: ${item.title}`}>
                Not applicable
              </button>
            </form>
          </div>
        </details>
      ) : null}
    </li>
  );
}
