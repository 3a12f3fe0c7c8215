"use client";

import { useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export type PendingBreak = { sliceName: string; toWave: number; message: string; returnFocusTo: HTMLElement | null };

const REASON_REQUIRED = "Say why this slice must break the order.";

/**
 * The confirmation a move against the order needs: what it breaks, a required reason, and
 * the word "pin" so nobody is surprised the planner keeps it there. Keyed by the caller on
 * the move, so each one starts with an empty reason.
 */
export function ConfirmBreakDialog({ pending, error, onConfirm, onCancel, isSaving }: { pending: PendingBreak | null; error: string | null; onConfirm: (reason: string) => void; onCancel: () => void; isSaving: boolean }) {
  const [reason, setReason] = useState("");
  const [touched, setTouched] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const missing = touched && reason.trim() === "";
  return (
    <ConfirmDialog
      open={pending !== null}
      title={pending ? `Pin ${pending.sliceName} to wave ${pending.toWave}?` : ""}
      description={
        <>
          <p className="text-rose-800">{pending?.message}</p>
          <p>The slice will be pinned there: the planner keeps it in that wave and reports the broken order as a violation until the pin is lifted.</p>
        </>
      }
      confirmLabel={`Pin to wave ${pending?.toWave ?? ""}`}
      pendingLabel="Pinning…"
      isPending={isSaving}
      error={error}
      initialFocus={reasonRef}
      returnFocusTo={pending?.returnFocusTo}
      onCancel={onCancel}
      onConfirm={() => {
        setTouched(true);
        if (reason.trim()) onConfirm(reason.trim());
      }}
    >
      <div>
        <label htmlFor="confirm-break-reason" className="block text-sm font-medium text-slate-800">
          Reason for breaking the order (required)
        </label>
        <textarea
          ref={reasonRef}
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
          {missing ? REASON_REQUIRED : ""}
        </p>
      </div>
    </ConfirmDialog>
  );
}
