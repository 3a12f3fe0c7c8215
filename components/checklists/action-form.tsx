"use client";
import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";

type Action = (previous: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/**
 * A form over one server action with its outcome announced (aria-live): the success text, or
 * the error and each field's message. Fields come from the server page as children.
 */
export function ActionForm({ action, label, submit, success, children, tone = "primary" }: { action: Action; label: string; submit: string; success: string; children?: ReactNode; tone?: "primary" | "danger" }) {
  const [state, formAction, pending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? Object.entries(state.fieldErrors) : [];
  const button = tone === "danger" ? "border border-rose-700 text-rose-800 hover:bg-rose-50" : "bg-brand-600 text-white hover:bg-brand-700";
  return (
    <form action={formAction} aria-label={label} className="space-y-3">
      {children}
      <button type="submit" disabled={pending} className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${button}`}>
        {pending ? "Saving…" : submit}
      </button>
      <div role="status" aria-live="polite" aria-label={`${label}: result`} className="min-h-5 text-sm">
        {state?.ok ? <p className="text-emerald-800">{success}</p> : null}
        {state && !state.ok ? (
          <div className="text-rose-800">
            <p className="font-medium">{state.formError}</p>
            {fieldErrors.length ? (
              <ul className="list-disc pl-5">
                {fieldErrors.map(([field, messages]) => (
                  <li key={field}>
                    {field}: {messages.join("; ")}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}
