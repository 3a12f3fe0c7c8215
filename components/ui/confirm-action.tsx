"use client";

import { startTransition, useActionState, useState, type ReactNode } from "react";
import { ConfirmDialog } from "./confirm-dialog";
import type { FormAction } from "./form";

type Props<T> = {
  /** The server action, its programme slug bound. */
  action: FormAction<T>;
  /** The form fields the action reads (ids); nothing here is typed by the person. */
  fields: Record<string, string>;
  /** The button's visible text, and its accessible name when the text alone is ambiguous in a list. */
  label: string;
  ariaLabel?: string;
  buttonClassName?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  /** Said beside the button once the action succeeded (when its row stays on the page). */
  success?: string;
};

/**
 * A button for an action that destroys or withdraws something (remove a member, revoke a
 * token): it asks first in a modal confirmation, runs the action on confirm, shows a refusal
 * inside the dialog and closes it on success.
 */
export function ConfirmAction<T>({ action, fields, label, ariaLabel, buttonClassName = "text-sm text-rose-700 underline", title, description, confirmLabel, pendingLabel, success }: Props<T>) {
  const [state, run, isPending] = useActionState(action, null);
  // The result showing when the dialog opened (undefined: closed); a success since closes it.
  const [openedWith, setOpenedWith] = useState<typeof state | undefined>(undefined);
  const open = openedWith !== undefined && !(state?.ok && state !== openedWith);
  return (
    <>
      <button type="button" className={buttonClassName} aria-label={ariaLabel} onClick={() => setOpenedWith(state)}>
        {label}
      </button>
      <span role="status" className="ml-2 text-xs text-emerald-800">
        {state?.ok && !open && success ? success : null}
      </span>
      <ConfirmDialog
        open={open}
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        pendingLabel={pendingLabel}
        isPending={isPending}
        error={state && !state.ok && state !== openedWith ? state.formError : null}
        onCancel={() => setOpenedWith(undefined)}
        onConfirm={() => {
          const form = new FormData();
          for (const [name, value] of Object.entries(fields)) form.set(name, value);
          startTransition(() => run(form));
        }}
      />
    </>
  );
}
