"use client";

import { useEffect, useRef, useState } from "react";
import { buttonClass, secondaryButtonClass } from "@/components/ui/field";

export type PendingBreak = { sliceName: string; toWave: number; message: string };

/**
 * The confirmation a move against the order needs: what it breaks, a required reason, and
 * the words "pin" so nobody is surprised the planner keeps it there. A native modal dialog:
 * focus is trapped and Escape cancels.
 */
export function ConfirmBreakDialog({ pending, error, onConfirm, onCancel, isSaving }: { pending: PendingBreak | null; error: string | null; onConfirm: (reason: string) => void; onCancel: () => void; isSaving: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) {
      setReason("");
      setTouched(false);
      dialog.showModal();
    } else if (!pending && dialog.open) dialog.close();
  }, [pending]);

  const missing = touched && reason.trim() === "";
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-break-title"
      aria-describedby="confirm-break-message"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {pending ? (
        <form
          className="space-y-4 p-5"
          onSubmit={(event) => {
            event.preventDefault();
            setTouched(true);
            if (reason.trim()) onConfirm(reason.trim());
          }}
        >
          <h2 id="confirm-break-title" className="text-lg font-semibold text-slate-900">
            Pin {pending.sliceName} to wave {pending.toWave}?
          </h2>
          <p id="confirm-break-message" className="text-sm text-rose-800">
            {pending.message}
          </p>
          <p className="text-sm text-slate-700">The slice will be pinned there: the planner keeps it in that wave and reports the broken order as a violation until the pin is lifted.</p>
          <div>
            <label htmlFor="confirm-break-reason" className="block text-sm font-medium text-slate-800">
              Reason for breaking the order (required)
            </label>
            <textarea
              id="confirm-break-reason"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={500}
              rows={3}
              aria-invalid={missing || undefined}
              aria-describedby="confirm-break-reason-error"
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-rose-600"
            />
            <p id="confirm-break-reason-error" aria-live="polite" className="mt-1 text-xs text-rose-700">
              {missing ? "Say why this slice must break the order." : ""}
            </p>
          </div>
          <p role="status" aria-live="polite" className={error ? "rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800" : "sr-only"}>
            {error}
          </p>
          <div className="flex justify-end gap-3">
            <button type="button" className={secondaryButtonClass} onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className={buttonClass} disabled={isSaving}>
              {isSaving ? "Pinning…" : `Pin to wave ${pending.toWave}`}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
