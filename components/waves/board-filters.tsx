import Link from "next/link";
import { SLICE_STATUSES, statusLabel } from "@/lib/slices/stages";
import type { BoardFilters as Filters } from "@/lib/waves/board";
import { secondaryButtonClass } from "@/components/ui/field";

const selectClass = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Team and status filters as a plain GET form, so they live in the URL and work without script. */
export function BoardFilters({ slug, teams, filters }: { slug: string; teams: string[]; filters: Filters }) {
  return (
    <form method="get" action={`/p/${slug}/waves`} className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter slices">
      <div>
        <label htmlFor="filter-team" className="block text-sm font-medium text-slate-800">
          Team
        </label>
        <select id="filter-team" name="team" defaultValue={filters.team ?? ""} className={selectClass}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-status" className="block text-sm font-medium text-slate-800">
          Status
        </label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? ""} className={selectClass}>
          <option value="">All statuses</option>
          {SLICE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel[s]}
            </option>
          ))}
        </select>
      </div>
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
