"use client";

import { useId, useState } from "react";
import { filterControlClass } from "@/components/ui/select";

/** One checkbox of a picker: its label, the words after it, and the text its filter matches. */
export type PickerOption = { id: string; label: string; detail: string; search: string };

export type PickableService = { id: string; name: string; kind: string; team: { name: string } | null };

/** Lists of this length or more get a filter. */
const FILTER_FROM = 9;

/**
 * Checkboxes for choosing from a list (services, slices), with a filter by name or team for
 * long lists: the boxes stay in the form (hidden ones keep their ticks), so what was chosen
 * before filtering is still sent.
 */
export function CheckboxPicker({
  name,
  legend,
  options,
  checked,
  errors,
  empty,
}: {
  name: string;
  legend: string;
  options: PickerOption[];
  checked: (id: string) => boolean;
  errors?: string[];
  /** Said in the list when there is nothing to choose (a form that offers nothing then may say so itself instead). */
  empty?: string;
}) {
  const [query, setQuery] = useState("");
  const id = useId();
  const q = query.trim().toLowerCase();
  const shown = (o: PickerOption) => !q || o.search.includes(q);
  const count = options.filter(shown).length;
  return (
    <fieldset className="min-w-0 rounded-md border border-slate-200 p-3" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="px-1 text-sm font-medium text-slate-800">{legend}</legend>
      {options.length >= FILTER_FROM ? (
        <label className="mb-2 block text-xs">
          <span className="text-slate-700">Filter by name or team</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={filterControlClass} aria-controls={`${id}-list`} />
          <span role="status" className="sr-only">
            {count} of {options.length} shown
          </span>
        </label>
      ) : null}
      <ul id={`${id}-list`} className="max-h-56 space-y-1 overflow-y-auto text-sm">
        {options.map((o) => (
          <li key={o.id} hidden={!shown(o)}>
            <label className="flex items-start gap-2">
              <input type="checkbox" name={name} value={o.id} defaultChecked={checked(o.id)} className="mt-0.5 h-4 w-4" aria-invalid={errors?.length ? true : undefined} />
              <span className="break-words">
                {o.label} <span className="text-xs text-slate-600">{o.detail}</span>
              </span>
            </label>
          </li>
        ))}
        {options.length === 0 && empty ? <li className="text-slate-600">{empty}</li> : null}
        {options.length > 0 && count === 0 ? <li className="text-slate-600">Nothing matches “{query.trim()}”.</li> : null}
      </ul>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-rose-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The filter matches what a person sees: the label and the team. */
export const pickerOption = (id: string, label: string, detail: string[], team: string | null): PickerOption => ({
  id,
  label,
  detail: detail.map((d) => `· ${d}`).join(" "),
  search: `${label}\n${team ?? ""}`.toLowerCase(),
});

/** Services as picker options: name, then kind and owner team. */
export const serviceOptions = (services: PickableService[]): PickerOption[] => services.map((s) => pickerOption(s.id, s.name, [s.kind, ...(s.team ? [s.team.name] : [])], s.team?.name ?? null));

/** Services to choose from: those in no slice. */
export function ServicePicker({ services, ...rest }: { name: string; legend: string; services: PickableService[]; checked: (id: string) => boolean; errors?: string[] }) {
  return <CheckboxPicker {...rest} options={serviceOptions(services)} empty="No service is outside a slice." />;
}
