import type { AuditChoices, AuditFilters } from "@/lib/audit/schemas";
import { actionLabel, kindOf } from "@/lib/events/describe";
import { buttonClass, secondaryButtonClass } from "@/components/ui/field";
import { AutoApply } from "@/components/ui/auto-apply";
import { FilterSelect, filterControlClass } from "@/components/ui/select";

/**
 * A plain GET form: the filters live in the URL, so a filtered view can be shared; each applies
 * as it changes. The actions offered are those of the chosen entity (all, when none is chosen).
 */
export function AuditFiltersForm({ filters, choices, exportHref }: { filters: AuditFilters; choices: AuditChoices; exportHref: string }) {
  const actions = choices.actions.filter((a) => !filters.entity || a.entityType === filters.entity).map((a) => a.action);
  return (
    <form method="get" className="mb-5 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filter the audit log">
      <AutoApply />
      <label className="text-sm">
        Actor
        <input name="actor" defaultValue={filters.actor} className={filterControlClass} placeholder="name contains…" />
      </label>
      <FilterSelect name="entity" label="Entity" value={filters.entity} choices={choices.entityTypes.map((t) => [t, kindOf(t)])} />
      <FilterSelect name="action" label="Action" value={filters.action} choices={[...new Set(actions)].map((a) => [a, actionLabel(a)])} />
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
