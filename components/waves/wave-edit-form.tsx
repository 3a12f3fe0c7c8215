"use client";

import { Link } from "@/components/ui/link";
import { Field, TextareaField, buttonClass, secondaryButtonClass } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { updateWaveAction } from "@/lib/waves/actions";

export type WaveFormValues = { number: number; name: string; goal: string; plannedStart: string; plannedEnd: string };

/** Edits a wave's name, goal and planned dates; each error under its field, nothing typed lost. */
export function WaveEditForm({ slug, wave }: { slug: string; wave: WaveFormValues }) {
  const form = useActionForm(updateWaveAction.bind(null, slug));
  const field = (name: keyof Omit<WaveFormValues, "number">) => ({ name, errors: form.errorsOf(name), defaultValue: form.valueOf(name, wave[name]) });
  return (
    <form {...form.props} className="max-w-xl space-y-4" aria-label={`Edit wave ${wave.number}`}>
      <input type="hidden" name="number" value={wave.number} />
      <FormAlert form={form} />
      <Field label="Name" {...field("name")} maxLength={120} />
      <TextareaField label="Goal" {...field("goal")} rows={3} maxLength={1000} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Planned start" type="date" {...field("plannedStart")} />
        <Field label="Planned end" type="date" {...field("plannedEnd")} />
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass} disabled={form.isPending}>
          {form.isPending ? "Saving…" : "Save wave"}
        </button>
        <Link href={`/p/${slug}/waves`} className={secondaryButtonClass}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
