"use client";

import { buttonClass, SelectField } from "@/components/ui/field";
import { FormAlert, useActionForm, type FormAction } from "@/components/ui/form";

/**
 * The time zone the programme's report weeks are counted in (Monday 00:00 there), for those who
 * may edit the programme. The choices are the zones this runtime knows, so nothing else can be
 * picked; the server checks the name again.
 */
export function TimeZoneForm({ action, timeZone, zones }: { action: FormAction<{ timeZone: string }>; timeZone: string; zones: string[] }) {
  const form = useActionForm(action);
  const choices = (zones.includes(timeZone) ? zones : [timeZone, ...zones]).map((z) => [z, z.replaceAll("_", " ")] as const);
  return (
    <form {...form.props} aria-label="Report time zone" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <SelectField
        id="report-time-zone"
        name="timeZone"
        label="Weeks are counted in"
        hint="A week runs from Monday 00:00 to Sunday 24:00 in this time zone. Closed weeks keep the days they were issued with."
        choices={choices}
        defaultValue={form.valueOf("timeZone", timeZone)}
        errors={form.errorsOf("timeZone")}
        className="sm:w-96"
      />
      <button type="submit" className={buttonClass} disabled={form.isPending}>
        {form.isPending ? "Saving…" : "Save time zone"}
      </button>
      <FormAlert form={form} success="Time zone saved." label="Time zone result" inline />
    </form>
  );
}
