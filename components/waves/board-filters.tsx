import { Link } from "@/components/ui/link";
import { SLICE_STATUSES, statusLabel } from "@/lib/slices/stages";
import type { BoardFilters as Filters } from "@/lib/waves/board";
import { secondaryButtonClass } from "@/components/ui/field";
import { AutoApply } from "@/components/ui/auto-apply";
import { FilterSelect } from "@/components/ui/select";

/** Team and status filters as a plain GET form, so they live in the URL and work without script; each applies as it changes. */
export function BoardFilters({ slug, teams, filters }: { slug: string; teams: string[]; filters: Filters }) {
  return (
    <form method="get" action={`/p/${slug}/waves`} className="mb-4 flex flex-wrap items-end gap-3 [&_select]:min-w-44" aria-label="Filter slices">
      <AutoApply />
      <FilterSelect name="team" label="Team" value={filters.team} any="All teams" choices={teams.map((t) => [t, t])} />
      <FilterSelect name="status" label="Status" value={filters.status} any="All statuses" choices={SLICE_STATUSES.map((st) => [st, statusLabel[st]])} />
      <button type="submit" className={secondaryButtonClass}>
        Filter
      </button>
      {filters.team || filters.status ? (
        <Link href={`/p/${slug}/waves`} className="py-2 text-sm font-medium text-brand-700 underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
