/** The control style of the GET filter forms (services, slices, the wave board, the audit log). */
export const filterControlClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * One labelled select of a GET filter form: the URL is the state, so a filtered view can be
 * shared and works before any script loads. The empty value means "any" (`any` names it;
 * null leaves it out for selects that always have a value).
 */
export function FilterSelect({ name, label, value, choices, any = "Any" }: { name: string; label: string; value?: string; choices: readonly (readonly [string, string])[]; any?: string | null }) {
  return (
    <label className="text-sm">
      <span className="text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={filterControlClass}>
        {any === null ? null : <option value="">{any}</option>}
        {choices.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}
