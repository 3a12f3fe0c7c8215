import type { TeamWaits } from "@/lib/planning";

/**
 * Who waits on whom: blocked slices grouped by the team they wait on (the first `limit` per team,
 * with a link to the rest). `headingLevel` keeps the outline: h3 inside the board's card, h2 on
 * the page of its own, which has no card heading above the groups.
 */
export function WaitsView({ waits, limit, moreHref, headingLevel = 3 }: { waits: TeamWaits[]; limit?: number; moreHref?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (waits.length === 0) return <p className="text-sm text-slate-600">No slice is waiting on another: nothing is blocked.</p>;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
      {waits.map((group) => (
        <section key={group.team ?? "(none)"} aria-labelledby={`waits-${encodeURIComponent(group.team ?? "none")}-title`} id={`waits-${encodeURIComponent(group.team ?? "none")}`} className="rounded-md border border-slate-200 p-3">
          <Heading id={`waits-${encodeURIComponent(group.team ?? "none")}-title`} className="text-sm font-semibold text-slate-900">
            Waiting on {group.team ?? "slices without a team"} ({group.waiting.length})
          </Heading>
          <ul className="mt-2 space-y-1.5 text-sm">
            {group.waiting.slice(0, limit ?? group.waiting.length).map((w) => (
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
          {limit !== undefined && group.waiting.length > limit && moreHref ? (
            <a href={`${moreHref}#waits-${encodeURIComponent(group.team ?? "none")}`} className="mt-2 inline-block text-sm font-medium text-brand-700 underline">
              All {group.waiting.length} waiting on {group.team ?? "slices without a team"}
            </a>
          ) : null}
        </section>
      ))}
    </div>
  );
}
