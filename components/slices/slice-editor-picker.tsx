"use client";

import { useId, useState } from "react";
import { filterControlClass } from "@/components/ui/select";

export type PickableService = { id: string; name: string; kind: string; team: { name: string } | null };

/**
 * Checkboxes for choosing services, with a filter for long lists: the boxes stay in the form
 * (hidden ones keep their ticks), so what was chosen before filtering is still sent.
 */
export function ServicePicker({ name, legend, services, checked, errors }: { name: string; legend: string; services: PickableService[]; checked: (id: string) => boolean; errors?: string[] }) {
  const [query, setQuery] = useState("");
  const id = useId();
  const q = query.trim().toLowerCase();
  const shown = (s: PickableService) => !q || s.name.toLowerCase().includes(q) || (s.team?.name.toLowerCase().includes(q) ?? false);
  const count = services.filter(shown).length;
  return (
    <fieldset className="min-w-0 rounded-md border border-slate-200 p-3" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="px-1 text-sm font-medium text-slate-800">{legend}</legend>
      {services.length > 8 ? (
        <label className="mb-2 block text-xs">
          <span className="text-slate-700">Filter by name or team</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={filterControlClass} aria-controls={`${id}-list`} />
          <span role="status" className="sr-only">
            {count} of {services.length} shown
          </span>
        </label>
      ) : null}
      <ul id={`${id}-list`} className="max-h-56 space-y-1 overflow-y-auto text-sm">
        {services.map((s) => (
          <li key={s.id} hidden={!shown(s)}>
            <label className="flex items-start gap-2">
              <input type="checkbox" name={name} value={s.id} defaultChecked={checked(s.id)} className="mt-0.5 h-4 w-4" aria-invalid={errors?.length ? true : undefined} />
              <span className="break-words">
                {s.name} <span className="text-xs text-slate-600">· {s.kind}{s.team ? ` · ${s.team.name}` : ""}</span>
              </span>
            </label>
          </li>
        ))}
        {services.length === 0 ? <li className="text-slate-600">No service is outside a slice.</li> : null}
      </ul>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-rose-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
