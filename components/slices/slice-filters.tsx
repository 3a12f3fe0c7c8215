import Link from "next/link";
import { SLICE_STATUSES, STAGES, stageLabel, statusLabel } from "@/lib/slices/stages";
import type { SliceListFilters } from "@/lib/slices/schemas";

type Options = { teams: { id: string; name: string }[]; waves: { number: number; name: string | null }[] };
const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Filters as a plain GET form, so every view is a URL that can be shared and bookmarked. */
export function SliceFilters({ base, filters, options, isLead, showingMine }: { base: string; filters: SliceListFilters; options: Options; isLead: boolean; showingMine: boolean }) {
  return (
    <form method="get" action={base} aria-label="Filter slices" className="mb-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4 xl:grid-cols-7">
      {isLead ? (
        <label className="text-sm">
          <span className="text-slate-700">Show</span>
          <select name="view" defaultValue={showingMine ? "mine" : "all"} className={control}>
            <option value="mine">My teams&apos; slices</option>
            <option value="all">All slices</option>
          </select>
        </label>
      ) : null}
      <label className="text-sm">
        <span className="text-slate-700">Team</span>
        <select name="team" defaultValue={filters.team ?? ""} className={control}>
          <option value="">Any team</option>
          {options.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="text-slate-700">Wave</span>
        <select name="wave" defaultValue={filters.wave ?? ""} className={control}>
          <option value="">Any wave</option>
          {options.waves.map((w) => (
            <option key={w.number} value={w.number}>
              Wave {w.number}
              {w.name ? `: ${w.name}` : ""}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="text-slate-700">Stage</span>
        <select name="stage" defaultValue={filters.stage ?? ""} className={control}>
          <option value="">Any stage</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {stageLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="text-slate-700">Status</span>
        <select name="status" defaultValue={filters.status ?? ""} className={control}>
          <option value="">Any status</option>
          {SLICE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="text-slate-700">Name or service</span>
        <input name="q" defaultValue={filters.q ?? ""} className={control} />
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
