import type { TeamWaits } from "@/lib/planning";

/** Who waits on whom: blocked slices grouped by the team they wait on. */
export function WaitsView({ waits }: { waits: TeamWaits[] }) {
  if (waits.length === 0) return <p className="text-sm text-slate-600">No slice is waiting on another: nothing is blocked.</p>;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
      {waits.map((group) => (
        <section key={group.team ?? "(none)"} aria-labelledby={`waits-${group.team ?? "none"}`} className="rounded-md border border-slate-200 p-3">
          <h3 id={`waits-${group.team ?? "none"}`} className="text-sm font-semibold text-slate-900">
            Waiting on {group.team ?? "slices without a team"} ({group.waiting.length})
          </h3>
          <ul className="mt-2 space-y-1.5 text-sm">
            {group.waiting.map((w) => (
              <li key={w.id}>
                <span className="font-medium text-slate-900">{w.name}</span> <span className="text-slate-600">({w.team ?? "no team"}, wave {w.wave})</span> waits on{" "}
                {w.waitsOn.map((ref, i) => (
                  <span key={ref.id}>
                    {i > 0 ? ", " : ""}
                    {ref.name} <span className="text-slate-600">(wave {ref.wave}, {ref.status.replace("_", " ")})</span>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
