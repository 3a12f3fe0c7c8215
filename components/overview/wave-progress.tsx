import { ProgressBar } from "@/components/ui/progress-bar";
import { stacked } from "@/components/ui/stacked-table";
import { formatDate } from "@/lib/format";
import type { WaveProgress } from "@/lib/overview/summary";

export function WaveProgressTable({ waves }: { waves: WaveProgress[] }) {
  if (waves.length === 0) return <p className="text-sm text-slate-600">No waves planned yet.</p>;
  return (
    // A card per wave on a phone: four columns squeezed the bars to 20 px and the dates to four lines.
    <table className={`w-full text-sm ${stacked.table}`}>
      <caption className="sr-only">Progress of each wave</caption>
      <thead className={stacked.head}>
        <tr className="border-b border-slate-200 text-left text-slate-600">
          <th scope="col" className="py-2 pr-4 font-medium">Wave</th>
          <th scope="col" className="py-2 pr-4 font-medium">Planned</th>
          <th scope="col" className="py-2 pr-4 font-medium">Slices live or done</th>
          <th scope="col" className="w-1/4 min-w-20 py-2 font-medium">Progress</th>
        </tr>
      </thead>
      <tbody className={stacked.body}>
        {waves.map((w) => (
          <tr key={w.id} className={`border-b border-slate-100 last:border-0 ${stacked.row}`}>
            <th scope="row" className={`py-2.5 pr-4 text-left font-medium ${stacked.rowHeader}`}>
              {w.label}
              {w.goal ? <span className="block text-xs font-normal text-slate-500">{w.goal}</span> : null}
            </th>
            <td data-label="Planned" className={`py-2.5 pr-4 text-slate-700 ${stacked.cell}`}>
              {w.plannedStart || w.plannedEnd ? `${formatDate(w.plannedStart)} – ${formatDate(w.plannedEnd)}` : "not scheduled"}
            </td>
            <td data-label="Live or done" className={`py-2.5 pr-4 tabular-nums ${stacked.cell}`}>
              {w.finished} of {w.slices}
            </td>
            <td data-label="Progress" className={`py-2.5 ${stacked.cell} ${stacked.wide}`}>
              <ProgressBar value={w.finished} max={w.slices} label={`${w.label}: ${w.finished} of ${w.slices} slices live or done`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
