import type { AuditFilters } from "@/lib/audit/schemas";
import { kindOf } from "@/lib/events/describe";
import { buttonClass, secondaryButtonClass } from "@/components/ui/field";
import { AutoApply } from "@/components/ui/auto-apply";
import { FilterSelect, filterControlClass } from "@/components/ui/select";

/** A plain GET form: the filters live in the URL, so a filtered view can be shared; each applies as it changes. */
export function AuditFiltersForm({ filters, entityTypes, exportHref }: { filters: AuditFilters; entityTypes: string[]; exportHref: string }) {
  return (
    <form method="get" className="mb-5 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filter the audit log">
      <AutoApply />
      <label className="text-sm">
        Actor
        <input name="actor" defaultValue={filters.actor} className={filterControlClass} placeholder="name contains…" />
      </label>
      <FilterSelect name="entity" label="Entity" value={filters.entity} choices={entityTypes.map((t) => [t, kindOf(t)])} />
      <label className="text-sm">
        From
        <input type="date" name="from" defaultValue={filters.from} className={filterControlClass} />
      </label>
      <label className="text-sm">
        To
        <input type="date" name="to" defaultValue={filters.to} className={filterControlClass} />
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
