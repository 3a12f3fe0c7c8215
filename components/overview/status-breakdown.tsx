import { statusColour } from "@/components/slices/status-style";
import { SLICE_STATUSES, statusLabel } from "@/lib/slices/stages";
import type { Overview } from "@/lib/overview/summary";

/** Slices by status as one stacked bar plus a legend that states every count in words. */
export function StatusBreakdown({ slices }: { slices: Overview["slices"] }) {
  const present = SLICE_STATUSES.filter((s) => slices.byStatus[s] > 0);
  if (slices.total === 0) return <p className="text-sm text-slate-600">No slices yet. Slices are the units that move; the wave planner proposes them from the inventory.</p>;
  return (
    <div>
      <div className="flex h-4 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        {present.map((s) => (
          <div key={s} className={statusColour[s]} style={{ width: `${(slices.byStatus[s] / slices.total) * 100}%` }} />
        ))}
      </div>
      <ul className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4" aria-label="Slices by status">
        {SLICE_STATUSES.map((s) => (
          <li key={s} className="flex items-center gap-2">
            <span aria-hidden="true" className={`h-3 w-3 rounded-sm ${statusColour[s]}`} />
            <span className="text-slate-700">{statusLabel[s]}</span>
            <span className="ml-auto font-medium tabular-nums">{slices.byStatus[s]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
