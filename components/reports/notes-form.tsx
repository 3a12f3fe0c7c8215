"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { ReportNotes, WeekKey } from "@/lib/reports/types";
import { buttonClass, FormError } from "@/components/ui/field";

type Action = (previous: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export const NOTES_MAX = 5_000;

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-rose-600";

function TextArea({ name, label, hint, value, onChange, errors }: { name: "notes" | "asks"; label: string; hint: string; value: string; onChange: (v: string) => void; errors?: string[] }) {
  const id = `report-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {hint}
      </p>
      <textarea
        id={id}
        name={name}
        rows={4}
        maxLength={NOTES_MAX}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ""}`}
        className={control}
      />
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-xs text-rose-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

/**
 * The manager's notes and asks for one week. Controlled fields: React resets a form once its
 * action has run, and what was typed must survive a refused save. Plain text: it is shown as
 * typed everywhere, never as markup.
 */
export function NotesForm({ action, week, notes }: { action: Action; week: WeekKey; notes: ReportNotes }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [text, setText] = useState(notes.notes);
  const [asks, setAsks] = useState(notes.asks);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} noValidate aria-label="Notes and asks" className="space-y-3">
      <input type="hidden" name="week" value={week} />
      <TextArea name="notes" label="Notes" hint="What stakeholders should know this week. Plain text." value={text} onChange={setText} errors={errors.notes} />
      <TextArea name="asks" label="Asks" hint="What you need from stakeholders: decisions, people, unblocking." value={asks} onChange={setAsks} errors={errors.asks} />
      <FormError message={state && !state.ok ? state.formError : undefined} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass} disabled={isPending}>
          {isPending ? "Saving…" : "Save notes"}
        </button>
        <p role="status" aria-live="polite" className="text-xs text-emerald-800">
          {state?.ok ? (state.message ?? "Saved.") : ""}
        </p>
      </div>
      <NotesStamp notes={notes} />
    </form>
  );
}

/** Who last saved the notes, and when. */
export function NotesStamp({ notes }: { notes: ReportNotes }) {
  if (!notes.updatedAt) return null;
  return (
    <p className="text-xs text-slate-500">
      Last saved {new Date(notes.updatedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC{notes.author ? ` by ${notes.author}` : ""}
    </p>
  );
}
