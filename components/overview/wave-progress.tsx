import { ProgressBar } from "@/components/ui/progress-bar";
import { formatDate } from "@/lib/format";
import type { WaveProgress } from "@/lib/overview/summary";

export function WaveProgressTable({ waves }: { waves: WaveProgress[] }) {
  if (waves.length === 0) return <p className="text-sm text-slate-600">No waves planned yet.</p>;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Progress of each wave</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600">
          <th scope="col" className="py-2 pr-4 font-medium">Wave</th>
          <th scope="col" className="py-2 pr-4 font-medium">Planned</th>
          <th scope="col" className="py-2 pr-4 font-medium">Slices live or done</th>
          <th scope="col" className="w-1/4 min-w-20 py-2 font-medium">Progress</th>
        </tr>
      </thead>
      <tbody>
        {waves.map((w) => (
          <tr key={w.id} className="border-b border-slate-100 last:border-0">
            <th scope="row" className="py-2.5 pr-4 text-left font-medium">
              {w.label}
              {w.goal ? <span className="block text-xs font-normal text-slate-500">{w.goal}</span> : null}
            </th>
            <td className="py-2.5 pr-4 text-slate-700">
              {w.plannedStart || w.plannedEnd ? `${formatDate(w.plannedStart)} – ${formatDate(w.plannedEnd)}` : "not scheduled"}
            </td>
            <td className="py-2.5 pr-4 tabular-nums">
              {w.finished} of {w.slices}
            </td>
            <td className="py-2.5">
              <ProgressBar value={w.finished} max={w.slices} label={`${w.label}: ${w.finished} of ${w.slices} slices live or done`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
