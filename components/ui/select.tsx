import type { SelectHTMLAttributes } from "react";

/**
 * Ferry's select is the browser's own <select>, styled (ADR 23): it is keyboard operable,
 * labelled and announced everywhere, opens the platform picker on a phone, submits with its
 * form before any script loads, and renders on the server. A scripted listbox (Radix Select)
 * would give up all of that for looks.
 */
export const selectClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 disabled:bg-slate-100 disabled:text-slate-500 aria-[invalid=true]:border-rose-600";

/** The control style of the GET filter forms' text and date inputs, matching the selects. */
export const filterControlClass = selectClass;

export type SelectChoices = readonly (readonly [value: string, label: string])[];

/** A styled native select; label it (a wrapping <label>, htmlFor or aria-label). */
export function Select({ choices, className = selectClass, children, ...props }: { choices?: SelectChoices } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select className={className} {...props}>
      {children}
      {choices?.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}

/**
 * One labelled select of a GET filter form: the URL is the state, so a filtered view can be
 * shared and works before any script loads. The empty value means "any" (`any` names it;
 * null leaves it out for selects that always have a value).
 */
export function FilterSelect({ name, label, value, choices, any = "Any" }: { name: string; label: string; value?: string; choices: SelectChoices; any?: string | null }) {
  return (
    <label className="text-sm">
      <span className="text-slate-700">{label}</span>
      <Select name={name} defaultValue={value ?? ""} choices={choices}>
        {any === null ? null : <option value="">{any}</option>}
      </Select>
    </label>
  );
}
