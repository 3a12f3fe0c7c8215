import type { Plan, PlannedSlice } from "@/lib/planning";
import type { PlanChanges } from "@/lib/waves/stored-plan";

function SliceLine({ slice, note }: { slice: PlannedSlice; note?: string }) {
  return (
    <li className="rounded border border-slate-200 bg-white px-2 py-1.5">
      <span className="font-medium text-slate-900">{slice.name}</span> <span className="text-slate-600">· {slice.team ?? "no team"}</span>
      {note ? <span className="ml-1 rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">{note}</span> : null}
      <span className="block text-xs text-slate-600">{slice.reason}</span>
    </li>
  );
}

/** The proposed waves beside the current ones, wave by wave, with what moves marked in words. */
export function PlanComparison({ proposed, current, changes }: { proposed: Plan; current: Plan; changes: PlanChanges }) {
  const count = Math.max(proposed.waves.length, ...current.waves.map((w) => w.number), 0);
  const moved = new Map(changes.moved.map((c) => [c.sliceId, c.from]));
  const created = new Set(changes.created.map((c) => c.sliceId));
  const currentByNumber = new Map(current.waves.map((w) => [w.number, w]));
  if (count === 0) return <p className="text-sm text-slate-600">This programme has no services yet: the plan is empty.</p>;
  return (
    <table className="w-full table-fixed border-separate border-spacing-y-2 text-sm">
      <caption className="sr-only">Proposed waves beside the current waves</caption>
      <thead>
        <tr className="text-left text-slate-700">
          <th scope="col" className="w-20">Wave</th>
          <th scope="col">Proposed</th>
          <th scope="col">Current</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: count }, (_, i) => i + 1).map((number) => {
          const next = proposed.waves[number - 1]?.slices ?? [];
          const now = currentByNumber.get(number)?.slices ?? [];
          return (
            <tr key={number} className="align-top">
              <th scope="row" className="pr-2 text-left font-semibold text-slate-900">
                {number}
              </th>
              <td className="pr-3">
                <ul className="space-y-1">
                  {next.map((s) => (
                    <SliceLine key={s.id} slice={s} note={created.has(s.id) ? "new slice" : moved.has(s.id) ? `moves from ${moved.get(s.id) === null ? "no wave" : `wave ${moved.get(s.id)}`}` : undefined} />
                  ))}
                  {next.length === 0 ? <li className="text-xs text-slate-500">Nothing</li> : null}
                </ul>
              </td>
              <td>
                <ul className="space-y-1">
                  {now.map((s) => (
                    <SliceLine key={s.id} slice={s} />
                  ))}
                  {now.length === 0 ? <li className="text-xs text-slate-500">Nothing</li> : null}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
