import type { AuditFilters } from "@/lib/audit/schemas";
import { buttonClass, secondaryButtonClass } from "@/components/ui/field";

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: the filters live in the URL, so a filtered view can be shared. */
export function AuditFiltersForm({ filters, entityTypes, exportHref }: { filters: AuditFilters; entityTypes: string[]; exportHref: string }) {
  return (
    <form method="get" className="mb-5 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filter the audit log">
      <label className="text-sm">
        Actor
        <input name="actor" defaultValue={filters.actor} className={input} placeholder="name contains…" />
      </label>
      <label className="text-sm">
        Entity
        <select name="entity" defaultValue={filters.entity ?? ""} className={input}>
          <option value="">Any</option>
          {entityTypes.map((t) => (
            <option key={t} value={t}>
              {t.replace(/_/g, " ")}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        From
        <input type="date" name="from" defaultValue={filters.from} className={input} />
      </label>
      <label className="text-sm">
        To
        <input type="date" name="to" defaultValue={filters.to} className={input} />
      </label>
      <button type="submit" className={buttonClass}>
        Filter
      </button>
      <a href={exportHref} className={secondaryButtonClass} download>
        Export CSV
      </a>
    </form>
  );
}
