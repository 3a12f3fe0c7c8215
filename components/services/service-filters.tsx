import { Link } from "@/components/ui/link";
import { SERVICE_KINDS, STRATEGIES } from "@/lib/inventory/model";
import { SLICE_STATUSES, statusLabel } from "@/lib/slices/stages";
import type { ServiceFilters } from "@/lib/services/schemas";
import { AutoApply } from "@/components/ui/auto-apply";
import { FilterSelect, filterControlClass } from "@/components/ui/select";
import { strategyLabel } from "./labels";

type Options = { teams: { name: string }[]; waves: { number: number; name: string | null }[]; tags: string[] };

/**
 * The list's filters as a plain GET form: the URL is the state, so a filtered view can be
 * shared, bookmarked and reloaded, and the form works before any JavaScript loads. Each filter
 * applies as it changes (AutoApply); the button is there for a page without script. The columns
 * are at least 11rem wide, enough for the longest team name on one line.
 */
export function ServiceFiltersForm({ slug, filters, options }: { slug: string; filters: ServiceFilters; options: Options }) {
  return (
    <form method="get" role="search" aria-label="Filter services" className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[repeat(auto-fill,minmax(11rem,1fr))]">
      <AutoApply />
      <label className="col-span-2 text-sm">
        <span className="text-slate-700">Search</span>
        <input type="search" name="q" defaultValue={filters.q ?? ""} placeholder="Name, description or system" className={filterControlClass} />
      </label>
      <FilterSelect name="team" label="Team" value={filters.team[0]} choices={[["none", "No team"], ...options.teams.map((t): [string, string] => [t.name, t.name])]} />
      <FilterSelect name="kind" label="Kind" value={filters.kind[0]} choices={SERVICE_KINDS.map((k) => [k, k])} />
      <FilterSelect name="stateful" label="State" value={filters.stateful} choices={[["yes", "Stateful"], ["no", "Stateless"]]} />
      <FilterSelect name="strategy" label="Strategy" value={filters.strategy[0]} choices={STRATEGIES.map((st) => [st, strategyLabel[st]])} />
      <FilterSelect name="tier" label="Tier" value={filters.tier[0]?.toString()} choices={[1, 2, 3, 4].map((n) => [String(n), `Tier ${n}`])} />
      <FilterSelect
        name="wave"
        label="Wave"
        value={filters.wave[0]?.toString()}
        choices={[["none", "No wave"], ...options.waves.map((w): [string, string] => [String(w.number), w.name ? `${w.number}: ${w.name}` : `Wave ${w.number}`])]}
      />
      <FilterSelect name="status" label="Slice status" value={filters.status[0]} choices={[["unsliced", "Not in a slice"], ...SLICE_STATUSES.map((st): [string, string] => [st, statusLabel[st]])]} />
      <FilterSelect name="tag" label="Tag" value={filters.tag[0]} choices={options.tags.map((t) => [t, t])} />
      <input type="hidden" name="sort" value={filters.sort} />
      <input type="hidden" name="dir" value={filters.dir} />
      <input type="hidden" name="size" value={filters.size} />
      <div className="col-span-full flex items-end gap-2">
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
          Apply filters
        </button>
        <Link href={`/p/${slug}/services`} className="rounded-md px-3 py-1.5 text-sm text-slate-700 underline-offset-2 hover:underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}

/** Page links that keep every other parameter of the current view. */
export function Pagination({ params, page, pageCount, total, size }: { params: URLSearchParams; page: number; pageCount: number; total: number; size: number }) {
  const href = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p>
        Showing {from}–{to} of {total} services · page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={link} rel="prev">
            Previous page
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={href(page + 1)} className={link} rel="next">
            Next page
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
