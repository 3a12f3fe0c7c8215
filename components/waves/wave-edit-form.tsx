"use client";

import { useActionState, useState } from "react";
import Link from "next/link";
import { Field, FormError, buttonClass, secondaryButtonClass } from "@/components/ui/field";
import { updateWaveAction } from "@/lib/waves/actions";

export type WaveFormValues = { number: number; name: string; goal: string; plannedStart: string; plannedEnd: string };

/** Edits a wave's name, goal and planned dates; errors are announced beside their fields. */
export function WaveEditForm({ slug, wave }: { slug: string; wave: WaveFormValues }) {
  const [state, action, isPending] = useActionState(updateWaveAction.bind(null, slug), null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  // Controlled: React resets a form after its action runs, which would wipe what was typed when the save fails.
  const [values, setValues] = useState(wave);
  const bind = (field: keyof Omit<WaveFormValues, "number">) => ({ value: values[field], onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })) });
  return (
    <form action={action} className="max-w-xl space-y-4">
      <input type="hidden" name="number" value={wave.number} />
      <Field label="Name" name="name" {...bind("name")} errors={errors.name} maxLength={120} />
      <div>
        <label htmlFor="field-goal" className="block text-sm font-medium text-slate-800">
          Goal
        </label>
        <textarea id="field-goal" name="goal" {...bind("goal")} rows={3} maxLength={1000} aria-describedby="field-goal-error" aria-invalid={errors.goal?.length ? true : undefined} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        <p id="field-goal-error" aria-live="polite" className="mt-1 text-xs text-rose-700">
          {errors.goal?.join(" ")}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-4">
        <Field label="Planned start" name="plannedStart" type="date" {...bind("plannedStart")} errors={errors.plannedStart} />
        <Field label="Planned end" name="plannedEnd" type="date" {...bind("plannedEnd")} errors={errors.plannedEnd} />
      </div>
      <FormError message={state && !state.ok ? state.formError : undefined} />
      <div className="flex gap-3">
        <button type="submit" className={buttonClass} disabled={isPending}>
          {isPending ? "Saving…" : "Save wave"}
        </button>
        <Link href={`/p/${slug}/waves`} className={secondaryButtonClass}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
