"use client";

import * as Alert from "@radix-ui/react-alert-dialog";
import type { ReactNode, RefObject } from "react";
import { buttonClass, secondaryButtonClass } from "./field";

type Props = {
  open: boolean;
  /** The question, which names the dialog: "Pin Shipping to wave 1?". */
  title: string;
  /** What confirming does or breaks; read out with the title. */
  description: ReactNode;
  /** Fields the confirmation needs (a reason), inside the dialog's form. */
  children?: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  isPending?: boolean;
  /** The server's refusal, announced politely. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** Focused when the dialog opens instead of Cancel (a field the confirmation requires). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Focused when the dialog closes: the control that opened it, when it was not a trigger of its own. */
  returnFocusTo?: HTMLElement | null;
};

/**
 * A confirmation (WAI-ARIA alertdialog, from Radix): modal, focus trapped inside, Escape or
 * Cancel cancels, a click outside does nothing. Confirming submits the form and leaves the
 * dialog open until the caller closes it, so a refusal can be shown in place.
 */
export function ConfirmDialog({ open, title, description, children, confirmLabel, pendingLabel, isPending = false, error, onConfirm, onCancel, initialFocus, returnFocusTo }: Props) {
  return (
    <Alert.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) onCancel();
      }}
    >
      <Alert.Portal>
        <Alert.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Alert.Content
          onOpenAutoFocus={(event) => {
            if (!initialFocus?.current) return;
            event.preventDefault();
            initialFocus.current.focus();
          }}
          onCloseAutoFocus={(event) => {
            if (!returnFocusTo?.isConnected) return;
            event.preventDefault();
            returnFocusTo.focus();
          }}
          className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-slate-200 bg-white shadow-xl"
        >
          <form
            className="space-y-4 p-5"
            onSubmit={(event) => {
              event.preventDefault();
              onConfirm();
            }}
          >
            <Alert.Title className="text-lg font-semibold text-slate-900">{title}</Alert.Title>
            <Alert.Description asChild>
              <div className="space-y-2 text-sm text-slate-700">{description}</div>
            </Alert.Description>
            {children}
            <p role="status" aria-live="polite" className={error ? "rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800" : "sr-only"}>
              {error}
            </p>
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
              <Alert.Cancel type="button" className={secondaryButtonClass}>
                Cancel
              </Alert.Cancel>
              <button type="submit" className={buttonClass} disabled={isPending}>
                {isPending && pendingLabel ? pendingLabel : confirmLabel}
              </button>
            </div>
          </form>
        </Alert.Content>
      </Alert.Portal>
    </Alert.Root>
  );
}
