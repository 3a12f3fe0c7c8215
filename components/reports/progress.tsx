import { ProgressBar } from "@/components/ui/progress-bar";
import { facilityStatusLabel } from "@/lib/facilities/schemas";
import { stageLabel } from "@/lib/slices/stages";
import type { FacilityLine, FacilityStatus, PlannedMove, ScopeChange, WaveLine } from "@/lib/reports/types";
import { formatDay } from "@/lib/reports/words";
import { countChange } from "./format";
import { ChangeLine } from "./headline";

const facilityMark: Record<FacilityStatus, { mark: string; className: string }> = {
  ready: { mark: "✓", className: "bg-emerald-50 text-emerald-900 ring-emerald-300" },
  in_progress: { mark: "…", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  not_started: { mark: "○", className: "bg-slate-50 text-slate-800 ring-slate-300" },
};

/** Platform facilities: each status in words (with a mark), what changed, which waves need it. */
export function FacilityReadiness({ facilities }: { facilities: FacilityLine[] }) {
  if (facilities.length === 0) return <p className="text-sm text-slate-600">No platform facilities recorded.</p>;
  const ready = facilities.filter((f) => f.status === "ready").length;
  return (
    <div>
      <p className="mb-3 text-sm text-slate-700">
        {ready} of {facilities.length} ready
      </p>
      <ul aria-label="Platform facilities" className="divide-y divide-slate-100 text-sm">
        {facilities.map((f) => (
          <li key={f.key} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2 first:pt-0 last:pb-0">
            <span className="min-w-0">
              <span className="font-medium text-slate-900">{f.name}</span>
              <span className="block text-xs text-slate-600">
                {f.ownerTeam ? `Owner: ${f.ownerTeam}` : "No owner team"}
                {f.requiredByWaves.length ? ` · needed by wave${f.requiredByWaves.length === 1 ? "" : "s"} ${f.requiredByWaves.join(", ")}` : ""}
              </span>
            </span>
            <span className="text-right">
              <span className={`inline-flex items-center gap-1 rounded px-1.5 text-xs font-medium ring-1 ${facilityMark[f.status].className}`}>
                <span aria-hidden="true">{facilityMark[f.status].mark}</span>
                {facilityStatusLabel[f.status]}
              </span>
              {f.previous && f.previous !== f.status ? <span className="block text-xs text-slate-600">was {facilityStatusLabel[f.previous].toLowerCase()} last week</span> : null}
              {f.previous === null ? <span className="block text-xs text-slate-600">new this week</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Each wave's slices live or done, with the change since last week. The bar repeats the count,
 * so narrow screens drop it rather than scroll the table.
 */
export function WaveLines({ waves }: { waves: WaveLine[] }) {
  if (waves.length === 0) return <p className="text-sm text-slate-600">No waves planned yet.</p>;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Progress of each wave at the end of the week</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600">
          <th scope="col" className="py-2 pr-4 font-medium">Wave</th>
          <th scope="col" className="py-2 pr-4 font-medium">Live or done</th>
          <th scope="col" className="hidden w-1/3 py-2 font-medium sm:table-cell">Progress</th>
        </tr>
      </thead>
      <tbody>
        {waves.map((w) => (
          <tr key={w.number} className="border-b border-slate-100 last:border-0">
            <th scope="row" className="py-2.5 pr-4 text-left font-medium">
              {w.label}
              <span className="block text-xs font-normal text-slate-600">{w.plannedStart || w.plannedEnd ? `${formatDay(w.plannedStart)} – ${formatDay(w.plannedEnd)}` : "not scheduled"}</span>
            </th>
            <td className="py-2.5 pr-4">
              <span className="tabular-nums">
                {w.finished.value} of {w.slices}
              </span>
              <span className="block text-xs text-slate-600">
                <ChangeLine change={countChange(w.finished)} />
              </span>
            </td>
            <td className="hidden py-2.5 sm:table-cell">
              <ProgressBar value={w.finished.value} max={w.slices} label={`${w.label}: ${w.finished.value} of ${w.slices} slices live or done`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Next week's planned moves: the slices whose plan says they should move on. */
export function NextWeek({ moves }: { moves: PlannedMove[] }) {
  if (moves.length === 0) return <p className="text-sm text-slate-600">No moves planned for next week.</p>;
  return (
    <ul aria-label="Planned moves next week" className="divide-y divide-slate-100 text-sm">
      {moves.map((m) => (
        <li key={m.sliceId} className="py-2 first:pt-0 last:pb-0">
          <p>
            <span className="font-medium">{m.slice}</span> {m.nextStage ? `from ${stageLabel(m.stage)} to ${stageLabel(m.nextStage)}` : `at ${stageLabel(m.stage)}`}
          </p>
          <p className="text-xs text-slate-600">
            {m.team} · {m.wave === null ? "no wave" : `wave ${m.wave}`}
            {m.plannedEnd ? ` · planned to finish ${formatDay(m.plannedEnd)}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Services and slices added or removed this week, or a sentence saying scope held. */
export function ScopeChanges({ scope }: { scope: ScopeChange }) {
  const lines = [
    ["Services added", scope.servicesAdded],
    ["Services removed", scope.servicesRemoved],
    ["Slices added", scope.slicesAdded],
    ["Slices removed", scope.slicesRemoved],
  ] as const;
  const changed = lines.filter(([, names]) => names.length > 0);
  if (changed.length === 0) return <p className="text-sm text-slate-600">Scope did not change this week.</p>;
  return (
    <dl className="space-y-2 text-sm">
      {changed.map(([label, names]) => (
        <div key={label}>
          <dt className="font-medium text-slate-800">
            {label} ({names.length})
          </dt>
          <dd className="text-slate-700">{names.join(", ")}</dd>
        </div>
      ))}
    </dl>
  );
}
