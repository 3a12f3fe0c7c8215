import { Link } from "@/components/ui/link";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { stacked } from "@/components/ui/stacked-table";
import type { SliceListRow } from "@/lib/slices/queries/slice-list";
import { stageLabel, statusLabel } from "@/lib/slices/stages";
import { statusColour } from "./status-style";

/**
 * The slices list: stage, status, checklist progress, owner and whether the slice waits on
 * another. Every name is a link: the slice, its team, its wave on the board.
 */
// Below 768 px each row reads as a card: as a table the list scrolled sideways and hid the
// status, the checklist and the blocked badge.
const cell = `px-3 py-2 ${stacked.cell}`;

export function SliceTable({ slug, rows }: { slug: string; rows: SliceListRow[] }) {
  const programmeBase = `/p/${slug}`;
  const base = `${programmeBase}/slices`;
  return (
    <ScrollRegion label="Slices list" className="rounded-lg border border-slate-200 bg-white">
      <table className={`min-w-full text-sm ${stacked.table}`} aria-label="Slices">
        <thead className={`bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600 ${stacked.head}`}>
          <tr>
            <th scope="col" className="px-3 py-2">Slice</th>
            <th scope="col" className="px-3 py-2">Owner</th>
            <th scope="col" className="px-3 py-2">Wave</th>
            <th scope="col" className="px-3 py-2">Stage</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="w-48 px-3 py-2">Checklist</th>
            <th scope="col" className="px-3 py-2">Blocked</th>
          </tr>
        </thead>
        <tbody className={`divide-y divide-slate-100 ${stacked.body}`}>
          {rows.map((r) => (
            <tr key={r.id} className={`${stacked.row} max-md:px-4`}>
              <th scope="row" className={`px-3 py-2 text-left font-medium ${stacked.rowHeader}`}>
                <Link href={`${base}/${r.id}`} className="text-brand-700 underline">
                  {r.name}
                </Link>
              </th>
              <td data-label="Owner" className={`${cell} text-slate-700`}>
                <Link href={`${programmeBase}/teams/${r.teamId}`} className="text-brand-700 underline">
                  {r.team}
                </Link>
              </td>
              <td data-label="Wave" className={`${cell} tabular-nums text-slate-700`}>
                {r.wave === null ? (
                  "—"
                ) : (
                  <Link href={`${programmeBase}/waves#wave-${r.wave}`} className="text-brand-700 underline" aria-label={`Wave ${r.wave} on the board`}>
                    {r.wave}
                  </Link>
                )}
              </td>
              <td data-label="Stage" className={`${cell} tabular-nums text-slate-900`}>
                {stageLabel(r.stage)}
              </td>
              <td data-label="Status" className={cell}>
                <span className="inline-flex items-center gap-2">
                  <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${statusColour[r.status]}`} />
                  {statusLabel[r.status]}
                </span>
              </td>
              <td data-label="Checklist" className={`${cell} ${stacked.wide}`}>
                <ProgressBar value={r.resolved} max={r.total} label={`${r.name}: ${r.resolved} of ${r.total} checklist items resolved`} />
              </td>
              <td className={`${cell} text-slate-800 ${stacked.wide} ${r.waitsOn.length ? "" : "max-md:hidden"}`}>
                {r.waitsOn.length ? <span className="rounded border border-rose-300 bg-rose-50 px-1.5 py-0.5 text-rose-900">Blocked: waits on {r.waitsOn.join(", ")}</span> : "No"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="p-4 text-sm text-slate-600">No slice matches these filters.</p> : null}
    </ScrollRegion>
  );
}
