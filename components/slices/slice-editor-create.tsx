"use client";

import { createSliceAction } from "@/lib/slices/editor-actions";
import { buttonClass, Field, SelectField } from "@/components/ui/field";
import { FormAlert, useActionForm } from "@/components/ui/form";
import { ServicePicker, type PickableService } from "./slice-editor-picker";

type Options = { teams: { id: string; name: string }[]; waves: { number: number; name: string | null }[]; services: PickableService[] };

/** A manager's new slice from services in no slice yet; it opens once made. Folded away until asked for. */
export function NewSliceForm({ slug, options }: { slug: string; options: Options }) {
  const form = useActionForm(createSliceAction.bind(null, slug));
  if (options.teams.length === 0) return null;
  return (
    <details className="mb-4 rounded-lg border border-slate-200 bg-white p-4" open={form.failure ? true : undefined}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">New slice from services</summary>
      <form {...form.props} aria-label="New slice" className="mt-3 grid gap-3 md:grid-cols-3">
        <FormAlert form={form} className="md:col-span-3" />
        <Field id="new-slice-name" label="Name" name="name" required maxLength={120} errors={form.errorsOf("name")} defaultValue={form.valueOf("name", "")} />
        <SelectField id="new-slice-team" label="Owner team" name="teamId" errors={form.errorsOf("teamId")} defaultValue={form.valueOf("teamId", options.teams[0].id)} choices={options.teams.map((t) => [t.id, t.name] as const)} />
        <SelectField
          id="new-slice-wave"
          label="Wave"
          name="wave"
          errors={form.errorsOf("wave")}
          defaultValue={form.valueOf("wave", "")}
          choices={[["", "Not in a wave yet"] as const, ...options.waves.map((w) => [String(w.number), `Wave ${w.number}${w.name ? `: ${w.name}` : ""}`] as const)]}
        />
        <div className="md:col-span-3">
          <ServicePicker name="serviceIds" legend="Services (in no slice yet)" services={options.services} checked={(id) => form.checkedOf("serviceIds", false, id)} errors={form.errorsOf("serviceIds")} />
        </div>
        <div className="md:col-span-3">
          <button type="submit" className={buttonClass} disabled={form.isPending || options.services.length === 0}>
            Create the slice
          </button>
        </div>
      </form>
    </details>
  );
}
