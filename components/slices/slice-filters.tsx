import { Link } from "@/components/ui/link";
import { SLICE_STATUSES, STAGES, stageLabel, statusLabel } from "@/lib/slices/stages";
import type { SliceListFilters } from "@/lib/slices/schemas";
import { AutoApply } from "@/components/ui/auto-apply";
import { FilterSelect, filterControlClass } from "@/components/ui/select";

type Options = { teams: { id: string; name: string }[]; waves: { number: number; name: string | null }[] };

/** Filters as a plain GET form, so every view is a URL that can be shared and bookmarked; each applies as it changes. */
export function SliceFilters({ base, filters, options, isLead, showingMine }: { base: string; filters: SliceListFilters; options: Options; isLead: boolean; showingMine: boolean }) {
  return (
    <form method="get" action={base} aria-label="Filter slices" className="mb-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[repeat(auto-fill,minmax(11rem,1fr))]">
      <AutoApply />
      {isLead ? <FilterSelect name="view" label="Show" value={showingMine ? "mine" : "all"} any={null} choices={[["mine", "My teams' slices"], ["all", "All slices"]]} /> : null}
      <FilterSelect name="team" label="Team" value={filters.team} any="Any team" choices={options.teams.map((t) => [t.id, t.name])} />
      <FilterSelect name="wave" label="Wave" value={filters.wave?.toString()} any="Any wave" choices={options.waves.map((w) => [String(w.number), `Wave ${w.number}${w.name ? `: ${w.name}` : ""}`])} />
      <FilterSelect name="stage" label="Stage" value={filters.stage} any="Any stage" choices={STAGES.map((st) => [st, stageLabel(st)])} />
      <FilterSelect name="status" label="Status" value={filters.status} any="Any status" choices={SLICE_STATUSES.map((st) => [st, statusLabel[st]])} />
      <label className="text-sm">
        <span className="text-slate-700">Name or service</span>
        <input name="q" defaultValue={filters.q ?? ""} className={filterControlClass} />
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="blocked" value="1" defaultChecked={filters.blocked === "1"} className="h-4 w-4" />
        Blocked only
      </label>
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          Apply filters
        </button>
        <Link href={isLead ? `${base}?view=all` : base} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800">
          Clear
        </Link>
      </div>
    </form>
  );
}
