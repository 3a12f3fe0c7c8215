"use client";

import { setWaveCadenceAction } from "@/lib/waves/actions";
import { buttonClass, CheckboxField, Field } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";

/** The programme's wave cadence: how long a wave lasts and when wave 1 starts (empty both: none). */
export function CadenceForm({ slug, waveLengthWeeks, wavesStartOn, undated }: { slug: string; waveLengthWeeks: number | null; wavesStartOn: string | null; undated: number }) {
  const form = useActionForm(setWaveCadenceAction.bind(null, slug));
  const dated = form.state?.ok ? form.state.data.dated : 0;
  return (
    <form {...form.props} aria-label="Wave cadence" className="space-y-4">
      <FormAlert form={form} success={dated ? `Saved; ${dated} wave${dated === 1 ? "" : "s"} dated.` : "Saved."} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="cadence-length" label="Wave length (weeks)" name="waveLengthWeeks" type="number" min={1} max={52} inputMode="numeric" errors={form.errorsOf("waveLengthWeeks")} defaultValue={form.valueOf("waveLengthWeeks", waveLengthWeeks)} />
        <Field id="cadence-start" label="Wave 1 starts on" name="wavesStartOn" type="date" errors={form.errorsOf("wavesStartOn")} defaultValue={form.valueOf("wavesStartOn", wavesStartOn)} />
      </div>
      {undated > 0 ? (
        <CheckboxField
          id="cadence-date-undated"
          label={`Also date the ${undated} wave${undated === 1 ? "" : "s"} that ${undated === 1 ? "has" : "have"} no dates yet`}
          hint="Waves with dates keep them."
          name="dateUndated"
          defaultChecked={form.checkedOf("dateUndated", true)}
        />
      ) : null}
      <button type="submit" className={buttonClass} disabled={form.isPending}>
        Save the cadence
      </button>
    </form>
  );
}
