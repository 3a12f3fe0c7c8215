"use client";

import { startTransition, useActionState, useState } from "react";
import type { WeekKey } from "@/lib/reports/types";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { secondaryButtonClass } from "@/components/ui/field";
import type { FormAction } from "@/components/ui/form";
import { weekLabel } from "./format";

/**
 * "Close this week", for managers on a week that has ended: after a confirmation, the report
 * is stored as issued with its notes. The page then shows the closed state.
 */
export function CloseWeek({ action, week }: { action: FormAction<unknown>; week: WeekKey }) {
  const [state, formAction, isPending] = useActionState(action, null);
  // The result showing when the dialog opened (undefined: closed). A success since closes it.
  const [openedWith, setOpenedWith] = useState<typeof state | undefined>(undefined);
  const open = openedWith !== undefined && !(state?.ok && state !== openedWith);
  const setOpen = (next: boolean) => setOpenedWith(next ? state : undefined);
  return (
    <section aria-labelledby="close-week" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="close-week" className="text-base font-semibold text-slate-900">
        Close this week
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-700">
        Closing stores this report and its notes as issued. Corrections to history made later show in the next week&apos;s report, and this week&apos;s exports say that corrections exist.
      </p>
      <button type="button" className={`${secondaryButtonClass} mt-3`} onClick={() => setOpen(true)}>
        Close this week
      </button>
      <ConfirmDialog
        open={open}
        title={`Close ${weekLabel(week)}?`}
        description={<p>The report is stored as it reads now, notes included, and cannot be edited afterwards.</p>}
        confirmLabel="Close the week"
        pendingLabel="Closing…"
        isPending={isPending}
        error={state && !state.ok && state !== openedWith ? state.formError : null}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          const form = new FormData();
          form.set("week", week);
          startTransition(() => formAction(form));
        }}
      />
    </section>
  );
}
